/**
 * Merging a colleague's bundle into a project: a plan, computed without touching anything, that
 * the caller applies (adds only) and shows. Two rules: nothing that exists is changed or deleted,
 * and nothing is lost silently. Where the two reviews differ, ours stays, theirs is kept beside it
 * where that makes sense (annotations), and the difference is reported for the conflict view.
 *
 * Importing the same bundle twice adds nothing the second time: incoming items are matched by id
 * (links by project, source and target), and an annotation kept beside ours gets an id derived
 * from its own id and time, so it is recognised when it comes again.
 */
import {
  linkId,
  type Annotation,
  type LinkRecord,
  type Objection,
  type ProjectRecord,
} from '../model/review';
import type { Bundle } from './bundle';

export type MergeConflict =
  | {
      /** The same link decided differently: ours kept, theirs only reported. */
      readonly kind: 'link';
      readonly source: string;
      readonly target: string;
      readonly ours: LinkRecord;
      readonly theirs: LinkRecord;
    }
  | {
      /**
       * `annotation`: the same annotation edited differently on each side; both kept, theirs under a
       * new id. `parallel`: different authors' verdicts on the same unit or link; both kept.
       */
      readonly kind: 'annotation' | 'parallel';
      readonly source: string;
      readonly target: string | null;
      readonly ours: Annotation;
      /** As it will be stored: re-keyed into the target project, with its new id where it got one. */
      readonly theirs: Annotation;
    }
  | {
      /** The same objection edited differently on each side: both kept, theirs under a new id. */
      readonly kind: 'objection';
      readonly ours: Objection;
      readonly theirs: Objection;
    };

export interface MergeReport {
  readonly linksAdded: number;
  readonly linksUnchanged: number;
  /** Our undecided suggestions that took the sender's decision. */
  readonly linksDecided: number;
  readonly annotationsAdded: number;
  readonly annotationsUnchanged: number;
  readonly objectionsAdded: number;
  readonly objectionsUnchanged: number;
  readonly conflicts: number;
}

export interface MergePlan {
  readonly addLinks: readonly LinkRecord[];
  /** Our undecided machine suggestions that take the sender's decision (accepted or rejected). */
  readonly decideLinks: readonly LinkRecord[];
  readonly addAnnotations: readonly Annotation[];
  readonly addObjections: readonly Objection[];
  readonly conflicts: readonly MergeConflict[];
  readonly report: MergeReport;
}

export interface ExistingReview {
  /** The target project's links (those of other projects are ignored). */
  readonly links: readonly LinkRecord[];
  /**
   * The target project's annotations, and any annotation of another project whose id an incoming
   * one uses (annotation ids are storage keys shared by all projects): such an id counts as taken,
   * so the incoming annotation gets a derived one and nothing of the other project is overwritten.
   */
  readonly annotations: readonly Annotation[];
  /** The same for objections: the target project's, and any other whose id an incoming one uses. */
  readonly objections?: readonly Objection[];
}

/** Everything an objection says, in a fixed order; its id and project are left out. */
function objectionContent(o: Objection): string {
  return JSON.stringify([
    o.title,
    o.raisedBy,
    o.raisedOn,
    o.source,
    o.claim,
    o.units,
    o.assessment,
    o.response,
    o.author,
    o.createdAt,
    o.updatedAt,
  ]);
}

/** Everything an annotation says, in a fixed order; its id and project are left out. */
function content(a: Annotation): string {
  return JSON.stringify([
    a.source,
    a.target,
    a.quote.exact,
    a.quote.prefix,
    a.quote.suffix,
    a.stance,
    a.relationship,
    a.rationaleType,
    a.strength,
    a.rationale,
    a.tags,
    a.status,
    a.author,
    a.fromSuggestion,
    a.createdAt,
    a.updatedAt,
  ]);
}

/** The derived id of bundle version 1's era (before ids named their project): still recognised. */
function legacyDerivedId(id: string, updatedAt: string): string {
  return `${id}@${updatedAt}`;
}

/**
 * The id an incoming annotation (or objection) is kept under when its own id is taken. It names the
 * project it goes into: ids are storage keys shared by all projects, and two projects merging the
 * same bundle (a restored copy, a move to a revised PDF) must not pick the same derived id, which
 * the merge could not see (it reads only its own project and the incoming ids).
 */
export function derivedAnnotationId(id: string, projectId: string, updatedAt: string, attempt = 1): string {
  const base = `${id}@${updatedAt}@${projectId}`;
  return attempt === 1 ? base : `${base}#${attempt}`;
}

/** A link status that records a person's decision (a suggestion records none). */
const decided = (link: LinkRecord): boolean => link.status !== 'suggested';

/**
 * Plans the merge of `incoming` into the project `targetProjectId`. Pure: `existing` is read,
 * never changed, and the plan lists only additions.
 *
 * Links: a new one is added (re-keyed into the target project); one we have is unchanged when
 * both sides agree or theirs is a mere suggestion; a machine suggestion nobody here decided on
 * takes their decision (a suggestion is nobody's work, so nothing of anyone's is overwritten);
 * otherwise ours stays and a `link` conflict is reported. Annotations: a new id is added; the same content is unchanged; the same id with other
 * content is added under a derived id and reported as `annotation`; an added verdict on a unit or
 * link where another author already left one is reported as `parallel`.
 */
export function planMerge(existing: ExistingReview, incoming: Bundle, targetProjectId: string): MergePlan {
  const links = new Map<string, LinkRecord>();
  for (const link of existing.links) if (link.projectId === targetProjectId) links.set(link.id, link);
  // Every annotation id given is taken (ids are storage keys across projects); only the target
  // project's annotations are "ours", to compare with and to report conflicts against.
  const byId = new Map<string, Annotation>();
  for (const a of existing.annotations) byId.set(a.id, a);
  const bySpot = new Map<string, Annotation[]>();
  const spot = (a: Annotation): string => JSON.stringify([a.source, a.target]);
  for (const a of existing.annotations) {
    if (a.projectId !== targetProjectId) continue;
    const list = bySpot.get(spot(a));
    if (list) list.push(a);
    else bySpot.set(spot(a), [a]);
  }

  const addLinks: LinkRecord[] = [];
  const decideLinks: LinkRecord[] = [];
  const addAnnotations: Annotation[] = [];
  const conflicts: MergeConflict[] = [];
  let linksUnchanged = 0;
  let annotationsUnchanged = 0;

  for (const link of incoming.links) {
    const theirs: LinkRecord = {
      ...link,
      id: linkId(targetProjectId, link.source, link.target),
      projectId: targetProjectId,
    };
    const ours = links.get(theirs.id);
    if (ours === undefined) {
      links.set(theirs.id, theirs);
      addLinks.push(theirs);
    } else if (ours.status === theirs.status || !decided(theirs)) linksUnchanged += 1;
    else if (!decided(ours) && ours.origin === 'machine') {
      const taken: LinkRecord = { ...ours, status: theirs.status, updatedAt: theirs.updatedAt };
      links.set(taken.id, taken);
      decideLinks.push(taken);
    } else conflicts.push({ kind: 'link', source: theirs.source, target: theirs.target, ours, theirs });
  }

  // Only what was here before the merge counts as "ours" for parallel verdicts: two authors inside
  // the incoming bundle are the sender's business, already visible to them.
  for (const annotation of incoming.annotations) {
    const theirs: Annotation = { ...annotation, projectId: targetProjectId };
    let sameId: Annotation | null = null;
    // Its own id first; while that is taken by something else, ids derived from it and its time.
    for (let attempt = 0; ; attempt++) {
      const candidate: Annotation =
        attempt === 0
          ? theirs
          : {
              ...theirs,
              id: derivedAnnotationId(annotation.id, targetProjectId, annotation.updatedAt, attempt),
            };
      const there = byId.get(candidate.id);
      if (there === undefined) {
        // Kept here before under the id an earlier version derived: the same content, once.
        const legacy = byId.get(legacyDerivedId(annotation.id, annotation.updatedAt));
        if (
          attempt === 1 &&
          legacy?.projectId === targetProjectId &&
          content(legacy) === content(candidate)
        ) {
          annotationsUnchanged += 1;
          break;
        }
        add(candidate, sameId);
        break;
      }
      if (there.projectId === targetProjectId && content(there) === content(candidate)) {
        annotationsUnchanged += 1;
        break;
      }
      if (attempt === 0 && there.projectId === targetProjectId) sameId = there;
    }
  }

  function add(theirs: Annotation, sameId: Annotation | null): void {
    byId.set(theirs.id, theirs);
    addAnnotations.push(theirs);
    if (sameId !== null) {
      conflicts.push({
        kind: 'annotation',
        source: theirs.source,
        target: theirs.target,
        ours: sameId,
        theirs,
      });
      return;
    }
    for (const ours of bySpot.get(spot(theirs)) ?? [])
      if (ours.author !== theirs.author)
        conflicts.push({ kind: 'parallel', source: theirs.source, target: theirs.target, ours, theirs });
  }

  // Objections: the same rule as annotations (by id; same content once; else kept under a derived id).
  const objectionsById = new Map<string, Objection>();
  for (const o of existing.objections ?? []) objectionsById.set(o.id, o);
  const addObjections: Objection[] = [];
  let objectionsUnchanged = 0;
  for (const objection of incoming.objections) {
    const theirs: Objection = { ...objection, projectId: targetProjectId };
    let sameId: Objection | null = null;
    for (let attempt = 0; ; attempt++) {
      const candidate: Objection =
        attempt === 0
          ? theirs
          : {
              ...theirs,
              id: derivedAnnotationId(objection.id, targetProjectId, objection.updatedAt, attempt),
            };
      const there = objectionsById.get(candidate.id);
      const legacy = objectionsById.get(legacyDerivedId(objection.id, objection.updatedAt));
      if (
        there === undefined &&
        attempt === 1 &&
        legacy?.projectId === targetProjectId &&
        objectionContent(legacy) === objectionContent(candidate)
      ) {
        objectionsUnchanged += 1;
        break;
      }
      if (there === undefined) {
        objectionsById.set(candidate.id, candidate);
        addObjections.push(candidate);
        if (sameId !== null) conflicts.push({ kind: 'objection', ours: sameId, theirs: candidate });
        break;
      }
      if (there.projectId === targetProjectId && objectionContent(there) === objectionContent(candidate)) {
        objectionsUnchanged += 1;
        break;
      }
      if (attempt === 0 && there.projectId === targetProjectId) sameId = there;
    }
  }

  return {
    addLinks,
    decideLinks,
    addAnnotations,
    addObjections,
    conflicts,
    report: {
      linksAdded: addLinks.length,
      linksUnchanged,
      linksDecided: decideLinks.length,
      annotationsAdded: addAnnotations.length,
      annotationsUnchanged,
      objectionsAdded: addObjections.length,
      objectionsUnchanged,
      conflicts: conflicts.length,
    },
  };
}

export interface FingerprintCheck {
  /** Both documents are the same files. */
  readonly matches: boolean;
  readonly law: boolean;
  readonly code: boolean;
  /** A sentence for the import dialog; empty when they match. */
  readonly message: string;
}

/**
 * Whether a bundle was made against the same two PDFs as the project. Clause ids mostly survive a
 * revised document, so a mismatch is a warning for the user to weigh, not a refusal.
 */
export function fingerprintsMatch(project: ProjectRecord, bundle: Bundle): FingerprintCheck {
  const law = project.lawFingerprint === bundle.project.lawFingerprint;
  const code = project.codeFingerprint === bundle.project.codeFingerprint;
  const differing = [law ? null : 'law', code ? null : 'code'].filter((x): x is string => x !== null);
  const message =
    differing.length === 0
      ? ''
      : `The bundle was made against a different ${differing.join(' and ')} PDF than this project's ` +
        `(the files' fingerprints differ). Links and verdicts on clauses that changed may not fit.`;
  return { matches: law && code, law, code, message };
}
