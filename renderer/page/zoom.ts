/**
 * The page view's arithmetic and keys, apart from React and the DOM so they can be tested alone:
 * zoom steps, fit to width, the canvas's pixel density, and what a key press asks for.
 */

/**
 * CSS pixels per PDF point at 100 %: a point is 1/72 inch and a CSS pixel 1/96 inch, so a page shows
 * at its printed size (what PDF viewers call 100 %).
 */
export const CSS_PER_POINT = 96 / 72;

/** The zoom steps the +/− buttons and keys walk through (1 = 100 %, the printed size). */
export const ZOOM_STEPS: readonly number[] = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

export const MIN_ZOOM = ZOOM_STEPS[0] ?? 0.5;
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1] ?? 4;

/** Below this difference two zooms are the same step (fit-to-width lands between steps). */
const SAME = 0.005;

/** The next step up from `current` (which may lie between steps), or `current` at the top. */
export function zoomIn(current: number): number {
  return ZOOM_STEPS.find((step) => step > current + SAME) ?? Math.max(current, MAX_ZOOM);
}

/** The next step down from `current`, or `current` at the bottom. */
export function zoomOut(current: number): number {
  return [...ZOOM_STEPS].reverse().find((step) => step < current - SAME) ?? Math.min(current, MIN_ZOOM);
}

/**
 * The zoom at which a page `pageWidth` points wide fills `availableWidth` CSS pixels, kept within
 * the zoom range; 1 while either is unknown (nothing laid out yet).
 */
export function fitWidthZoom(availableWidth: number, pageWidth: number): number {
  if (!(availableWidth > 0) || !(pageWidth > 0)) return 1;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, availableWidth / (pageWidth * CSS_PER_POINT)));
}

/** The most the opening zoom enlarges a page to fit a wide window: beyond it lines get long to read. */
export const AUTO_MAX_ZOOM = 1.25;

/** The opening zoom: fit to width, but no larger than `AUTO_MAX_ZOOM` (a narrow window still fits). */
export function autoZoom(availableWidth: number, pageWidth: number): number {
  return Math.min(AUTO_MAX_ZOOM, fitWidthZoom(availableWidth, pageWidth));
}

/**
 * Canvas pixels per CSS pixel: the screen's density, lowered where the canvas would exceed
 * `maxPixels` (a large page at high zoom on a dense screen would take hundreds of megabytes).
 */
export function canvasPixelRatio(
  cssWidth: number,
  cssHeight: number,
  devicePixelRatio: number,
  maxPixels = 2 ** 24,
): number {
  const wanted = devicePixelRatio > 0 && Number.isFinite(devicePixelRatio) ? devicePixelRatio : 1;
  const area = cssWidth * cssHeight;
  if (!(area > 0)) return wanted;
  return Math.min(wanted, Math.sqrt(maxPixels / area));
}

/** `n` kept within 1..`pages`. */
export function clampPage(n: number, pages: number): number {
  return Math.min(Math.max(1, Math.round(n)), Math.max(1, pages));
}

export type PageKeyAction = 'zoom-in' | 'zoom-out' | 'fit-width' | 'previous' | 'next' | 'back';

/** What the page view does for a key press, or null for keys it leaves alone. */
export function pageKeyAction(event: {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}): PageKeyAction | null {
  // Ctrl/Cmd with +/− is the app's (or the browser's) own zoom of the whole window.
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case '+':
    case '=':
      return 'zoom-in';
    case '-':
    case '_':
      return 'zoom-out';
    case '0':
      return 'fit-width';
    case 'PageUp':
      return 'previous';
    case 'PageDown':
      return 'next';
    case 'Escape':
      return 'back';
    default:
      return null;
  }
}
