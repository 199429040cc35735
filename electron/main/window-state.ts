/**
 * The main window's size and position across launches. The pure half: parse what was saved
 * (anything may be in that file), fit it onto the displays that exist now, and decide when to save.
 * No `electron` import: displays, windows and timers are passed in, so every rule is testable.
 */
import { z } from 'zod';

/** A rectangle in screen coordinates (Electron's `Rectangle`, in device-independent pixels). */
export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What is remembered: the window's normal (not maximized) bounds and whether it was maximized. */
export interface WindowState {
  readonly bounds: Rectangle;
  readonly isMaximized: boolean;
}

/** The size of a first window, and the smallest the layout works at. */
export const DEFAULT_SIZE = { width: 1200, height: 820 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;

/** A coordinate as saved: finite and within any plausible desktop. */
const coordinate = z.number().finite().min(-1_000_000).max(1_000_000);

const windowStateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: coordinate, height: coordinate }),
  isMaximized: z.boolean().catch(false),
});

/** Parses the saved file's text; `null` when it is missing, not JSON or not in the expected form. */
export function parseWindowState(text: string | null | undefined): WindowState | null {
  if (typeof text !== 'string' || text.length > 64 * 1024) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = windowStateSchema.safeParse(json);
  if (!parsed.success) return null;
  const { bounds, isMaximized } = parsed.data;
  return {
    bounds: {
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      width: Math.round(bounds.width),
      height: Math.round(bounds.height),
    },
    isMaximized,
  };
}

/** The text written to the file. */
export function serializeWindowState(state: WindowState): string {
  const { x, y, width, height } = state.bounds;
  return `${JSON.stringify({ bounds: { x, y, width, height }, isMaximized: state.isMaximized }, null, 2)}\n`;
}

function overlap(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

function centered(width: number, height: number, area: Rectangle): Rectangle {
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where the window opens: the saved bounds moved and shrunk so the whole window lies on the work
 * area (screen minus task bar or dock) of the display it mostly was on, or centered on the primary
 * display when it was on none of them (a monitor that has since been unplugged). Never smaller
 * than {@link MIN_SIZE} unless the display itself is smaller.
 *
 * @param workAreas the work areas of all current displays (`screen.getAllDisplays()`)
 * @param primary the primary display's work area (`screen.getPrimaryDisplay()`)
 */
export function fitWindowState(
  saved: WindowState | null,
  workAreas: readonly Rectangle[],
  primary: Rectangle,
): WindowState {
  const areas = workAreas.filter((area) => area.width > 0 && area.height > 0);
  const fallback = primary.width > 0 && primary.height > 0 ? primary : (areas[0] ?? primary);
  const size = (area: Rectangle, width: number, height: number): [number, number] => [
    Math.min(Math.max(width, MIN_SIZE.width), area.width),
    Math.min(Math.max(height, MIN_SIZE.height), area.height),
  ];
  if (saved === null) {
    const [width, height] = size(fallback, DEFAULT_SIZE.width, DEFAULT_SIZE.height);
    return { bounds: centered(width, height, fallback), isMaximized: false };
  }
  let best: Rectangle | undefined;
  let bestOverlap = 0;
  for (const area of areas) {
    const shared = overlap(saved.bounds, area);
    if (shared > bestOverlap) {
      best = area;
      bestOverlap = shared;
    }
  }
  const area = best ?? fallback;
  const [width, height] = size(area, saved.bounds.width, saved.bounds.height);
  if (best === undefined) return { bounds: centered(width, height, area), isMaximized: saved.isMaximized };
  return {
    bounds: {
      x: clamp(saved.bounds.x, area.x, area.x + area.width - width),
      y: clamp(saved.bounds.y, area.y, area.y + area.height - height),
      width,
      height,
    },
    isMaximized: saved.isMaximized,
  };
}

/** The slice of a `BrowserWindow` the tracker needs. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

/** Timers, injectable so tests can run the debounce by hand. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Saves the window's state shortly after it stops moving or resizing, and at once when it closes.
 * `save` must not throw (it is called from window events); `delayMs` is the debounce.
 */
export function trackWindowState(
  win: TrackedWindow,
  save: (state: WindowState) => void,
  delayMs = 500,
  timers: Timers = {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
): void {
  let pending: unknown = null;
  const capture = (): void => {
    if (win.isDestroyed()) return;
    save({ bounds: win.getNormalBounds(), isMaximized: win.isMaximized() });
  };
  const later = (): void => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = timers.setTimeout(() => {
      pending = null;
      capture();
    }, delayMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event, later);
  win.on('close', () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
    capture();
  });
}
