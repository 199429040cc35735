import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { ClauseTree } from '../src/model/clause';
import { parsePdf } from '../src/parse';
import { Outline } from './Outline';
import { buildOutline, countByType } from './outline';
import { pdfjs, standardFontDataUrl } from './pdf/pdfjs';
import { readBrowserFile, type PdfFile, type Platform } from './platform';

type ImportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'reading'; readonly name: string; readonly done: number; readonly total: number }
  | { readonly phase: 'done'; readonly name: string; readonly tree: ClauseTree }
  | { readonly phase: 'cancelled'; readonly name: string }
  | { readonly phase: 'error'; readonly name: string | null; readonly message: string };

const FALLBACK_ERROR = 'Crosswalk could not read this file. It may be damaged or not a PDF.';

function plainMessage(error: unknown): string {
  // The parser already words its errors for people; anything else gets a generic sentence.
  return error instanceof Error && error.message.trim() !== '' ? error.message : FALLBACK_ERROR;
}

function looksLikePdf(file: File): boolean {
  return file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf');
}

function StatusLine({ state, onCancel }: { readonly state: ImportState; readonly onCancel: () => void }) {
  switch (state.phase) {
    case 'idle':
      return (
        <p className="status muted">
          Import a PDF of an act or a code of practice, or drop one onto this window.
        </p>
      );
    case 'reading':
      return (
        <div className="status reading" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          <span data-testid="progress">
            {state.total > 0 ? `Reading page ${state.done} of ${state.total}` : `Opening ${state.name}…`}
          </span>
          {state.total > 0 && (
            <progress max={state.total} value={state.done}>
              {state.done} / {state.total}
            </progress>
          )}
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      );
    case 'cancelled':
      return <p className="status muted">Import of {state.name} cancelled.</p>;
    case 'error':
      return (
        <div className="status error" role="alert" data-testid="error">
          {state.name !== null && <strong>{state.name}: </strong>}
          {state.message}
        </div>
      );
    case 'done':
      return null;
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

function DocumentView({ name, tree }: { readonly name: string; readonly tree: ClauseTree }) {
  const outline = useMemo(() => buildOutline(tree.units), [tree]);
  const counts = useMemo(() => countByType(tree), [tree]);
  const [openDepth, setOpenDepth] = useState(2);
  const [generation, setGeneration] = useState(0);
  const expand = (depth: number): void => {
    setOpenDepth(depth);
    setGeneration((g) => g + 1);
  };
  const { document: info } = tree;
  return (
    <section className="document" aria-label="Document">
      <dl className="doc-info" data-testid="doc-info">
        <div>
          <dt>File</dt>
          <dd>{name}</dd>
        </div>
        <div>
          <dt>Title</dt>
          <dd>{info.title || '(untitled)'}</dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>{info.kind}</dd>
        </div>
        <div>
          <dt>Pages</dt>
          <dd>{info.pages}</dd>
        </div>
        <div className="wide">
          <dt>Fingerprint (SHA-256)</dt>
          <dd className="mono">{info.fingerprint}</dd>
        </div>
      </dl>
      <div className="counts" data-testid="counts">
        <span className="count-total">{tree.units.length} units</span>
        {counts.map(({ type, count }) => (
          <span key={type} className={`count type-${type}`}>
            {type} <b>{count}</b>
          </span>
        ))}
      </div>
      <div className="outline-tools">
        <h2>Outline</h2>
        <button type="button" className="link" onClick={() => expand(Number.POSITIVE_INFINITY)}>
          Expand all
        </button>
        <button type="button" className="link" onClick={() => expand(0)}>
          Collapse all
        </button>
      </div>
      {outline.length === 0 ? (
        <p className="muted">No clauses were found in this document.</p>
      ) : (
        <Outline key={generation} nodes={outline} openDepth={openDepth} />
      )}
    </section>
  );
}

/** The whole page: import a PDF, watch it being read, then browse its clause tree. */
export function App({ platform }: { readonly platform: Platform }) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const [dragging, setDragging] = useState(false);
  const running = useRef<AbortController | null>(null);
  const dragDepth = useRef(0);

  const importPdf = useCallback(async (file: PdfFile) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    const current = (): boolean => running.current === controller;
    setState({ phase: 'reading', name: file.name, done: 0, total: 0 });
    try {
      const tree = await parsePdf(pdfjs, file.bytes, {
        signal: controller.signal,
        standardFontDataUrl: standardFontDataUrl(),
        onProgress: (done, total) => {
          if (current()) setState({ phase: 'reading', name: file.name, done, total });
        },
      });
      if (!current()) return;
      setState(
        controller.signal.aborted
          ? { phase: 'cancelled', name: file.name }
          : { phase: 'done', name: file.name, tree },
      );
    } catch (error) {
      if (!current()) return;
      setState(
        controller.signal.aborted
          ? { phase: 'cancelled', name: file.name }
          : { phase: 'error', name: file.name, message: plainMessage(error) },
      );
    } finally {
      if (current()) running.current = null;
    }
  }, []);

  const choose = useCallback(async () => {
    try {
      const file = await platform.openPdf();
      if (file !== null) await importPdf(file);
    } catch (error) {
      setState({ phase: 'error', name: null, message: plainMessage(error) });
    }
  }, [platform, importPdf]);

  const cancel = useCallback(() => running.current?.abort(), []);

  useEffect(() => platform.onPdfOpened((file) => void importPdf(file)), [platform, importPdf]);
  useEffect(() => () => running.current?.abort(), []);

  const onDragEnter = (event: DragEvent): void => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    dragDepth.current += 1;
    setDragging(true);
  };
  const onDragOver = (event: DragEvent): void => {
    // Without this the browser (or Electron) would open the dropped file itself.
    event.preventDefault();
    event.dataTransfer.dropEffect = event.dataTransfer.types.includes('Files') ? 'copy' : 'none';
  };
  const onDragLeave = (): void => {
    dragDepth.current = Math.max(0, dragDepth.current - 1);
    if (dragDepth.current === 0) setDragging(false);
  };
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file === undefined) return;
    if (!looksLikePdf(file)) {
      setState({
        phase: 'error',
        name: file.name,
        message: 'This is not a PDF. Crosswalk can only import PDF files.',
      });
      return;
    }
    readBrowserFile(file).then(importPdf, (error: unknown) =>
      setState({ phase: 'error', name: file.name, message: plainMessage(error) }),
    );
  };

  const reading = state.phase === 'reading';
  return (
    <div
      className={dragging ? 'app dragging' : 'app'}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <header className="topbar">
        <h1>Crosswalk</h1>
        <p className="tagline">Read a policy against the law it implements, clause by clause. Offline.</p>
        <button type="button" className="primary" onClick={() => void choose()} disabled={reading}>
          Import PDF…
        </button>
      </header>
      <main>
        <StatusLine state={state} onCancel={cancel} />
        {state.phase === 'done' && (
          <DocumentView key={state.tree.document.fingerprint} name={state.name} tree={state.tree} />
        )}
      </main>
      {dragging && (
        <div className="drop-hint" aria-hidden="true">
          Drop the PDF to import it
        </div>
      )}
    </div>
  );
}
