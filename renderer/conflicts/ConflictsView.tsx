import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ClauseTree, Unit } from '../../src/model/clause';
import { unitQuote } from '../../src/model/quote';
import type { Annotation, ProjectRecord } from '../../src/model/review';
import type { VerdictConflict } from '../../src/review/conflicts';
import {
  keepMine,
  saveAnnotation,
  undo,
  useAnnotations,
  useDb,
  useHistoryState,
  useProject,
  useResolutions,
  useSetting,
  useTree,
  type Resolution,
} from '../db';
import { useWriteQueue } from '../storage/StorageBanner';
import { plainMessage } from '../ui/errors';
import { formatWhen, oneLine } from '../ui/format';
import { DOCUMENT_MISSING, PROJECT_GONE, ProjectProblem } from '../ui/ProjectProblem';
import {
  authorName,
  isOwn,
  planReattach,
  projectConflicts,
  spotCitation,
  type ReattachPlan,
} from './conflicts';
import './conflicts.css';

export interface ConflictsViewProps {
  readonly projectId: string;
  readonly onOpenUnit: (unitId: string) => void;
  readonly onBack: () => void;
}

/** What the screen's buttons do; each resolves once stored, or rejects with what went wrong. */
export interface ConflictActions {
  /** Makes the user's own verdict at the conflict's spot say what `other` says. */
  readonly adopt: (conflict: VerdictConflict, other: Annotation) => Promise<void>;
  readonly keepMine: (conflict: VerdictConflict) => Promise<void>;
  readonly reattach: (orphan: Annotation, source: string, target: string | null) => Promise<void>;
  readonly undo: () => Promise<void>;
  readonly canUndo: boolean;
}

export interface ConflictsReportProps {
  readonly project: ProjectRecord;
  readonly law: ClauseTree;
  readonly code: ClauseTree;
  readonly annotations: readonly Annotation[];
  readonly resolutions: readonly Resolution[];
  readonly author: string;
  readonly actions: ConflictActions;
  readonly onOpenUnit: (unitId: string) => void;
  readonly onBack: () => void;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summary(conflicts: number, orphans: number): string {
  if (conflicts === 0 && orphans === 0)
    return 'Nothing to resolve: no verdicts disagree and every note has its place.';
  return `${plural(conflicts, 'conflicting verdict')} · ${orphans === 1 ? '1 note lost its place' : `${orphans} notes lost their place`}`;
}

const RELATIONSHIP_WORDS: Readonly<Record<string, string>> = {
  equal: 'equal',
  'subset-of': 'subset of',
  'superset-of': 'superset of',
  'intersects-with': 'intersects with',
  'no-relationship': 'no relationship',
};

/** A unit's citation with its heading or first words, for a card's title. */
function unitLabel(unit: Unit | undefined, source: string, target: string | null): string {
  const where = spotCitation(source, target);
  const title = unit?.heading ?? (unit ? oneLine(unit.text, 60) : '');
  return title ? `${where} — ${oneLine(title, 80)}` : where;
}

/** Everything a verdict says, as text (a rationale is shown as written, never as markup). */
function VerdictFacts({
  annotation,
  heading,
  mine,
}: {
  readonly annotation: Annotation;
  readonly heading: string;
  /** The user's verdict to compare with: fields that differ from it are marked. */
  readonly mine: Annotation | undefined;
}) {
  const a = annotation;
  const differs = (field: keyof Annotation): string | undefined =>
    mine !== undefined && mine !== a && JSON.stringify(mine[field]) !== JSON.stringify(a[field])
      ? 'cf-differs'
      : undefined;
  return (
    <div
      className="cf-verdict"
      data-testid="conflict-verdict"
      data-author={a.author}
      data-stance={a.stance ?? ''}
    >
      <h5>{heading}</h5>
      <dl className="cf-facts">
        <dt>Stance</dt>
        <dd className={differs('stance')}>
          <span className={`stance-text stance-${a.stance ?? 'none'}`}>{a.stance ?? 'none'}</span>
        </dd>
        <dt>NIST relationship</dt>
        <dd className={differs('relationship')}>
          {a.relationship === null ? 'not set' : (RELATIONSHIP_WORDS[a.relationship] ?? a.relationship)}
        </dd>
        <dt>Rationale type</dt>
        <dd className={differs('rationaleType')}>{a.rationaleType ?? 'not set'}</dd>
        <dt>Strength</dt>
        <dd className={differs('strength')}>
          {a.strength === null ? 'not assessed' : `${a.strength} of 10`}
        </dd>
        <dt>Status</dt>
        <dd>{a.status}</dd>
        <dt>Tags</dt>
        <dd className={differs('tags')}>{a.tags.length === 0 ? 'none' : a.tags.join(', ')}</dd>
        <dt>Updated</dt>
        <dd>
          <time dateTime={a.updatedAt}>{formatWhen(a.updatedAt)}</time>
        </dd>
      </dl>
      {a.rationale.trim() === '' ? (
        <p className="muted small">No rationale.</p>
      ) : (
        <p className="cf-rationale">{a.rationale}</p>
      )}
    </div>
  );
}

interface Done {
  readonly message: string;
  /** A unit to offer opening after the change. */
  readonly open: string | null;
  readonly error: boolean;
}

function ConflictCard({
  conflict,
  unit,
  busy,
  onRun,
  actions,
  onOpenUnit,
}: {
  readonly conflict: VerdictConflict;
  readonly unit: Unit | undefined;
  readonly busy: boolean;
  readonly onRun: (job: () => Promise<void>, message: string, open: string | null) => void;
  readonly actions: ConflictActions;
  readonly onOpenUnit: (unitId: string) => void;
}) {
  const titleId = useId();
  const where = spotCitation(conflict.source, conflict.target);
  const { mine } = conflict;
  return (
    <li
      className="cf-card"
      data-testid="conflict-card"
      data-source={conflict.source}
      data-target={conflict.target ?? ''}
      aria-labelledby={titleId}
    >
      <div className="cf-card-head">
        <h4 id={titleId}>{unitLabel(unit, conflict.source, conflict.target)}</h4>
        <button
          type="button"
          className="secondary"
          onClick={() => onOpenUnit(conflict.source)}
          aria-label={`Open in workspace: ${where}`}
        >
          Open in workspace
        </button>
      </div>
      <div className="cf-verdicts">
        {mine === undefined ? (
          <div className="cf-verdict cf-none" data-testid="conflict-verdict" data-author="">
            <h5>Yours</h5>
            <p className="muted small">You have no verdict here yet.</p>
          </div>
        ) : (
          <VerdictFacts annotation={mine} heading="Yours" mine={mine} />
        )}
        {conflict.others.map((other) => (
          <VerdictFacts key={other.id} annotation={other} heading={authorName(other)} mine={mine} />
        ))}
      </div>
      <div className="cf-actions">
        {conflict.others.map((other) => {
          const name = other.author.trim() === '' ? 'this colleague' : other.author;
          return (
            <button
              key={other.id}
              type="button"
              className="secondary"
              disabled={busy}
              data-testid="use-verdict"
              onClick={() =>
                onRun(
                  () => actions.adopt(conflict, other),
                  `Your verdict on ${where} now says what ${name === 'this colleague' ? 'your colleague' : name} recorded. ${name === 'this colleague' ? 'Their' : `${name}'s`} own record is unchanged.`,
                  conflict.source,
                )
              }
            >
              Use {name}&apos;s verdict
            </button>
          );
        })}
        {mine !== undefined && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            data-testid="keep-mine"
            onClick={() =>
              onRun(
                () => actions.keepMine(conflict),
                `Kept your verdict on ${where}. It shows here again if either verdict changes.`,
                null,
              )
            }
          >
            Keep mine
          </button>
        )}
      </div>
    </li>
  );
}

function OrphanCard({
  orphan,
  props,
  busy,
  onRun,
}: {
  readonly orphan: Annotation;
  readonly props: ConflictsReportProps;
  readonly busy: boolean;
  readonly onRun: (job: () => Promise<void>, message: string, open: string | null) => void;
}) {
  const titleId = useId();
  const fieldId = useId();
  const errorId = useId();
  const codeIds = useMemo(() => new Set<string>(props.code.units.map((u) => u.id)), [props.code]);
  // A note whose unit is still there (only its law provision went) most likely stays on that unit.
  const [text, setText] = useState(() =>
    codeIds.has(orphan.source) ? spotCitation(orphan.source, null) : '',
  );
  const [plan, setPlan] = useState<ReattachPlan | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const lawIds = useMemo(() => new Set<string>(props.law.units.map((u) => u.id)), [props.law]);
  const unitGone = !codeIds.has(orphan.source);
  const targetGone = orphan.target !== null && !lawIds.has(orphan.target);
  const where = spotCitation(orphan.source, orphan.target);

  useEffect(() => {
    if (plan?.ok === true) confirmRef.current?.focus();
  }, [plan]);

  const find = (event: FormEvent): void => {
    event.preventDefault();
    setPlan(planReattach(orphan, text, props.code, props.law, props.annotations, props.author));
  };
  const quote = orphan.quote.exact.trim();
  return (
    <li
      className="cf-card"
      data-testid="orphan-card"
      data-id={orphan.id}
      data-source={orphan.source}
      aria-labelledby={titleId}
    >
      <div className="cf-card-head">
        <h4 id={titleId}>
          {where}{' '}
          <span className="mono muted">
            ({orphan.source}
            {orphan.target === null ? '' : ` → ${orphan.target}`})
          </span>
        </h4>
      </div>
      <p className="small">
        {unitGone
          ? `${spotCitation(orphan.source, null)} is not in the code as imported`
          : `${spotCitation(orphan.source, null)} is still in the code`}
        {orphan.target === null
          ? '.'
          : targetGone
            ? `; ${spotCitation(orphan.target, null)} is not in the law.`
            : '.'}
      </p>
      <p className="small">
        By <b>{isOwn(orphan, props.author) ? 'you' : authorName(orphan)}</b> · stance{' '}
        <span className={`stance-text stance-${orphan.stance ?? 'none'}`}>{orphan.stance ?? 'none'}</span> ·{' '}
        {orphan.status} · updated <time dateTime={orphan.updatedAt}>{formatWhen(orphan.updatedAt)}</time>
      </p>
      {orphan.rationale.trim() !== '' && (
        <p className="cf-rationale small">{oneLine(orphan.rationale, 400)}</p>
      )}
      <figure className="cf-quote">
        <figcaption className="field-label">Written against</figcaption>
        <blockquote>
          {quote === '' ? <span className="muted">(no text was quoted)</span> : oneLine(quote, 400)}
        </blockquote>
      </figure>
      <form className="cf-reattach" onSubmit={find}>
        <label htmlFor={fieldId} className="field-label">
          Re-attach to
        </label>
        <input
          id={fieldId}
          type="text"
          value={text}
          placeholder="e.g. Measure 9.4"
          data-testid="reattach-input"
          aria-describedby={plan?.ok === false ? errorId : undefined}
          aria-invalid={plan?.ok === false}
          onChange={(e) => {
            setText(e.target.value);
            setPlan(null);
          }}
        />
        <button type="submit" className="secondary" disabled={busy} data-testid="reattach-find">
          Re-attach…
        </button>
      </form>
      {targetGone && plan === null && (
        <p className="small muted">
          Its law provision is gone, so wherever it goes it becomes a note on the unit itself.
        </p>
      )}
      {plan?.ok === false && (
        <p className="cf-error small" id={errorId} role="alert" data-testid="reattach-error">
          {plan.error}
        </p>
      )}
      {plan?.ok === true && (
        <div className="cf-confirm" data-testid="reattach-confirm">
          <p className="small">
            Move this note to{' '}
            <b>
              {unitLabel(
                props.code.units.find((u) => u.id === plan.source),
                plan.source,
                plan.target,
              )}
            </b>
            ?
          </p>
          {plan.notes.map((note) => (
            <p key={note} className="small">
              {note}
            </p>
          ))}
          <div className="cf-actions">
            <button
              ref={confirmRef}
              type="button"
              className="primary"
              disabled={busy}
              data-testid="reattach-confirm-button"
              onClick={() =>
                onRun(
                  () => props.actions.reattach(orphan, plan.source, plan.target),
                  `Moved ${isOwn(orphan, props.author) ? 'your' : `${authorName(orphan)}'s`} note to ${spotCitation(plan.source, plan.target)}.`,
                  plan.source,
                )
              }
            >
              Move it there
            </button>
            <button type="button" className="secondary" onClick={() => setPlan(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

/** The screen from loaded data: the bar, the conflicting verdicts and the notes that lost their place. */
export function ConflictsReport(props: ConflictsReportProps) {
  const { project, law, code, annotations, resolutions, author, actions } = props;
  const { conflicts, orphans } = useMemo(
    () => projectConflicts(project.id, annotations, author, resolutions, code, law),
    [project.id, annotations, author, resolutions, code, law],
  );
  const units = useMemo(() => new Map<string, Unit>(code.units.map((u) => [u.id, u])), [code]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const conflictsId = useId();
  const orphansId = useId();

  // The card acted on goes away; focus goes to what happened rather than to the page's start.
  useEffect(() => {
    if (done !== null) statusRef.current?.focus();
  }, [done]);

  const run = (job: () => Promise<void>, message: string, open: string | null): void => {
    setBusy(true);
    job()
      .then(
        () => setDone({ message, open, error: false }),
        (error: unknown) => setDone({ message: plainMessage(error), open: null, error: true }),
      )
      .finally(() => setBusy(false));
  };

  return (
    <main className="conflicts" data-testid="conflicts" aria-labelledby="conflicts-title">
      <div className="cf-bar">
        <button type="button" className="link" onClick={props.onBack} data-testid="conflicts-back">
          ← Workspace
        </button>
        <h2 id="conflicts-title">Conflicts and misplaced notes</h2>
        <span className="muted cf-project">{project.name}</span>
        <button
          type="button"
          className="secondary"
          disabled={!actions.canUndo || busy}
          onClick={() => run(actions.undo, 'Undid the last verdict edit.', null)}
          data-testid="conflicts-undo"
          title="Undo the last verdict edit (not a Keep mine)"
        >
          Undo
        </button>
      </div>
      <div className="cf-body">
        <p className="cf-summary" data-testid="conflicts-summary">
          {summary(conflicts.length, orphans.length)}
        </p>
        <div ref={statusRef} tabIndex={-1} className="cf-status" role="status" data-testid="conflicts-status">
          {done !== null && (
            <p className={done.error ? 'status error' : 'status ok'}>
              {done.message}
              {done.open !== null && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => done.open !== null && props.onOpenUnit(done.open)}
                  >
                    Open {spotCitation(done.open, null)}
                  </button>
                </>
              )}
            </p>
          )}
        </div>
        <section className="cf-section" aria-labelledby={conflictsId}>
          <h3 id={conflictsId}>Conflicting verdicts</h3>
          <p className="muted small cf-intro">
            The same unit or link with verdicts that disagree, usually after merging a colleague&apos;s
            bundle. Both are kept. Using a colleague&apos;s verdict rewrites yours (undoable); theirs is never
            edited. What a colleague&apos;s verdict says differently from yours is underlined.
          </p>
          {conflicts.length === 0 ? (
            <p className="muted" data-testid="conflicts-empty">
              No conflicting verdicts.
            </p>
          ) : (
            <ul className="cf-list">
              {conflicts.map((conflict) => (
                <ConflictCard
                  key={conflict.spot}
                  conflict={conflict}
                  unit={units.get(conflict.source)}
                  busy={busy}
                  onRun={run}
                  actions={actions}
                  onOpenUnit={props.onOpenUnit}
                />
              ))}
            </ul>
          )}
        </section>
        <section className="cf-section" aria-labelledby={orphansId}>
          <h3 id={orphansId}>Notes that lost their place</h3>
          <p className="muted small cf-intro">
            Notes on a unit or law provision that is not in this project&apos;s documents (a revised PDF, or a
            bundle made over another version). They are kept; give each its place by typing a citation.
          </p>
          {orphans.length === 0 ? (
            <p className="muted" data-testid="orphans-empty">
              Every note has its place.
            </p>
          ) : (
            <ul className="cf-list">
              {orphans.map((orphan) => (
                <OrphanCard key={orphan.id} orphan={orphan} props={props} busy={busy} onRun={run} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </main>
  );
}

/**
 * Conflicts and misplaced notes of a project: verdicts by several people that disagree, side by
 * side, with "Use <author>'s verdict" and "Keep mine"; notes whose unit or provision is gone, with
 * a citation field to re-attach each. Every edit is undoable; nothing is deleted.
 */
export function ConflictsView({ projectId, onOpenUnit, onBack }: ConflictsViewProps) {
  const db = useDb();
  const queue = useWriteQueue();
  const project = useProject(projectId);
  const law = useTree(project?.lawFingerprint);
  const code = useTree(project?.codeFingerprint);
  const annotations = useAnnotations(projectId);
  const resolutions = useResolutions(projectId);
  const author = useSetting('author') ?? '';
  const history = useHistoryState(projectId);

  useEffect(() => {
    if (project) document.title = `Conflicts — ${project.name} — Crosswalk`;
  }, [project]);

  const actions = useMemo((): ConflictActions | null => {
    if (!code) return null;
    return {
      // Through the workspace's write queue: the same undoable save (and retry when storage fails)
      // as an edit in the verdict editor, on the user's own record only.
      adopt: (conflict, other) =>
        queue.enqueue({
          kind: 'annotation',
          id: conflict.mine?.id ?? crypto.randomUUID(),
          projectId,
          source: conflict.source,
          target: conflict.target,
          author,
          quote:
            conflict.mine?.quote ??
            unitQuote(
              code.units,
              code.units.findIndex((u) => u.id === conflict.source),
            ),
          patch: {
            stance: other.stance,
            relationship: other.relationship,
            rationaleType: other.rationaleType,
            strength: other.strength,
            rationale: other.rationale,
            tags: [...other.tags],
          },
          coalesce: null,
        }),
      keepMine: async (conflict) => {
        await keepMine(db, projectId, conflict.spot, conflict.signature);
      },
      reattach: async (orphan, source, target) => {
        // A verdict on a link shows in the workspace only beside that link.
        if (target !== null) await queue.enqueue({ kind: 'user-link', projectId, source, target });
        // A person has placed it: it is now written on this unit's text, so it quotes that text
        // (an old quote would keep it listed as having lost its place). Undo restores the old one.
        const index = code?.units.findIndex((unit) => unit.id === source) ?? -1;
        const quote = index >= 0 && code ? unitQuote(code.units, index) : orphan.quote;
        await saveAnnotation(db, { ...orphan, source, target, quote });
      },
      undo: async () => {
        await undo(db, projectId);
      },
      canUndo: history.canUndo,
    };
  }, [db, queue, projectId, author, code, history.canUndo]);

  if (project === undefined || annotations === undefined || resolutions === undefined) {
    return <p className="status muted pad">Opening the conflicts…</p>;
  }
  if (project === null) {
    return (
      <ProjectProblem message={PROJECT_GONE} backLabel="Back" onBack={onBack} backTestId="conflicts-back" />
    );
  }
  if (law === null || code === null) {
    return (
      <ProjectProblem
        message={DOCUMENT_MISSING}
        backLabel="Back"
        onBack={onBack}
        backTestId="conflicts-back"
      />
    );
  }
  if (law === undefined || code === undefined || actions === null)
    return <p className="status muted pad">Opening the documents…</p>;
  return (
    <ConflictsReport
      project={project}
      law={law}
      code={code}
      annotations={annotations}
      resolutions={resolutions}
      author={author}
      actions={actions}
      onOpenUnit={onOpenUnit}
      onBack={onBack}
    />
  );
}
