/**
 * The text inside a structural unit (an article, an annex section, a measure):
 * numbered paragraphs, unnumbered subparagraphs, points and indents, and the
 * continuation lines that belong to each.
 */
import type { ClauseId } from '../model/clause';
import type { TreeBuilder } from './builder';
import type { FLine, Metrics } from './features';
import { place, type OpenPoint } from './lists';
import { nextLabel, readMarker, type Marker } from './markers';

export interface BodyOptions {
  /** Unnumbered blocks become `subparagraph` units (EU acts); otherwise they join the container's text (codes). */
  readonly subparagraphUnits: boolean;
}

export class Body {
  private container: ClauseId | null = null;
  /** The paragraph (or the container itself) that owns subparagraphs. */
  private owner: ClauseId | null = null;
  /** Where points of a new list attach (the current subparagraph, paragraph or container). */
  private listParent: ClauseId | null = null;
  /** Id prefix for the first level of the current list (differs from `listParent` only to keep ids unique). */
  private listPrefix = '';
  private target: ClauseId | null = null;
  private stack: OpenPoint[] = [];
  private paragraphs = false;
  private nextParagraph = 1;
  /** Blocks seen in the owner: 1 is the owner's own text, 2 the second subparagraph… */
  private blockCount = 0;
  private ownerHasContent = false;
  /**
   * Points printed as a bare marker with their text set apart below (a table
   * flattened into lines): the next unmarked blocks fill them in order.
   */
  private emptyPoints: ClauseId[] = [];
  /**
   * The list an unmarked block interrupted (`1.`, `2.`, then a sentence, then `3.` in an annex).
   * A marker that continues it goes back into it instead of under the interrupting block.
   */
  private suspended: {
    readonly level: OpenPoint;
    readonly parent: ClauseId;
    readonly prefix: string;
  } | null = null;

  constructor(
    private readonly builder: TreeBuilder,
    private readonly metrics: Metrics,
    private readonly options: BodyOptions,
  ) {}

  /** Starts the body of a new container; `paragraphs` enables `1.`, `2.` numbered paragraphs (articles). */
  start(container: ClauseId, paragraphs: boolean): void {
    this.container = container;
    this.owner = container;
    this.listParent = container;
    this.listPrefix = container;
    this.target = container;
    this.stack = [];
    this.emptyPoints = [];
    this.suspended = null;
    this.paragraphs = paragraphs;
    this.nextParagraph = 1;
    this.blockCount = 0;
    this.ownerHasContent = false;
  }

  /** Stops attaching lines anywhere until the next `start` (e.g. at a chapter heading). */
  stop(): void {
    this.container = null;
    this.target = null;
    this.stack = [];
  }

  get active(): boolean {
    return this.container !== null;
  }

  /** Appends a line to whatever is open, without interpreting it. */
  appendRaw(fline: FLine, from = 0): void {
    if (this.target) this.builder.append(this.target, fline, from);
  }

  feed(fline: FLine): void {
    if (!this.container) return;
    const marker = readMarker(fline);
    if (marker && (fline.startsBlock || marker.hanging)) {
      if (this.isParagraph(marker, fline)) this.openParagraph(marker, fline);
      else this.openPoint(marker, fline);
      return;
    }
    if (fline.startsBlock) {
      this.unmarkedBlock(fline);
      return;
    }
    this.appendRaw(fline);
  }

  private isParagraph(marker: Marker, fline: FLine): boolean {
    return (
      this.paragraphs &&
      marker.styles.includes('dot-num') &&
      marker.label === String(this.nextParagraph) &&
      fline.line.x < this.metrics.left + this.metrics.bodySize
    );
  }

  private openParagraph(marker: Marker, fline: FLine): void {
    if (!this.container) return;
    const id = this.builder.open({
      id: `${this.container}__para_${marker.label}`,
      type: 'paragraph',
      num: marker.label,
      parent: this.container,
      page: fline.page,
    });
    this.nextParagraph++;
    this.emptyPoints = [];
    this.suspended = null;
    this.owner = id;
    this.listParent = id;
    this.listPrefix = id;
    this.target = id;
    this.stack = [];
    this.blockCount = 1;
    this.ownerHasContent = true;
    this.builder.append(id, fline, marker.textStart);
  }

  private openPoint(marker: Marker, fline: FLine): void {
    if (!this.listParent) return;
    const interrupted = this.suspended;
    if (this.stack.length === 0 && interrupted) {
      const { style, label } = interrupted.level;
      if (marker.styles.includes(style) && style !== 'dash' && marker.label === nextLabel(style, label)) {
        this.stack = [interrupted.level];
        this.listParent = interrupted.parent;
        this.listPrefix = interrupted.prefix;
        this.suspended = null;
      }
    }
    const { keep, style } = place(this.stack, marker, fline.line.x, fline.line.fontSize);
    const replaced = this.stack[keep];
    this.stack = this.stack.slice(0, keep);
    const parentLevel = this.stack[keep - 1];
    if (!parentLevel && !replaced) {
      // A new top-level list. Two lists in one unit (in different paragraphs) would repeat ids: qualify the second.
      this.listPrefix = this.listParent;
      const plain = `${this.listParent}__${segment(style, marker.label, 1)}`;
      if (this.builder.has(plain) && !this.options.subparagraphUnits) {
        this.listPrefix = `${this.listParent}__subpara_${Math.max(1, this.blockCount)}`;
      }
    }
    const prefix = parentLevel ? parentLevel.id : this.listPrefix;
    const parent = parentLevel ? parentLevel.id : this.listParent;
    const dashNumber = style === 'dash' ? (replaced?.style === 'dash' ? replaced.dashCount + 1 : 1) : 0;
    const id = this.builder.open({
      id: `${prefix}__${segment(style, marker.label, dashNumber)}`,
      type: 'point',
      num: pointNum(marker),
      parent,
      page: fline.page,
    });
    this.ownerHasContent = true;
    if (marker.textStart >= fline.text.length) this.emptyPoints.push(id);
    else this.emptyPoints = [];
    this.stack.push({
      id,
      style,
      label: marker.label,
      textX: textLeft(fline, marker),
      markerX: fline.line.x,
      dashCount: dashNumber,
    });
    this.target = id;
    this.builder.append(id, fline, marker.textStart);
  }

  private unmarkedBlock(fline: FLine): void {
    const waiting = this.emptyPoints.shift();
    if (waiting) {
      this.target = waiting;
      this.builder.append(waiting, fline);
      return;
    }
    const indent = fline.line.x - this.metrics.left;
    if (this.stack.length > 0 && indent > this.metrics.bodySize * 0.5) {
      // Indented to a point's text: another paragraph of that point.
      for (let i = this.stack.length - 1; i >= 0; i--) {
        const level = this.stack[i];
        if (level && level.textX <= fline.line.x + 3) {
          this.stack = this.stack.slice(0, i + 1);
          this.target = level.id;
          this.builder.append(level.id, fline);
          return;
        }
      }
    }
    const first = this.stack[0];
    // Only a list directly under the owner is remembered: a list under a subparagraph is that block's own.
    if (first && this.owner !== null && this.listParent === this.owner) {
      this.suspended = { level: first, parent: this.owner, prefix: this.listPrefix };
    }
    this.stack = [];
    if (!this.owner) return;
    if (!this.ownerHasContent) {
      this.ownerHasContent = true;
      this.blockCount = 1;
      this.target = this.owner;
      this.listParent = this.owner;
      this.builder.append(this.owner, fline);
      return;
    }
    this.blockCount++;
    if (this.options.subparagraphUnits) {
      const id = this.builder.open({
        id: `${this.owner}__subpara_${this.blockCount}`,
        type: 'subparagraph',
        num: null,
        parent: this.owner,
        page: fline.page,
      });
      this.target = id;
      this.listParent = id;
      this.builder.append(id, fline);
    } else {
      this.target = this.owner;
      this.listParent = this.owner;
      this.builder.append(this.owner, fline);
    }
  }
}

function segment(style: string, label: string, dashNumber: number): string {
  return style === 'dash' ? `indent_${dashNumber}` : `point_${label}`;
}

function textLeft(fline: FLine, marker: Marker): number {
  const span = fline.line.spans.find((s) => s.start <= marker.textStart && s.end > marker.textStart);
  if (!span) return fline.line.x;
  return span.x + (span.width * (marker.textStart - span.start)) / Math.max(1, span.end - span.start);
}

/** Points keep their brackets as printed (`(b)`, `(ii)`); a trailing full stop is dropped (`1.` -> `1`). */
function pointNum(marker: Marker): string {
  return marker.printed.endsWith('.') ? marker.label : marker.printed;
}
