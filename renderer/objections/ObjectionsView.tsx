import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatCitation } from '../../src/citations/index';
import { ASSESSMENT_TEXT } from '../../src/export/index';
import type { ClauseTree } from '../../src/model/clause';
import {
  OBJECTION_ASSESSMENTS,
  type Annotation,
  type LinkRecord,
  type Objection,
  type ObjectionAssessment,
} from '../../src/model/review';
import { REVIEWABLE_TYPES, unitAnnotations } from '../../src/review/index';
import {
  addObjection,
  deleteObjection,
  updateObjection,
  useAnnotations,
  useDb,
  useDocuments,
  useLinks,
  useObjections,
  useProject,
  useSetting,
  useTree,
  type ObjectionFields,
} from '../db';
import { ExportDialog } from '../export/ExportDialog';
import { plainMessage } from '../ui/errors';
import { oneLine } from '../ui/format';
import { DOCUMENT_MISSING, PROJECT_GONE, ProjectProblem } from '../ui/ProjectProblem';
import { StanceBadge } from '../workspace/StanceBadge';
import './objections.css';

export interface ObjectionsViewProps {
  readonly projectId: string;
  readonly objectionId: string | null;
  readonly onSelect: (objectionId: string | null) => void;
  readonly onOpenUnit: (unitId: string) => void;
  readonly onBack: () => void;
}

/** Typing pauses this long before an edit is stored (and always on leaving a field). */
const SAVE_DELAY_MS = 300;
/** A write that failed is tried again after this long. */
const RETRY_MS = 3_000;

function assessmentLabel(assessment: ObjectionAssessment | null): string {
  return ASSESSMENT_TEXT[assessment ?? 'none'];
}

/**
 * The Objections panel: objections raised against the code (who, when, where, the claim), the
 * commitments and measures each concerns with the verdicts and links recorded on them, and the
 * user's response. Exports the response memo.
 */
export function ObjectionsView(props: ObjectionsViewProps) {
  const project = useProject(props.projectId);
  const law = useTree(project?.lawFingerprint);
  const code = useTree(project?.codeFingerprint);
  const objections = useObjections(props.projectId);
  const annotations = useAnnotations(props.projectId);
  const links = useLinks(props.projectId);
  const documents = useDocuments();
  const author = useSetting('author') ?? '';
  const db = useDb();
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    if (project) document.title = `Objections — ${project.name} — Crosswalk`;
  }, [project]);

  if (project === undefined || objections === undefined || annotations === undefined || links === undefined)
    return <p className="status muted pad">Opening the objections…</p>;
  if (project === null)
    return <ProjectProblem message={PROJECT_GONE} backLabel="Back" onBack={props.onBack} />;
  if (law === null || code === null)
    return <ProjectProblem message={DOCUMENT_MISSING} backLabel="Back" onBack={props.onBack} />;
  if (law === undefined || code === undefined)
    return <p className="status muted pad">Opening the documents…</p>;

  const selected = objections.find((o) => o.id === props.objectionId) ?? null;
  const create = (): void => {
    addObjection(db, project.id, { author }).then(
      (objection) => props.onSelect(objection.id),
      (e: unknown) => setError(plainMessage(e)),
    );
  };
  const lawDocument = documents?.find((d) => d.fingerprint === project.lawFingerprint);
  const codeDocument = documents?.find((d) => d.fingerprint === project.codeFingerprint);

  return (
    <main className="objections" data-testid="objections" aria-labelledby="objections-title">
      <div className="ov-bar">
        <button type="button" className="link" onClick={props.onBack} data-testid="objections-back">
          ← Workspace
        </button>
        <h2 id="objections-title">Objections</h2>
        <span className="muted ov-project">{project.name}</span>
        <button type="button" className="secondary" onClick={create} data-testid="objection-new">
          New objection
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => setExporting(true)}
          disabled={lawDocument === undefined || codeDocument === undefined}
          data-testid="objections-export"
        >
          Response memo…
        </button>
      </div>
      {error !== null && (
        <p className="status error pad" role="alert">
          {error}
        </p>
      )}
      <div className="obj-body">
        <nav className="obj-list" aria-label="Objections">
          {objections.length === 0 ? (
            <p className="muted pad">
              No objections yet. Record one with <b>New objection</b>: who raised it, the claim, the
              commitments it concerns, and your response.
            </p>
          ) : (
            <ul>
              {objections.map((o) => (
                <li key={o.id}>
                  <button
                    type="button"
                    className={`obj-item${o.id === selected?.id ? ' selected' : ''}`}
                    aria-current={o.id === selected?.id ? 'true' : undefined}
                    onClick={() => props.onSelect(o.id)}
                    data-testid="objection-item"
                  >
                    <span className="obj-title">{o.title.trim() || 'Untitled objection'}</span>
                    <span className="muted small">
                      {o.raisedBy.trim() || 'unknown'} · {o.units.length} unit
                      {o.units.length === 1 ? '' : 's'} · {o.assessment ?? 'not assessed'}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
        {selected === null ? (
          <section className="obj-editor muted pad">
            {objections.length > 0 ? 'Choose an objection to read or edit it.' : null}
          </section>
        ) : (
          <ObjectionEditor
            key={selected.id}
            objection={selected}
            code={code}
            annotations={annotations}
            links={links}
            author={author}
            onOpenUnit={props.onOpenUnit}
            onDeleted={() => props.onSelect(null)}
            onError={(e) => setError(plainMessage(e))}
          />
        )}
      </div>
      {exporting && lawDocument !== undefined && codeDocument !== undefined && (
        <ExportDialog
          initialTemplate="response"
          input={{
            project,
            law,
            code,
            lawDocument,
            codeDocument,
            links,
            annotations,
            objections,
            author,
          }}
          onClose={() => setExporting(false)}
        />
      )}
    </main>
  );
}

interface EditorProps {
  readonly objection: Objection;
  readonly code: ClauseTree;
  readonly annotations: readonly Annotation[];
  readonly links: readonly LinkRecord[];
  readonly author: string;
  readonly onOpenUnit: (unitId: string) => void;
  readonly onDeleted: () => void;
  readonly onError: (error: unknown) => void;
}

/** One objection's fields, autosaved; its units with their verdicts and accepted links as evidence. */
function ObjectionEditor({
  objection,
  code,
  annotations,
  links,
  author,
  onOpenUnit,
  onDeleted,
  onError,
}: EditorProps) {
  const db = useDb();
  const id = useId();
  // The draft is this editor's own: the live query's copy of the record lags behind typing.
  const [draft, setDraft] = useState<ObjectionFields>(() => ({
    title: objection.title,
    raisedBy: objection.raisedBy,
    raisedOn: objection.raisedOn,
    source: objection.source,
    claim: objection.claim,
    units: objection.units,
    assessment: objection.assessment,
    response: objection.response,
    author: objection.author,
  }));
  const pending = useRef<Partial<ObjectionFields>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [attach, setAttach] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);

  const flush = (): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const patch = pending.current;
    pending.current = {};
    if (Object.keys(patch).length === 0) return;
    updateObjection(db, objection.id, patch).catch((error: unknown) => {
      // A failed write (a full disk, another window) is not dropped: it goes back under whatever
      // was typed since, and is tried again.
      pending.current = { ...patch, ...pending.current };
      timer.current ??= setTimeout(() => flushRef.current(), RETRY_MS);
      onError(error);
    });
  };
  // Whatever is still pending when the editor goes away (another objection, another screen, the
  // window closing) is saved.
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  });
  useEffect(() => {
    const onHide = (): void => flushRef.current();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      flushRef.current();
    };
  }, []);

  const change = (patch: Partial<ObjectionFields>, now = false): void => {
    // Who wrote the response is whoever edits it last.
    const withAuthor = author !== '' && author !== draft.author ? { ...patch, author } : patch;
    setDraft((current) => ({ ...current, ...withAuthor }));
    pending.current = { ...pending.current, ...withAuthor };
    if (timer.current !== null) clearTimeout(timer.current);
    if (now) flush();
    else timer.current = setTimeout(flush, SAVE_DELAY_MS);
  };

  const reviewable = useMemo(() => code.units.filter((u) => REVIEWABLE_TYPES.has(u.type)), [code]);
  const byId = useMemo(() => new Map(code.units.map((u) => [u.id as string, u])), [code]);
  const latest = useMemo(() => unitAnnotations(annotations), [annotations]);
  const accepted = useMemo(() => {
    const out = new Map<string, string[]>();
    for (const link of links)
      if (link.status === 'accepted') out.set(link.source, [...(out.get(link.source) ?? []), link.target]);
    return out;
  }, [links]);
  const unitName = (unitId: string): string => {
    const unit = byId.get(unitId);
    const heading = unit?.heading ?? (unit ? oneLine(unit.text, 60) : '');
    return heading ? `${formatCitation(unitId)} — ${heading}` : formatCitation(unitId);
  };

  return (
    <section className="obj-editor" aria-labelledby={`${id}-h`} data-testid="objection-editor">
      <h3 id={`${id}-h`} className="visually-hidden">
        Objection: {draft.title || 'untitled'}
      </h3>
      <div className="obj-fields">
        <label className="block">
          Objection
          <input
            value={draft.title}
            placeholder="A short name, e.g. Copyright scope"
            onChange={(e) => change({ title: e.target.value })}
            onBlur={flush}
            data-testid="objection-title"
          />
        </label>
        <label className="block">
          Raised by
          <input
            value={draft.raisedBy}
            placeholder="Organisation or person"
            onChange={(e) => change({ raisedBy: e.target.value })}
            onBlur={flush}
            data-testid="objection-raised-by"
          />
        </label>
        <label className="block">
          Date
          <input
            type="date"
            value={draft.raisedOn}
            onChange={(e) =>
              change({ raisedOn: /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) ? e.target.value : '' }, true)
            }
            data-testid="objection-date"
          />
        </label>
        <label className="block">
          Source
          <input
            value={draft.source}
            placeholder="Letter, consultation answer, press release — with its reference"
            onChange={(e) => change({ source: e.target.value })}
            onBlur={flush}
            data-testid="objection-source"
          />
        </label>
      </div>
      <label className="block">
        The claim, quoted
        <textarea
          rows={3}
          value={draft.claim}
          onChange={(e) => change({ claim: e.target.value })}
          onBlur={flush}
          data-testid="objection-claim"
        />
      </label>

      <h4>Commitments and measures it concerns</h4>
      {draft.units.length === 0 ? (
        <p className="muted small">None attached yet.</p>
      ) : (
        <ul className="obj-units" data-testid="objection-units">
          {draft.units.map((unitId) => {
            const targets = accepted.get(unitId) ?? [];
            return (
              <li key={unitId} className="obj-unit">
                <div className="obj-unit-head">
                  <StanceBadge annotation={latest.get(unitId)} />
                  <button type="button" className="link" onClick={() => onOpenUnit(unitId)}>
                    {unitName(unitId)}
                  </button>
                  {!byId.has(unitId) && (
                    <span className="status error small">not in this version of the code</span>
                  )}
                  <button
                    type="button"
                    className="link small"
                    aria-label={`Detach ${formatCitation(unitId)}`}
                    onClick={() => change({ units: draft.units.filter((u) => u !== unitId) }, true)}
                  >
                    Detach
                  </button>
                </div>
                <div className="muted small">
                  {latest.get(unitId)?.stance ?? 'no verdict yet'}
                  {targets.length > 0
                    ? ` · linked to ${targets.map((t) => formatCitation(t)).join(', ')}`
                    : ' · no accepted links'}
                </div>
                {latest.get(unitId)?.rationale ? (
                  <p className="obj-rationale small">{oneLine(latest.get(unitId)?.rationale ?? '', 240)}</p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <div className="obj-attach">
        <label className="block">
          Attach a commitment or measure
          <select value={attach} onChange={(e) => setAttach(e.target.value)} data-testid="objection-attach">
            <option value="">Choose…</option>
            {reviewable
              .filter((u) => !draft.units.includes(u.id))
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {unitName(u.id)}
                </option>
              ))}
          </select>
        </label>
        <button
          type="button"
          className="secondary"
          disabled={attach === ''}
          onClick={() => {
            change({ units: [...draft.units, attach] }, true);
            setAttach('');
          }}
          data-testid="objection-attach-add"
        >
          Attach
        </button>
      </div>

      <fieldset className="obj-assessment">
        <legend>Assessment</legend>
        {[...OBJECTION_ASSESSMENTS, null].map((value) => (
          <label key={value ?? 'none'} className="inline">
            <input
              type="radio"
              name={`${id}-assessment`}
              checked={draft.assessment === value}
              onChange={() => change({ assessment: value }, true)}
              data-testid={`objection-assessment-${value ?? 'none'}`}
            />
            {assessmentLabel(value)}
          </label>
        ))}
      </fieldset>
      <label className="block">
        Response (Markdown): the evidence that the code clarifies the law, or the admission that it goes
        further
        <textarea
          rows={8}
          value={draft.response}
          onChange={(e) => change({ response: e.target.value })}
          onBlur={flush}
          data-testid="objection-response"
        />
      </label>
      <p className="muted small">
        {draft.author ? `Response by ${draft.author}. ` : ''}Saved as you type. Created{' '}
        {objection.createdAt.slice(0, 10)}.
      </p>
      <div className="dialog-actions">
        {confirmDelete ? (
          <>
            <span role="alert">Delete this objection and its response? This cannot be undone.</span>
            <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                if (timer.current !== null) clearTimeout(timer.current);
                pending.current = {};
                deleteObjection(db, objection.id).then(onDeleted, onError);
              }}
              data-testid="objection-delete-confirm"
            >
              Delete
            </button>
          </>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirmDelete(true)}>
            Delete objection…
          </button>
        )}
      </div>
    </section>
  );
}
