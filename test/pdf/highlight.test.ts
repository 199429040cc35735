import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TreeIndex } from '../../src/linking/index';
import type { ClauseId, PageNumber, TextBox, Unit, UnitType } from '../../src/model/clause';
import { parsePdf } from '../../src/parse';
import {
  firstHighlightPage,
  highlightRects,
  mergeLineBoxes,
  pagesWithBoxes,
  provisionBoxes,
  toViewportRect,
  type ScreenRect,
  type ViewportTransform,
} from '../../src/pdf/highlight';
import { pdfjs, standardFontDataUrl } from '../support/pdfjs-node';

function box(page: number, x: number, y: number, width: number, height = 12, start = 0, end = 1): TextBox {
  return { start, end, page: page as PageNumber, x, y, width, height };
}

function unit(id: string, type: UnitType, parent: string | null, boxes: TextBox[]): Unit {
  return {
    id: id as ClauseId,
    type,
    num: null,
    heading: null,
    text: `${id} text`,
    parent: parent as ClauseId | null,
    page: (boxes[0]?.page ?? 1) as PageNumber,
    notes: [],
    boxes,
  };
}

/** An upright A4 page (595 × 842 pt) drawn at `scale`: what pdf.js's viewport.transform holds for it. */
const upright = (scale: number): ViewportTransform => [scale, 0, 0, -scale, 0, 842 * scale];

describe('mergeLineBoxes', () => {
  it('joins the spans of one printed line (font changes, word gaps) into one rectangle', () => {
    const merged = mergeLineBoxes(
      [box(3, 72, 700, 100), box(3, 175, 700.4, 60, 11.6), box(3, 240, 700, 80)],
      3,
    );
    expect(merged).toHaveLength(1);
    expect(merged[0]?.x).toBe(72);
    expect(merged[0]?.width).toBeCloseTo(248);
    expect(merged[0]?.y).toBe(700);
    expect(merged[0]?.height).toBeCloseTo(12);
  });

  it('keeps separate lines apart, top of the page first, and a repeated box counts once', () => {
    const merged = mergeLineBoxes(
      [box(3, 72, 676, 300), box(3, 72, 700, 300), box(3, 72, 688, 300), box(3, 72, 700, 300)],
      3,
    );
    expect(merged.map((b) => b.y)).toEqual([700, 688, 676]);
  });

  it('does not bridge a column gap on one baseline (a table, a header corner)', () => {
    const merged = mergeLineBoxes([box(1, 42, 785, 20), box(1, 490, 785, 60)], 1);
    expect(merged.map((b) => b.x)).toEqual([42, 490]);
  });

  it('only takes the boxes of the page asked for, and drops boxes with no area', () => {
    const merged = mergeLineBoxes([box(1, 72, 100, 50), box(2, 72, 700, 50), box(2, 72, 650, 0)], 2);
    expect(merged).toEqual([{ page: 2, x: 72, y: 700, width: 50, height: 12 }]);
  });
});

describe('toViewportRect and highlightRects', () => {
  it('flips user space (origin bottom-left) onto the rendered page (origin top-left) and scales it', () => {
    const rect = toViewportRect({ page: 1, x: 72, y: 700, width: 100, height: 12 }, upright(1.5));
    expect(rect.left).toBeCloseTo(108);
    expect(rect.top).toBeCloseTo((842 - 712) * 1.5);
    expect(rect.width).toBeCloseTo(150);
    expect(rect.height).toBeCloseTo(18);
  });

  it('orders the corners on a page rotated by 90°, where width and height swap', () => {
    // pdf.js's transform for /Rotate 90 at scale 1: (x, y) -> (y, x).
    const rect = toViewportRect({ page: 1, x: 72, y: 700, width: 100, height: 12 }, [0, 1, 1, 0, 0, 0]);
    expect(rect).toEqual({ left: 700, top: 72, width: 12, height: 100 });
  });

  it('gives one rectangle per line on the page asked for, nothing for a page without boxes', () => {
    const boxes = [box(4, 57, 216, 480), box(4, 57, 200, 300), box(5, 57, 760, 400)];
    expect(highlightRects(boxes, 4, upright(1))).toHaveLength(2);
    expect(highlightRects(boxes, 5, upright(1))).toHaveLength(1);
    expect(highlightRects(boxes, 6, upright(1))).toEqual([]);
  });
});

describe('provisionBoxes, pagesWithBoxes, firstHighlightPage', () => {
  const article = unit('art_3', 'article', null, []);
  const para = unit('art_3__para_1', 'paragraph', 'art_3', [box(3, 89, 587, 277)]);
  const point = unit('art_3__para_1__point_a', 'point', 'art_3__para_1', [box(3, 82, 555, 255)]);
  const next = unit('art_3__para_2', 'paragraph', 'art_3', [box(4, 89, 760, 400)]);
  const other = unit('art_4', 'article', null, [box(4, 89, 500, 400)]);
  const law = new TreeIndex({
    document: { kind: 'act', title: 'Act', pages: 4, fingerprint: 'a' },
    units: [article, para, point, next, other],
  });

  it("covers the unit and what it contains (paragraphs, points), not the next provision's text", () => {
    const boxes = provisionBoxes(law, article);
    expect(boxes.map((b) => b.y)).toEqual([587, 555, 760]);
    expect(pagesWithBoxes(boxes)).toEqual([3, 4]);
    expect(firstHighlightPage(boxes, 1)).toBe(3);
  });

  it("leaves a commitment's measures out (they are provisions of their own) but keeps a measure's points", () => {
    const commitment = unit('cmt_1', 'commitment', null, [box(4, 63, 727, 219)]);
    const measure = unit('msr_1.1', 'measure', 'cmt_1', [box(4, 57, 604, 362)]);
    const measurePoint = unit('msr_1.1__point_1', 'point', 'msr_1.1', [box(5, 79, 585, 341)]);
    const code = new TreeIndex({
      document: { kind: 'code', title: 'Code', pages: 5, fingerprint: 'c' },
      units: [commitment, measure, measurePoint],
    });
    expect(provisionBoxes(code, commitment).map((b) => b.y)).toEqual([727]);
    expect(provisionBoxes(code, measure).map((b) => b.y)).toEqual([604, 585]);
    expect(pagesWithBoxes(provisionBoxes(code, measure))).toEqual([4, 5]);
  });

  it('opens a unit without boxes at its own page', () => {
    expect(firstHighlightPage([], 7)).toBe(7);
  });
});

/** What pdf.js's legacy build offers to draw a page in Node (with @napi-rs/canvas). */
interface NodeCanvas {
  readonly width: number;
  readonly height: number;
}
interface NodeContext {
  getImageData(x: number, y: number, w: number, h: number): { readonly data: Uint8ClampedArray };
}
interface Viewport {
  readonly width: number;
  readonly height: number;
  readonly transform: number[];
  convertToViewportRectangle(rect: number[]): number[];
}
interface Page {
  getViewport(params: { scale: number; rotation?: number }): Viewport;
  render(params: { canvas: NodeCanvas; viewport: Viewport }): { promise: Promise<void> };
}
interface Doc {
  getPage(n: number): Promise<Page>;
  readonly canvasFactory: { create(w: number, h: number): { canvas: NodeCanvas; context: NodeContext } };
  destroy(): Promise<void>;
}
interface Lib {
  getDocument(params: object): { promise: Promise<Doc> };
}

const asTransform = (values: readonly number[]): ViewportTransform => {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = values;
  return [a, b, c, d, e, f];
};

describe('highlights on a page pdf.js really draws (fixtures/act.pdf)', () => {
  const bytes = new Uint8Array(readFileSync('fixtures/act.pdf'));
  let law: TreeIndex;
  let doc: Doc;

  beforeAll(async () => {
    law = new TreeIndex(await parsePdf(pdfjs, bytes, { standardFontDataUrl }));
    doc = await (pdfjs as unknown as Lib).getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      standardFontDataUrl,
      verbosity: 0,
    }).promise;
    return () => doc.destroy();
  });

  const boxesOf = (id: string): TextBox[] => {
    const found = law.byId.get(id);
    if (!found) throw new Error(`no ${id} in the fixture`);
    return provisionBoxes(law, found);
  };

  it("matches pdf.js's own convertToViewportRectangle, upright and rotated", async () => {
    const page = await doc.getPage(3);
    const boxes = boxesOf('art_3');
    expect(boxes.length).toBeGreaterThan(3);
    for (const rotation of [0, 90, 180, 270]) {
      const viewport = page.getViewport({ scale: 1.25, rotation });
      const ours = highlightRects(boxes, 3, asTransform(viewport.transform));
      const theirs = mergeLineBoxes(boxes, 3).map((b): ScreenRect => {
        const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = viewport.convertToViewportRectangle([
          b.x,
          b.y,
          b.x + b.width,
          b.y + b.height,
        ]);
        return {
          left: Math.min(x1, x2),
          top: Math.min(y1, y2),
          width: Math.abs(x2 - x1),
          height: Math.abs(y2 - y1),
        };
      });
      expect(ours).toHaveLength(theirs.length);
      ours.forEach((rect, i) => {
        const other = theirs[i];
        expect(rect.left).toBeCloseTo(other?.left ?? NaN, 6);
        expect(rect.top).toBeCloseTo(other?.top ?? NaN, 6);
        expect(rect.width).toBeCloseTo(other?.width ?? NaN, 6);
        expect(rect.height).toBeCloseTo(other?.height ?? NaN, 6);
      });
    }
  });

  it('puts every highlight rectangle over printed text of that provision, and none over another', async () => {
    const page = await doc.getPage(3);
    const viewport = page.getViewport({ scale: 1.5 });
    const { canvas, context } = doc.canvasFactory.create(
      Math.ceil(viewport.width),
      Math.ceil(viewport.height),
    );
    await page.render({ canvas, viewport }).promise;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const ink = (rect: ScreenRect): number => {
      let dark = 0;
      let all = 0;
      for (let y = Math.floor(rect.top); y < Math.ceil(rect.top + rect.height); y++) {
        for (let x = Math.floor(rect.left); x < Math.ceil(rect.left + rect.width); x++) {
          const red = data[(y * canvas.width + x) * 4] ?? 255;
          all++;
          if (red < 128) dark++;
        }
      }
      return dark / Math.max(1, all);
    };
    const transform = asTransform(viewport.transform);
    const article3 = highlightRects(boxesOf('art_3'), 3, transform);
    const article4 = highlightRects(boxesOf('art_4'), 3, transform);
    expect(article3.length).toBeGreaterThan(3);
    expect(article4.length).toBeGreaterThan(2);
    // Printed lines are about 12 % ink in these rectangles; the blank space between lines has none.
    for (const rect of [...article3, ...article4]) expect(ink(rect)).toBeGreaterThan(0.06);
    const overlaps = (a: ScreenRect, b: ScreenRect): boolean =>
      a.left < b.left + b.width &&
      b.left < a.left + a.width &&
      a.top < b.top + b.height &&
      b.top < a.top + a.height;
    for (const a of article3) for (const b of article4) expect(overlaps(a, b)).toBe(false);
  });
});
