/**
 * The public JSON of `crosswalk parse --json`. Its shape is a contract
 * (documented in the README): exactly these keys, in this order.
 */
import type { ClauseTree, DocumentKind, Note, UnitType } from '../model/clause';

export interface ParseJson {
  readonly document: {
    readonly kind: DocumentKind;
    readonly title: string;
    readonly pages: number;
    readonly fingerprint: string;
  };
  readonly units: readonly {
    readonly id: string;
    readonly type: UnitType;
    readonly num: string | null;
    readonly heading: string | null;
    readonly text: string;
    readonly parent: string | null;
    readonly page: number;
    readonly notes: readonly Note[];
  }[];
}

export function toParseJson(tree: ClauseTree): ParseJson {
  const { kind, title, pages, fingerprint } = tree.document;
  return {
    document: { kind, title, pages, fingerprint },
    units: tree.units.map((unit) => ({
      id: unit.id,
      type: unit.type,
      num: unit.num,
      heading: unit.heading,
      text: unit.text,
      parent: unit.parent,
      page: unit.page,
      notes: unit.notes.map((note) => ({ marker: note.marker, text: note.text })),
    })),
  };
}
