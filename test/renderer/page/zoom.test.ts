import { describe, expect, it } from 'vitest';
import {
  AUTO_MAX_ZOOM,
  CSS_PER_POINT,
  autoZoom,
  MAX_ZOOM,
  MIN_ZOOM,
  canvasPixelRatio,
  clampPage,
  fitWidthZoom,
  pageKeyAction,
  zoomIn,
  zoomOut,
} from '../../../renderer/page/zoom';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('zoom steps', () => {
  it('steps up and down through the ladder, from a step or from between steps (after fit width)', () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    expect(zoomIn(1.38)).toBe(1.5);
    expect(zoomOut(1.38)).toBe(1.25);
    // A fitted zoom a hair off a step still moves by a whole step.
    expect(zoomIn(1.249)).toBe(1.5);
  });

  it('stops at the ends instead of running past them', () => {
    expect(zoomIn(MAX_ZOOM)).toBe(MAX_ZOOM);
    expect(zoomOut(MIN_ZOOM)).toBe(MIN_ZOOM);
  });
});

describe('fitWidthZoom', () => {
  it('fills the available width with an A4 page (595 pt) at 100 % = 96 px per inch', () => {
    expect(fitWidthZoom(595 * CSS_PER_POINT, 595)).toBeCloseTo(1);
    expect(fitWidthZoom(1000, 595)).toBeCloseTo(1000 / (595 * CSS_PER_POINT));
  });

  it('stays within the zoom range, and is 100 % while nothing is laid out', () => {
    expect(fitWidthZoom(100, 595)).toBe(MIN_ZOOM);
    expect(fitWidthZoom(100_000, 595)).toBe(MAX_ZOOM);
    expect(fitWidthZoom(0, 595)).toBe(1);
  });
});

describe('autoZoom', () => {
  it('fits a narrow window, but does not blow a page up past 125 % in a wide one', () => {
    expect(autoZoom(600, 595)).toBeCloseTo(600 / (595 * CSS_PER_POINT));
    expect(autoZoom(2000, 595)).toBe(AUTO_MAX_ZOOM);
  });
});

describe('canvasPixelRatio', () => {
  it("draws at the screen's density (sharp on a 2× screen)", () => {
    expect(canvasPixelRatio(800, 1100, 2)).toBe(2);
    expect(canvasPixelRatio(800, 1100, 1)).toBe(1);
  });

  it('lowers the density where the canvas would grow past the pixel budget', () => {
    const ratio = canvasPixelRatio(3000, 4000, 2, 2 ** 24);
    expect(ratio).toBeLessThan(2);
    expect(3000 * 4000 * ratio * ratio).toBeLessThanOrEqual(2 ** 24 + 1);
  });

  it('treats a missing density as 1', () => {
    expect(canvasPixelRatio(800, 1100, Number.NaN)).toBe(1);
  });
});

describe('clampPage', () => {
  it('keeps a page number within the document', () => {
    expect(clampPage(0, 6)).toBe(1);
    expect(clampPage(7, 6)).toBe(6);
    expect(clampPage(3, 6)).toBe(3);
  });
});

describe('pageKeyAction', () => {
  it('maps +/−, 0, PageUp/PageDown and Escape', () => {
    expect(pageKeyAction(key('+'))).toBe('zoom-in');
    expect(pageKeyAction(key('='))).toBe('zoom-in');
    expect(pageKeyAction(key('-'))).toBe('zoom-out');
    expect(pageKeyAction(key('0'))).toBe('fit-width');
    expect(pageKeyAction(key('PageUp'))).toBe('previous');
    expect(pageKeyAction(key('PageDown'))).toBe('next');
    expect(pageKeyAction(key('Escape'))).toBe('back');
    expect(pageKeyAction(key('a'))).toBeNull();
  });

  it("leaves Ctrl/Cmd/Alt combinations to the window's own zoom and shortcuts", () => {
    expect(pageKeyAction(key('+', { ctrlKey: true }))).toBeNull();
    expect(pageKeyAction(key('-', { metaKey: true }))).toBeNull();
    expect(pageKeyAction(key('PageDown', { altKey: true }))).toBeNull();
  });
});
