/**
 * Lookups over a clause tree that the linker needs again and again:
 * children, ancestors, and the text of a unit with its sub-units.
 */
import type { ClauseTree, Unit } from '../model/clause';

export class TreeIndex {
  readonly byId = new Map<string, Unit>();
  private readonly kids = new Map<string, Unit[]>();
  private readonly fullText = new Map<string, string>();
  private readonly lowerText = new Map<string, string>();

  constructor(readonly tree: ClauseTree) {
    for (const unit of tree.units) {
      this.byId.set(unit.id, unit);
      if (unit.parent !== null) {
        const list = this.kids.get(unit.parent) ?? [];
        list.push(unit);
        this.kids.set(unit.parent, list);
      }
    }
  }

  get ids(): ReadonlySet<string> {
    return new Set(this.byId.keys());
  }

  children(id: string): readonly Unit[] {
    return this.kids.get(id) ?? [];
  }

  /** All descendants, in document order. */
  descendants(id: string): Unit[] {
    const out: Unit[] = [];
    for (const child of this.children(id)) out.push(child, ...this.descendants(child.id));
    return out;
  }

  /** Parent first, up to the root. */
  ancestors(id: string): Unit[] {
    const out: Unit[] = [];
    let unit = this.byId.get(id);
    while (unit?.parent) {
      const parent = this.byId.get(unit.parent);
      if (!parent) break;
      out.push(parent);
      unit = parent;
    }
    return out;
  }

  /** The unit's own text followed by its sub-units' texts (what a reader of the provision reads). */
  textWithChildren(id: string): string {
    const cached = this.fullText.get(id);
    if (cached !== undefined) return cached;
    const unit = this.byId.get(id);
    if (!unit) return '';
    const parts = [unit.text, ...this.children(id).map((child) => this.textWithChildren(child.id))];
    const text = parts.filter((part) => part.length > 0).join(' ');
    this.fullText.set(id, text);
    return text;
  }

  /**
   * A code unit as its own clause: its text and its points, without the
   * measures a commitment contains (they are units of their own).
   */
  textWithPoints(id: string): string {
    const unit = this.byId.get(id);
    if (!unit) return '';
    const parts = [unit.text];
    for (const child of this.children(id))
      if (child.type === 'point') parts.push(this.textWithPoints(child.id));
    return parts.filter((part) => part.length > 0).join(' ');
  }

  /** `textWithChildren`, lowercased once (for repeated case-insensitive tests). */
  lowerTextWithChildren(id: string): string {
    let text = this.lowerText.get(id);
    if (text === undefined) this.lowerText.set(id, (text = this.textWithChildren(id).toLowerCase()));
    return text;
  }

  /**
   * A provision in its context: the lead-in of each enclosing paragraph or point (`Providers … shall:`)
   * before its own text, so that a point is read with the obligation that governs it.
   */
  textInContext(id: string): string {
    const leadIns = this.ancestors(id)
      .filter((unit) => unit.type === 'paragraph' || unit.type === 'point' || unit.type === 'subparagraph')
      .reverse()
      .map((unit) => unit.text)
      .filter((text) => text.length > 0);
    return [...leadIns, this.textWithChildren(id)].join(' ');
  }
}
