import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SIZE,
  fitWindowState,
  MIN_SIZE,
  parseWindowState,
  serializeWindowState,
  trackWindowState,
  type Rectangle,
  type TrackedWindow,
  type WindowState,
} from '../../electron/main/window-state';

const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 875 };
/** A second monitor to the right of the laptop, taller and offset upwards. */
const monitor: Rectangle = { x: 1440, y: -200, width: 2560, height: 1400 };

const state = (x: number, y: number, width: number, height: number, isMaximized = false): WindowState => ({
  bounds: { x, y, width, height },
  isMaximized,
});

function inside(bounds: Rectangle, area: Rectangle): boolean {
  return (
    bounds.x >= area.x &&
    bounds.y >= area.y &&
    bounds.x + bounds.width <= area.x + area.width &&
    bounds.y + bounds.height <= area.y + area.height
  );
}

describe('parseWindowState', () => {
  it('reads what serializeWindowState wrote', () => {
    const saved = state(12, 34, 1000, 700, true);
    expect(parseWindowState(serializeWindowState(saved))).toEqual(saved);
  });

  it('rounds fractional coordinates and treats a missing isMaximized as false', () => {
    expect(parseWindowState('{"bounds":{"x":1.4,"y":2.6,"width":900.5,"height":600}}')).toEqual(
      state(1, 3, 901, 600),
    );
  });

  it.each([
    ['nothing', null],
    ['an empty file', ''],
    ['not JSON', 'window at 10,10'],
    ['truncated JSON', '{"bounds":{"x":10,'],
    ['JSON null', 'null'],
    ['an array', '[10, 10, 800, 600]'],
    ['missing bounds', '{"isMaximized":true}'],
    ['a string coordinate', '{"bounds":{"x":"10","y":0,"width":800,"height":600}}'],
    ['a missing height', '{"bounds":{"x":10,"y":0,"width":800}}'],
    ['an absurd coordinate', '{"bounds":{"x":1e300,"y":0,"width":800,"height":600}}'],
    ['a __proto__ payload', '{"__proto__":{"bounds":{"x":0,"y":0,"width":800,"height":600}}}'],
    ['a huge file', `{"pad":"${'x'.repeat(70_000)}"}`],
  ])('gives up on %s', (_label, text) => {
    expect(parseWindowState(text)).toBeNull();
  });

  it('never throws, whatever the file holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const parsed = parseWindowState(text);
        if (parsed !== null) expect(Number.isFinite(parsed.bounds.x)).toBe(true);
      }),
    );
  });
});

describe('fitWindowState', () => {
  it('centers a first window at the default size on the primary display', () => {
    expect(fitWindowState(null, [laptop, monitor], monitor)).toEqual(
      state(1440 + (2560 - 1200) / 2, -200 + (1400 - 820) / 2, DEFAULT_SIZE.width, DEFAULT_SIZE.height),
    );
  });

  it('keeps a window that fits where it was, on whichever display it was', () => {
    expect(fitWindowState(state(100, 50, 1000, 700), [laptop, monitor], laptop)).toEqual(
      state(100, 50, 1000, 700),
    );
    expect(fitWindowState(state(2000, 0, 1600, 1000, true), [laptop, monitor], laptop)).toEqual(
      state(2000, 0, 1600, 1000, true),
    );
  });

  it('centers a window from an unplugged monitor on the primary display, keeping its size', () => {
    const fitted = fitWindowState(state(5000, 3000, 1000, 700, true), [laptop], laptop);
    expect(fitted).toEqual(state(220, 88, 1000, 700, true));
  });

  it('pulls a window hanging off an edge back onto the display it mostly covers', () => {
    expect(fitWindowState(state(-300, -50, 1000, 700), [laptop], laptop)).toEqual(state(0, 0, 1000, 700));
    expect(fitWindowState(state(1000, 500, 1000, 700), [laptop], laptop)).toEqual(state(440, 175, 1000, 700));
    // Mostly on the monitor, a little on the laptop: it goes to the monitor.
    expect(fitWindowState(state(1300, 0, 1000, 700), [laptop, monitor], laptop).bounds.x).toBe(1440);
  });

  it('grows a tiny window to the minimum size and shrinks a huge one to the display', () => {
    expect(fitWindowState(state(10, 10, 1, 1), [laptop], laptop)).toEqual(
      state(10, 10, MIN_SIZE.width, MIN_SIZE.height),
    );
    expect(fitWindowState(state(-10, -10, 9000, 9000), [laptop], laptop)).toEqual(state(0, 0, 1440, 875));
    expect(fitWindowState(state(10, 10, -500, 0), [laptop], laptop).bounds).toMatchObject({
      width: MIN_SIZE.width,
      height: MIN_SIZE.height,
    });
  });

  it('fits a display smaller than the minimum size', () => {
    const small: Rectangle = { x: 0, y: 0, width: 640, height: 400 };
    expect(fitWindowState(null, [small], small)).toEqual(state(0, 0, 640, 400));
    expect(fitWindowState(state(50, 50, 1000, 700), [small], small)).toEqual(state(0, 0, 640, 400));
  });

  it('copes with no display list at all (uses the primary display)', () => {
    expect(fitWindowState(state(5000, 5000, 800, 600), [], laptop)).toEqual(state(320, 138, 800, 600));
  });

  it('always lands wholly on one current display', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: -100, max: 10_000 }),
      height: fc.integer({ min: -100, max: 10_000 }),
    });
    fc.assert(
      fc.property(fc.option(rect, { nil: null }), fc.boolean(), (bounds, isMaximized) => {
        const saved = bounds === null ? null : { bounds, isMaximized };
        const fitted = fitWindowState(saved, [laptop, monitor], laptop);
        expect([laptop, monitor].some((area) => inside(fitted.bounds, area))).toBe(true);
        expect(fitted.bounds.width).toBeGreaterThanOrEqual(MIN_SIZE.width);
        expect(fitted.bounds.height).toBeGreaterThanOrEqual(MIN_SIZE.height);
      }),
    );
  });
});

describe('trackWindowState', () => {
  class Window implements TrackedWindow {
    readonly listeners = new Map<string, (() => void)[]>();
    bounds: Rectangle = { x: 1, y: 2, width: 800, height: 600 };
    maximized = false;
    destroyed = false;
    on(event: string, listener: () => void): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string): void {
      for (const listener of this.listeners.get(event) ?? []) listener();
    }
    getNormalBounds(): Rectangle {
      return this.bounds;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
  }

  function setup() {
    const win = new Window();
    const save = vi.fn();
    const pending = new Map<number, () => void>();
    let next = 0;
    const timers = {
      setTimeout: (callback: () => void) => {
        pending.set(++next, callback);
        return next;
      },
      clearTimeout: (handle: unknown) => pending.delete(handle as number),
    };
    trackWindowState(win, save, 500, timers);
    const flush = (): void => {
      for (const [id, callback] of [...pending]) {
        pending.delete(id);
        callback();
      }
    };
    return { win, save, pending, flush };
  }

  it('saves once after a burst of moves and resizes, with the last bounds', () => {
    const { win, save, pending, flush } = setup();
    for (let i = 0; i < 50; i += 1) {
      win.bounds = { x: i, y: i, width: 800 + i, height: 600 };
      win.emit(i % 2 === 0 ? 'move' : 'resize');
    }
    expect(save).not.toHaveBeenCalled();
    expect(pending.size).toBe(1);
    flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({
      bounds: { x: 49, y: 49, width: 849, height: 600 },
      isMaximized: false,
    });
  });

  it('saves at once on close and drops the pending save', () => {
    const { win, save, pending } = setup();
    win.emit('resize');
    win.maximized = true;
    win.emit('close');
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ bounds: win.bounds, isMaximized: true });
    expect(pending.size).toBe(0);
  });

  it('remembers maximizing', () => {
    const { win, save, flush } = setup();
    win.maximized = true;
    win.emit('maximize');
    flush();
    expect(save).toHaveBeenCalledWith({ bounds: win.bounds, isMaximized: true });
  });

  it('does not touch a destroyed window', () => {
    const { win, save, flush } = setup();
    win.emit('move');
    win.destroyed = true;
    flush();
    expect(save).not.toHaveBeenCalled();
  });
});
