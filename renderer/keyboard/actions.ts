/**
 * What the verdict shortcuts (`a`, `1`–`6`, `r`) write: the same records the workspace's buttons
 * and editor write, so undo, the badges and the progress follow as they do for a click.
 */
import type { Unit } from '../../src/model/clause';
import { unitQuote } from '../../src/model/quote';
import type { Annotation, LinkRecord } from '../../src/model/review';
import { groupLinks, spotKey, verdictsBySpot } from '../../src/review/index';
import { newAnnotation, saveAnnotation, setLinkStatus, type CrosswalkDb } from '../db';
import type { AnnotationPatch } from '../workspace/AnnotationEditor';

/**
 * Accepts the suggestion the links pane lists first among the unit's open ones (best rank first);
 * returns the accepted link, or null when the unit has no open suggestion.
 */
export async function acceptTopSuggestion(
  db: CrosswalkDb,
  links: readonly LinkRecord[],
): Promise<LinkRecord | null> {
  const top = groupLinks(links).suggested[0];
  return top === undefined ? null : setLinkStatus(db, top.id, 'accepted');
}

/** The unit whose verdict a shortcut changes, and who is changing it. */
export interface UnitVerdictTarget {
  readonly projectId: string;
  /** The code's units in document order: a first verdict quotes its unit's text from them. */
  readonly units: readonly Unit[];
  readonly unitId: string;
  /** The current author: their verdict is the one edited (see `verdictsBySpot`), never a colleague's. */
  readonly author: string;
}

/**
 * Applies `patch` to the author's own verdict on the unit itself (not on a link), creating it when
 * there is none yet, in one transaction, as one undoable step. Returns the verdict as stored; null
 * when the unit is not among `units`.
 */
export async function updateUnitVerdict(
  db: CrosswalkDb,
  at: UnitVerdictTarget,
  patch: AnnotationPatch,
): Promise<Annotation | null> {
  const index = at.units.findIndex((unit) => unit.id === at.unitId);
  if (index < 0) return null;
  return db.transaction('rw', [db.annotations, db.history, db.projects], async () => {
    const onUnit = await db.annotations
      .where('[projectId+source]')
      .equals([at.projectId, at.unitId])
      .filter((a) => a.target === null)
      .toArray();
    let base =
      verdictsBySpot(onUnit, at.author).get(spotKey(at.unitId, null))?.mine ??
      newAnnotation({
        projectId: at.projectId,
        source: at.unitId,
        quote: unitQuote(at.units, index),
        author: at.author,
      });
    // A verdict written before the user gave their name becomes theirs, as in the editor.
    if (base.author === '' && at.author !== '') base = { ...base, author: at.author };
    return saveAnnotation(db, { ...base, ...patch });
  });
}
