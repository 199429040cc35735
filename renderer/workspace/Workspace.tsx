import { DOCUMENT_MISSING, PROJECT_GONE, ProjectProblem } from '../ui/ProjectProblem';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatCitation } from '../../src/citations/index';
import { TreeIndex } from '../../src/linking/index';
import type { Annotation, LinkRecord, ReviewStance } from '../../src/model/review';
import { reviewProgress, reviewableUnits, spotKey, verdictsBySpot } from '../../src/review/index';
import {
  putSetting,
  redo,
  undo,
  useAnnotations,
  useDb,
  useHistoryState,
  useLinks,
  useDocuments,
  useObjections,
  useProject,
  useSetting,
  useTree,
} from '../db';
import { ExportDialog } from '../export/ExportDialog';
import { SearchBox } from '../search/SearchBox';
import { TreeFilters } from './TreeFilters';
import { applyCodeFilter, EMPTY_FILTER, isFilterActive, type CodeFilter } from '../../src/review/filters';
import { LawTree } from '../overview/LawTree';
import { LinkedFrom } from '../overview/LinkedFrom';
import { acceptTopSuggestion, updateUnitVerdict } from '../keyboard/actions';
import { ShortcutHelp } from '../keyboard/ShortcutHelp';
import { useShortcuts } from '../keyboard/useShortcuts';
import { adjacentUnit } from '../../src/review/navigation';
import { buildCodeTree, flattenIds } from './code-tree';
import { CodeTree } from './CodeTree';
import { LinksPane } from './LinksPane';
import { Splitter } from './Splitter';
import { UnitPane } from './UnitPane';
import { useConflictCount } from '../conflicts/useConflictCount';

export interface WorkspaceProps {
  readonly projectId: string;
  readonly unitId: string | null;
  readonly onSelectUnit: (id: string) => void;
  readonly onBack: () => void;
  readonly onSetAuthor: () => void;
  readonly onError: (error: unknown) => void;
  readonly onOpenPage: (doc: 'law' | 'code', clauseId: string) => void;
  readonly onOpenOverview: () => void;
  readonly onOpenObjections: () => void;
  /** Opens the project's conflicting verdicts and notes that lost their place. */
  readonly onOpenConflicts: () => void;
  /** Bumped by File › Export memo…: opens the export dialog. */
  readonly exportRequest: number;
}

const DEFAULT_WIDTHS: readonly [number, number] = [340, 480];
const MIN_PANE = 220;

function clampWidths(widths: readonly number[]): [number, number] {
  const max = Math.max(MIN_PANE, (typeof window === 'undefined' ? 1600 : window.innerWidth) - 2 * MIN_PANE);
  const pick = (value: number | undefined, fallback: number): number =>
    typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(MIN_PANE, value)) : fallback;
  return [pick(widths[0], DEFAULT_WIDTHS[0]), pick(widths[1], DEFAULT_WIDTHS[1])];
}

/** Where Ctrl+Z belongs to the field (its own text undo): text areas and text-like inputs. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement && /^(text|search|email|url|tel|number|password)$/.test(target.type)
  );
}

/** The three panes: the code's tree, the selected unit with its verdict, and the law provisions linked to it. */
export function Workspace(props: WorkspaceProps) {
  const db = useDb();
  const { projectId, onError } = props;
  const project = useProject(projectId);
  const lawTree = useTree(project?.lawFingerprint);
  const codeTree = useTree(project?.codeFingerprint);
  const links = useLinks(projectId);
  const annotations = useAnnotations(projectId);
  const author = useSetting('author') ?? '';
  const storedWidths = useSetting('paneWidths');
  const history = useHistoryState(projectId);
  const conflictCount = useConflictCount(projectId, annotations, author, codeTree, lawTree);
  const documents = useDocuments();
  const objections = useObjections(props.projectId);
  // File › Export memo… bumps `exportRequest`; the dialog is open while a request is unanswered.
  const [exportAnswered, setExportAnswered] = useState(props.exportRequest);
  const [exportClicked, setExportClicked] = useState(false);
  const exporting = exportClicked || props.exportRequest !== exportAnswered;
  const setExporting = (open: boolean): void => {
    setExportClicked(open);
    if (!open) setExportAnswered(props.exportRequest);
  };
  const [widths, setWidths] = useState<[number, number] | null>(null);
  const latestWidths = useRef<[number, number] | null>(null);
  const shown = widths ?? clampWidths(storedWidths ?? DEFAULT_WIDTHS);

  const law = useMemo(() => (lawTree ? new TreeIndex(lawTree) : null), [lawTree]);
  const code = useMemo(() => (codeTree ? new TreeIndex(codeTree) : null), [codeTree]);
  const nodes = useMemo(() => (codeTree ? buildCodeTree(codeTree) : []), [codeTree]);

  const linksBySource = useMemo(() => {
    const out = new Map<string, LinkRecord[]>();
    for (const link of links ?? []) {
      const list = out.get(link.source) ?? [];
      list.push(link);
      out.set(link.source, list);
    }
    return out;
  }, [links]);
  const acceptedCount = useMemo(() => {
    const out = new Map<string, number>();
    for (const link of links ?? [])
      if (link.status === 'accepted') out.set(link.source, (out.get(link.source) ?? 0) + 1);
    return out;
  }, [links]);
  const spots = useMemo(() => verdictsBySpot(annotations ?? [], author), [annotations, author]);
  const badges = useMemo(() => {
    const out = new Map<string, Annotation>();
    for (const spot of spots.values())
      if (spot.shown && spot.shown.target === null) out.set(spot.shown.source, spot.shown);
    return out;
  }, [spots]);
  const [filter, setFilter] = useState<CodeFilter>(EMPTY_FILTER);
  const filtered = useMemo(
    () =>
      applyCodeFilter(nodes, filter, {
        verdicts: badges,
        links: links ?? [],
        annotations: annotations ?? [],
      }),
    [nodes, filter, badges, links, annotations],
  );
  const visibleIds: ReadonlySet<string> | null = isFilterActive(filter) ? filtered.visible : null;
  const knownTags = useMemo(
    () => [...new Set((annotations ?? []).flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b)),
    [annotations],
  );
  const progress = useMemo(
    () => (codeTree ? reviewProgress(codeTree, annotations ?? []) : null),
    [codeTree, annotations],
  );

  const firstUnit = useMemo(() => (codeTree ? (reviewableUnits(codeTree)[0]?.id ?? null) : null), [codeTree]);
  const selected = props.unitId !== null && code?.byId.has(props.unitId) ? props.unitId : firstUnit;
  const unit = selected !== null ? code?.byId.get(selected) : undefined;

  const [lastStep, setLastStep] = useState<string | null>(null);
  const { onSelectUnit } = props;
  // Undo and redo go to the unit whose verdict they change, and say what they did: an edit made
  // elsewhere is never reverted out of sight.
  const step = useCallback(
    (which: 'undo' | 'redo') => {
      (which === 'undo' ? undo(db, projectId) : redo(db, projectId)).then((done) => {
        if (done === null) return;
        const { source, target } = done.annotation;
        onSelectUnit(source);
        setLastStep(
          `${which === 'undo' ? 'Undid' : 'Redid'} a verdict edit on ${formatCitation(source)}${target === null ? '' : ` → ${formatCitation(target)}`}.`,
        );
      }, onError);
    },
    [db, projectId, onError, onSelectUnit],
  );
  const doUndo = useCallback(() => step('undo'), [step]);
  const doRedo = useCallback(() => step('redo'), [step]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) doUndo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') doRedo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doUndo, doRedo]);

  /** A law provision found by search: the code unit that links to it, else its page. */
  const openLawUnit = (lawId: string): void => {
    const linking = (links ?? []).filter((link) => link.target === lawId && link.status !== 'rejected');
    const best = linking.find((link) => link.status === 'accepted') ?? linking[0];
    if (best !== undefined) {
      setLeftTab('code');
      props.onSelectUnit(best.source);
    } else {
      setLeftTab('law');
      setLawSelected(lawId);
    }
  };

  // Keyboard-first review: j/k, 1–6, a, r, /, g o, ? (see renderer/keyboard).
  const [helpOpen, setHelpOpen] = useState(false);
  const [leftTab, setLeftTab] = useState<'code' | 'law'>('code');
  const [lawSelected, setLawSelected] = useState<string | null>(null);
  const order = useMemo(() => flattenIds(nodes), [nodes]);
  const searchRef = useRef<HTMLInputElement>(null);
  const verdictAt = (patch: { stance?: ReviewStance; status?: 'reviewed' }): void => {
    if (selected === null || !codeTree) return;
    void updateUnitVerdict(db, { projectId, units: codeTree.units, unitId: selected, author }, patch).catch(
      onError,
    );
  };
  useShortcuts(
    {
      onNext: () => {
        const id = adjacentUnit(order, selected, 'next', visibleIds);
        if (id !== null) props.onSelectUnit(id);
      },
      onPrevious: () => {
        const id = adjacentUnit(order, selected, 'previous', visibleIds);
        if (id !== null) props.onSelectUnit(id);
      },
      onAccept: () =>
        void acceptTopSuggestion(db, selected === null ? [] : (linksBySource.get(selected) ?? [])).catch(
          onError,
        ),
      onStance: (stance) => verdictAt({ stance }),
      onReviewed: () => verdictAt({ status: 'reviewed' }),
      onSearch: () => searchRef.current?.focus(),
      onOverview: props.onOpenOverview,
      onHelp: () => setHelpOpen((open) => !open),
    },
    !exporting && !helpOpen,
  );

  useEffect(() => {
    if (project) document.title = `${unit ? `${formatCitation(unit.id)} — ` : ''}${project.name} — Crosswalk`;
  }, [project, unit]);

  if (project === undefined || links === undefined || annotations === undefined) {
    return <p className="status muted pad">Opening the project…</p>;
  }
  if (project === null) {
    return <ProjectProblem message={PROJECT_GONE} backLabel="Back to the library" onBack={props.onBack} />;
  }
  if (lawTree === null || codeTree === null) {
    return (
      <ProjectProblem message={DOCUMENT_MISSING} backLabel="Back to the library" onBack={props.onBack} />
    );
  }
  if (lawTree === undefined || codeTree === undefined || law === null || code === null || progress === null) {
    return <p className="status muted pad">Opening the documents…</p>;
  }

  const resize = (which: 0 | 1, delta: number): void => {
    const next: [number, number] = [...(latestWidths.current ?? shown)];
    next[which] = which === 0 ? next[0] + delta : next[1] - delta;
    latestWidths.current = clampWidths(next);
    setWidths(latestWidths.current);
  };
  // Stores what `resize` computed last: a key press resizes and persists in one go, before React
  // has rendered the new widths.
  const persist = (): void =>
    void putSetting(db, 'paneWidths', [...(latestWidths.current ?? shown)]).catch(onError);
  const unitLinks = unit ? (linksBySource.get(unit.id) ?? []) : [];
  const lawDocument = documents?.find((d) => d.fingerprint === project.lawFingerprint);
  const codeDocument = documents?.find((d) => d.fingerprint === project.codeFingerprint);

  return (
    <main className="workspace" data-testid="workspace" aria-label="Workspace">
      <div className="ws-bar">
        <button type="button" className="link" onClick={props.onBack} data-testid="back-to-library">
          ← Library
        </button>
        <h2 className="ws-title" title={`${codeTree.document.title} vs ${lawTree.document.title}`}>
          {project.name}
        </h2>
        <SearchBox
          law={lawTree}
          code={codeTree}
          annotations={annotations}
          onOpenCodeUnit={(id) => {
            setLeftTab('code');
            props.onSelectUnit(id);
          }}
          onOpenLawUnit={openLawUnit}
          inputRef={searchRef}
        />
        <div className="ws-progress" data-testid="progress-reviewed">
          <progress max={Math.max(1, progress.total)} value={progress.reviewed} aria-label="Units reviewed" />
          <span>
            {progress.reviewed} of {progress.total} reviewed
          </span>
        </div>
        {lastStep !== null && (
          <span className="muted small" role="status" data-testid="last-step">
            {lastStep}
          </span>
        )}
        <button type="button" className="secondary" onClick={props.onOpenOverview} data-testid="nav-overview">
          Overview
        </button>
        <button
          type="button"
          className="secondary"
          onClick={props.onOpenObjections}
          data-testid="nav-objections"
        >
          Objections{objections !== undefined && objections.length > 0 ? ` (${objections.length})` : ''}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={props.onOpenConflicts}
          data-testid="nav-conflicts"
          data-count={conflictCount}
          title="Conflicting verdicts and notes that lost their place"
        >
          {conflictCount > 0 ? `Conflicts (${conflictCount})` : 'Conflicts'}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => setExporting(true)}
          data-testid="open-export"
        >
          Export…
        </button>
        <button
          type="button"
          className="secondary"
          onClick={doUndo}
          disabled={!history?.canUndo}
          data-testid="undo"
          title="Undo the last verdict edit (Ctrl+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          className="secondary"
          onClick={doRedo}
          disabled={!history?.canRedo}
          data-testid="redo"
          title="Redo the verdict edit undone last (Ctrl+Shift+Z)"
        >
          Redo
        </button>
      </div>
      <div
        className="panes"
        style={{ gridTemplateColumns: `${shown[0]}px 6px minmax(280px, 1fr) 6px ${shown[1]}px` }}
      >
        <nav
          className="pane"
          aria-label={leftTab === 'code' ? "The code's commitments and measures" : "The law's provisions"}
        >
          <div className="pane-tabs" role="group" aria-label="Browse">
            <button
              type="button"
              className={leftTab === 'code' ? 'tab active' : 'tab'}
              aria-pressed={leftTab === 'code'}
              onClick={() => setLeftTab('code')}
              data-testid="tab-code"
              title={codeTree.document.title}
            >
              Code
            </button>
            <button
              type="button"
              className={leftTab === 'law' ? 'tab active' : 'tab'}
              aria-pressed={leftTab === 'law'}
              onClick={() => setLeftTab('law')}
              data-testid="tab-law"
              title={lawTree.document.title}
            >
              {lawTree.document.kind === 'act' && /2024\/1689/.test(lawTree.document.title)
                ? 'AI Act'
                : 'Law'}
            </button>
          </div>
          {leftTab === 'code' ? (
            <>
              <TreeFilters
                value={filter}
                onChange={setFilter}
                tags={knownTags}
                count={{ shown: filtered.matched.size, total: filtered.total }}
              />
              <CodeTree
                nodes={nodes}
                selected={selected}
                onSelect={props.onSelectUnit}
                verdicts={badges}
                visible={visibleIds}
                accepted={acceptedCount}
              />
            </>
          ) : (
            <LawTree law={lawTree} links={links} selectedLawId={lawSelected} onSelect={setLawSelected} />
          )}
        </nav>
        <Splitter
          label="Resize the code tree"
          value={shown[0]}
          onResize={(d) => resize(0, d)}
          onDone={persist}
        />
        <div className="pane">
          {leftTab === 'law' && lawSelected !== null ? (
            <LinkedFrom
              lawId={lawSelected}
              law={lawTree}
              code={codeTree}
              links={links}
              onOpenUnit={(id) => {
                setLeftTab('code');
                props.onSelectUnit(id);
              }}
            />
          ) : unit === undefined ? (
            <p className="muted pad">Select a commitment or measure.</p>
          ) : (
            <UnitPane
              key={unit.id}
              projectId={projectId}
              code={code}
              law={law}
              unit={unit}
              links={unitLinks}
              annotation={spots.get(spotKey(unit.id, null))?.mine}
              others={spots.get(spotKey(unit.id, null))?.others ?? []}
              knownTags={knownTags}
              author={author}
              onError={onError}
              onSetAuthor={props.onSetAuthor}
              onOpenPage={props.onOpenPage}
            />
          )}
        </div>
        <Splitter
          label="Resize the law pane"
          value={shown[1]}
          onResize={(d) => resize(1, d)}
          onDone={persist}
        />
        <div className="pane">
          <div className="pane-title">{lawTree.document.title || 'Law'}</div>
          {unit !== undefined && (
            <LinksPane
              key={unit.id}
              projectId={projectId}
              code={code}
              law={law}
              unit={unit}
              links={unitLinks}
              spots={spots}
              knownTags={knownTags}
              author={author}
              onError={onError}
              onSetAuthor={props.onSetAuthor}
              onOpenPage={props.onOpenPage}
            />
          )}
        </div>
      </div>
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
      {exporting && lawDocument !== undefined && codeDocument !== undefined && (
        <ExportDialog
          input={{
            project,
            law: lawTree,
            code: codeTree,
            lawDocument,
            codeDocument,
            links,
            annotations,
            objections: objections ?? [],
            author,
          }}
          onClose={() => setExporting(false)}
        />
      )}
    </main>
  );
}
