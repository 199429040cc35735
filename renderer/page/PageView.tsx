import { PROJECT_GONE } from '../ui/ProjectProblem';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatCitation } from '../../src/citations/index';
import { TreeIndex } from '../../src/linking/index';
import { firstHighlightPage, highlightRects, pagesWithBoxes, provisionBoxes } from '../../src/pdf/highlight';
import { loadPdfBytes, useDb, useProject, useTree } from '../db';
import type { PdfForRendering, RenderJob, RenderedPage } from '../pdf/render';
import { plainMessage } from '../ui/errors';
import {
  CSS_PER_POINT,
  autoZoom,
  canvasPixelRatio,
  clampPage,
  fitWidthZoom,
  pageKeyAction,
  zoomIn,
  zoomOut,
  type PageKeyAction,
} from './zoom';
import './page.css';

export interface PageViewProps {
  readonly projectId: string;
  /** Which of the project's documents the clause is in. */
  readonly doc: 'law' | 'code';
  readonly clauseId: string;
  /** The code unit the page was opened from (Back returns there); null when opened from elsewhere. */
  readonly from: string | null;
  /** Leaves the page view (also on Escape). */
  readonly onBack: () => void;
}

/** Padding of the scroll area around the page, each side (matches page.css). */
const STAGE_PADDING = 16;

type Loaded<T> =
  { readonly key: string; readonly value: T } | { readonly key: string; readonly error: string };

/** A drawn page with the zoom it was drawn at (the zoom that fit-to-width chose, say). */
interface Shown extends RenderedPage {
  readonly zoom: number;
  /** The request it answers: clause, page, zoom and the width it was fitted to. */
  readonly key: string;
  /** The same without the fitted width: the view scrolls to the clause once per scroll key. */
  readonly scrollKey: string;
}

/** The stored PDF bytes of a document; null value when the library has no bytes for it. */
function usePdfBytes(fingerprint: string | null | undefined): Loaded<Uint8Array | null> | undefined {
  const db = useDb();
  const [answer, setAnswer] = useState<Loaded<Uint8Array | null> | null>(null);
  useEffect(() => {
    if (fingerprint == null) return;
    let live = true;
    loadPdfBytes(db, fingerprint).then(
      (value) => live && setAnswer({ key: fingerprint, value }),
      (error: unknown) => live && setAnswer({ key: fingerprint, error: plainMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [db, fingerprint]);
  return answer !== null && answer.key === fingerprint ? answer : undefined;
}

/** The bytes opened with pdf.js (loaded on first use); destroyed when the bytes change or the view goes. */
function useRenderablePdf(bytes: Loaded<Uint8Array | null> | undefined): Loaded<PdfForRendering> | undefined {
  const [answer, setAnswer] = useState<Loaded<PdfForRendering> | null>(null);
  const key = bytes?.key ?? null;
  const data = bytes !== undefined && 'value' in bytes ? bytes.value : null;
  useEffect(() => {
    if (key === null || data === null) return;
    let live = true;
    let destroy: (() => Promise<void>) | null = null;
    import('../pdf/render')
      .then(({ openPdfForRendering }) => {
        if (!live) return null;
        const opening = openPdfForRendering(data);
        destroy = () => opening.destroy();
        return opening.promise;
      })
      .then(
        (pdf) => {
          if (live && pdf !== null) setAnswer({ key, value: pdf });
        },
        (error: unknown) => {
          if (live) setAnswer({ key, error: plainMessage(error) });
        },
      );
    return () => {
      live = false;
      if (destroy !== null) void destroy().catch(() => undefined);
    };
  }, [key, data]);
  return answer !== null && answer.key === key ? answer : undefined;
}

/** Where typing belongs to a field, not to the page view's keys. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target instanceof HTMLInputElement
  );
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function pageList(pages: readonly number[]): string {
  if (pages.length === 1) return `page ${pages[0]}`;
  const first = pages[0];
  const last = pages[pages.length - 1];
  const contiguous = last !== undefined && first !== undefined && last - first === pages.length - 1;
  return contiguous ? `pages ${first}–${last}` : `pages ${pages.join(', ')}`;
}

/**
 * The original PDF page a clause is printed on, drawn with pdf.js, with the clause (and its points)
 * highlighted; previous and next pages, zoom, and Back to where the user came from.
 */
export function PageView(props: PageViewProps) {
  const { projectId, doc, clauseId, from, onBack } = props;
  const project = useProject(projectId);
  const fingerprint =
    project === undefined ? undefined : project === null ? null : project[`${doc}Fingerprint`];
  const tree = useTree(fingerprint);
  const index = useMemo(() => (tree ? new TreeIndex(tree) : null), [tree]);
  const unit = index?.byId.get(clauseId);
  const boxes = useMemo(() => (index && unit ? provisionBoxes(index, unit) : []), [index, unit]);
  const bytes = usePdfBytes(fingerprint);
  const pdf = useRenderablePdf(bytes);
  const document_ = pdf !== undefined && 'value' in pdf ? pdf.value : null;

  const citation = formatCitation(clauseId);
  const title = tree?.document.title || (doc === 'law' ? 'The law' : 'The code');
  const highlighted = useMemo(() => pagesWithBoxes(boxes), [boxes]);
  const startPage = unit ? firstHighlightPage(boxes, unit.page) : 1;

  // The page the user moved to, for this clause of this document; until then, where the clause starts.
  const viewKey = `${fingerprint ?? ''}|${clauseId}`;
  const [choice, setChoice] = useState<{ readonly key: string; readonly page: number } | null>(null);
  const pages = document_?.pages ?? tree?.document.pages ?? 1;
  const pageNumber = clampPage(choice !== null && choice.key === viewKey ? choice.page : startPage, pages);
  const goTo = (page: number): void => setChoice({ key: viewKey, page: clampPage(page, pages) });

  // 'auto' (the opening zoom) fits the width up to 125 %; 'fit' fills the width whatever it is.
  const [zoom, setZoom] = useState<'auto' | 'fit' | number>('auto');
  const [availableWidth, setAvailableWidth] = useState(0);
  const fitWidth = typeof zoom === 'number' ? null : availableWidth;

  const [shown, setShown] = useState<Shown | null>(null);
  const [renderError, setRenderError] = useState<{ readonly key: string; readonly error: string } | null>(
    null,
  );
  const scrollKey = `${viewKey}|${pageNumber}|${zoom}`;
  const renderKey = `${scrollKey}|${fitWidth ?? ''}`;

  const stageRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const firstHighlightRef = useRef<HTMLDivElement>(null);
  const scrolledFor = useRef<string | null>(null);

  // The width a page at "fit width" fills: the scroll area's, less its padding.
  const ready = document_ !== null && unit !== undefined;
  useEffect(() => {
    const stage = stageRef.current;
    if (!ready || stage === null) return;
    const observer = new ResizeObserver(() => setAvailableWidth(stage.clientWidth - 2 * STAGE_PADDING));
    observer.observe(stage);
    return () => observer.disconnect();
  }, [ready]);

  // Draws the page; a newer page or zoom cancels a render still in flight.
  useEffect(() => {
    if (document_ === null || (fitWidth !== null && fitWidth <= 0)) return;
    let live = true;
    let job: RenderJob | null = null;
    const key = renderKey;
    const scrollTo = scrollKey;
    void (async () => {
      try {
        const size = await document_.pageSize(pageNumber);
        if (!live) return;
        const scale =
          zoom === 'auto'
            ? autoZoom(fitWidth ?? 0, size.width)
            : zoom === 'fit'
              ? fitWidthZoom(fitWidth ?? 0, size.width)
              : zoom;
        job = document_.render(pageNumber, scale * CSS_PER_POINT, (width, height) =>
          canvasPixelRatio(width, height, window.devicePixelRatio),
        );
        const page = await job.promise;
        if (live) setShown({ ...page, zoom: scale, key, scrollKey: scrollTo });
      } catch (error) {
        if (live) setRenderError({ key, error: plainMessage(error) });
      }
    })();
    return () => {
      live = false;
      job?.cancel();
    };
  }, [document_, pageNumber, zoom, fitWidth, renderKey, scrollKey]);

  // A finished render replaces the visible canvas in the same frame as the highlights move.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (shown === null || canvas === null) return;
    canvas.width = shown.canvas.width;
    canvas.height = shown.canvas.height;
    canvas.getContext('2d')?.drawImage(shown.canvas, 0, 0);
    // Scroll to the clause once per page and zoom (not again when the window is resized).
    if (scrolledFor.current === shown.scrollKey) return;
    scrolledFor.current = shown.scrollKey;
    const first = firstHighlightRef.current;
    if (first !== null) first.scrollIntoView({ block: 'center', inline: 'nearest' });
    else stageRef.current?.scrollTo({ top: 0 });
  }, [shown]);

  // Once there is a page to read, the keyboard is on it (arrows scroll, PageUp/PageDown turn pages).
  useEffect(() => {
    if (ready) stageRef.current?.focus({ preventScroll: true });
  }, [ready]);

  // The zoom asked for last (so quick presses add up), else the one fit-to-width chose for the page shown.
  const currentZoom = typeof zoom === 'number' ? zoom : (shown?.zoom ?? 1);
  useEffect(() => {
    const act = (action: PageKeyAction): void => {
      switch (action) {
        case 'zoom-in':
          setZoom(zoomIn(currentZoom));
          return;
        case 'zoom-out':
          setZoom(zoomOut(currentZoom));
          return;
        case 'fit-width':
          setZoom('fit');
          return;
        case 'previous':
          setChoice({ key: viewKey, page: clampPage(pageNumber - 1, pages) });
          return;
        case 'next':
          setChoice({ key: viewKey, page: clampPage(pageNumber + 1, pages) });
          return;
        case 'back':
          onBack();
          return;
        default: {
          const unreachable: never = action;
          return unreachable;
        }
      }
    };
    const onKey = (event: KeyboardEvent): void => {
      // A field's keys are its own; an open dialog (settings, about) has Escape for itself.
      if (event.defaultPrevented || isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const action = pageKeyAction(event);
      if (action === null) return;
      event.preventDefault();
      act(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [currentZoom, viewKey, pageNumber, pages, onBack]);

  useEffect(() => {
    document.title = `${citation}, page ${pageNumber} — Crosswalk`;
  }, [citation, pageNumber]);

  const rects = useMemo(
    () => (shown === null ? [] : highlightRects(boxes, shown.pageNumber, shown.transform)),
    [boxes, shown],
  );
  const failed = renderError !== null && renderError.key === renderKey ? renderError.error : null;
  const drawing = failed === null && shown?.key !== renderKey;

  const backLabel = from === null ? '← Back' : `← Back to ${formatCitation(from)}`;
  const header = (
    <div className="page-bar">
      <button type="button" className="link page-back" onClick={onBack} data-testid="page-back">
        {backLabel}
      </button>
      <h2 className="page-title" title={`${citation}${unit?.heading ? ` — ${unit.heading}` : ''} · ${title}`}>
        <span className="page-citation">{citation}</span>
        {unit?.heading ? <span className="page-heading"> — {unit.heading}</span> : null}
        <span className="page-doc muted"> · {title}</span>
      </h2>
    </div>
  );

  let problem: string | null = null;
  if (project === null) problem = PROJECT_GONE;
  else if (
    (project !== undefined && tree === null) ||
    (bytes !== undefined && 'value' in bytes && bytes.value === null)
  )
    problem = `The ${doc === 'law' ? 'law' : 'code'}'s PDF is no longer in the library, so its pages cannot be shown. Import it again.`;
  else if (bytes !== undefined && 'error' in bytes)
    problem = `The PDF could not be read from the library: ${sentence(bytes.error)}`;
  else if (index !== null && unit === undefined)
    problem = `${citation} is not in ${title}. The document may have been re-imported in a different version.`;
  else if (pdf !== undefined && 'error' in pdf)
    problem = `Crosswalk could not open this PDF to show its pages: ${sentence(pdf.error)} The file may be damaged.`;

  if (problem !== null) {
    return (
      <main className="page-view" data-testid="page-view" aria-label={`Original page of ${citation}`}>
        {header}
        <div className="pad">
          <p className="status error" role="alert" data-testid="page-problem">
            {problem}
          </p>
        </div>
      </main>
    );
  }
  if (!ready) {
    return (
      <main className="page-view" data-testid="page-view" aria-label={`Original page of ${citation}`}>
        {header}
        <p className="status muted pad" role="status">
          Opening the page…
        </p>
      </main>
    );
  }

  const onThisPage = highlighted.includes(pageNumber);
  const nextHighlighted = highlighted.find((p) => p > pageNumber) ?? highlighted[0] ?? startPage;
  return (
    <main className="page-view" data-testid="page-view" aria-label={`Original page of ${citation}`}>
      {header}
      <div className="page-tools" role="toolbar" aria-label="Page and zoom">
        <button
          type="button"
          className="secondary"
          onClick={() => goTo(pageNumber - 1)}
          disabled={pageNumber <= 1}
          data-testid="page-prev"
          title="Previous page (Page Up)"
        >
          ‹ Previous
        </button>
        <span className="page-number" data-testid="page-number" aria-live="polite">
          Page {pageNumber} of {pages}
        </span>
        <button
          type="button"
          className="secondary"
          onClick={() => goTo(pageNumber + 1)}
          disabled={pageNumber >= pages}
          data-testid="page-next"
          title="Next page (Page Down)"
        >
          Next ›
        </button>
        <span className="page-tools-gap" />
        <button
          type="button"
          className="secondary"
          onClick={() => setZoom(zoomOut(currentZoom))}
          data-testid="page-zoom-out"
          aria-label="Zoom out"
          title="Zoom out (−)"
        >
          −
        </button>
        <span className="page-zoom" aria-live="polite" data-testid="page-zoom">
          {Math.round(currentZoom * 100)} %
        </span>
        <button
          type="button"
          className="secondary"
          onClick={() => setZoom(zoomIn(currentZoom))}
          data-testid="page-zoom-in"
          aria-label="Zoom in"
          title="Zoom in (+)"
        >
          +
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => setZoom('fit')}
          aria-pressed={zoom === 'fit'}
          data-testid="page-fit-width"
          title="Fit the page to the window's width (0)"
        >
          Fit width
        </button>
      </div>
      <p className="page-where small" data-testid="page-where">
        {highlighted.length === 0 ? (
          <>
            Crosswalk has no position for the text of {citation}; it starts on page {unit.page}.
          </>
        ) : onThisPage ? (
          <>
            <span className="page-swatch" aria-hidden="true" /> {citation} is highlighted on{' '}
            {pageList(highlighted)}.
          </>
        ) : (
          <>
            {citation} is not on this page; it is on {pageList(highlighted)}.{' '}
            <button type="button" className="link" onClick={() => goTo(nextHighlighted)}>
              Go to page {nextHighlighted}
            </button>
          </>
        )}
      </p>
      {failed !== null && (
        <p className="status error page-failed" role="alert" data-testid="page-problem">
          Page {pageNumber} could not be drawn: {sentence(failed)} The PDF may be damaged or use a feature
          Crosswalk cannot show.
        </p>
      )}
      <div
        className="page-stage"
        ref={stageRef}
        tabIndex={0}
        role="region"
        aria-label={`Page ${pageNumber} of ${title}`}
        aria-busy={drawing}
      >
        <div
          className="page-sheet"
          style={shown === null ? undefined : { width: shown.width, height: shown.height }}
        >
          <canvas
            ref={canvasRef}
            className="page-canvas"
            data-testid="page-canvas"
            data-page={shown?.pageNumber}
            role="img"
            aria-label={
              shown === null
                ? `Page ${pageNumber}, being drawn`
                : `Page ${shown.pageNumber} of ${title}${rects.length > 0 ? `, with ${citation} highlighted` : ''}`
            }
            style={shown === null ? undefined : { width: shown.width, height: shown.height }}
          />
          {rects.map((rect, i) => (
            <div
              key={`${shown?.pageNumber}-${i}`}
              ref={i === 0 ? firstHighlightRef : undefined}
              className="page-highlight"
              data-testid="page-highlight"
              aria-hidden="true"
              style={{ left: rect.left, top: rect.top, width: rect.width, height: rect.height }}
            />
          ))}
        </div>
      </div>
    </main>
  );
}
