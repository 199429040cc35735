/**
 * The clause id grammar of the README ("Clause ids"), as a checker: ids are a public interface that
 * saved notes and exports refer to, so every id a parser emits must have one of the documented
 * shapes, name its own type, and sit under the parent it claims.
 */
import { expect } from 'vitest';
import type { ClauseTree, DocumentKind, Unit, UnitType } from '../../src/model/clause';

/**
 * A collision suffix: `TreeBuilder.open` never merges two units that print the same number, it
 * numbers the later one `…_2`. Not in the README's table, but a documented part of the builder.
 */
const DUP = String.raw`(?:_\d+)?`;

/** Division numbers as printed: `V`, `2`, `2A`, `B`. */
const DIVISION = String.raw`(?:[IVXLC]+|\d+[A-Z]?|[A-Z])`;
/** Point labels: `(12)`/`12.`, `(b)`, `(bb)`, `(ii)`, `A.`. */
const POINT = String.raw`(?:\d{1,3}[a-z]?|[a-z]{1,2}|[ivxlc]{1,6}|[A-Z])`;
const CODE_NUMBER = String.raw`(?:[IVX]+\.)?\d+`;

/** The first segment of an id, per document kind, and the unit type it names. */
const ROOTS: Readonly<Record<DocumentKind, readonly (readonly [RegExp, UnitType])[]>> = {
  act: [
    [/^pre$/, 'preamble'],
    [/^cit_\d+$/, 'citation'],
    [/^rec_\d+$/, 'recital'],
    [new RegExp(`^prt_${DIVISION}$`), 'part'],
    [new RegExp(`^tit_${DIVISION}$`), 'title'],
    [new RegExp(`^chp_${DIVISION}$`), 'chapter'],
    // A SECTION printed before any chapter has no division to be nested under.
    [new RegExp(`^sec_${DIVISION}$`), 'section'],
    [/^art_\d+[a-z]*$/, 'article'],
    [/^anx(?:_[IVXLC]+[a-z]?)?$/, 'annex'],
    [/^closing$/, 'other'],
  ],
  code: [
    [/^objectives$/, 'heading'],
    [/^recitals$/, 'heading'],
    [/^obj_[A-Z]$/, 'objective'],
    [/^rec_(?:[a-z]|([a-z])\1)$/, 'recital'],
    [new RegExp(`^cmt_${CODE_NUMBER}$`), 'commitment'],
    [new RegExp(`^msr_${CODE_NUMBER}\\.\\d+$`), 'measure'],
    [/^gls$/, 'glossary'],
    [/^app_\d+(?:\.\d+)*$/, 'appendix'],
    [/^h_\d+$/, 'heading'],
  ],
  other: [
    [/^h_\d+$/, 'heading'],
    [/^p_\d+$/, 'other'],
  ],
};

/** Segments after `__`, and the unit type a unit whose id ends in one has. */
const SEGMENTS: readonly (readonly [RegExp, UnitType])[] = [
  [/^para_\d+$/, 'paragraph'],
  [/^subpara_\d+$/, 'subparagraph'],
  [new RegExp(`^point_${POINT}$`), 'point'],
  [/^indent_\d+$/, 'point'],
  [new RegExp(`^sec_${DIVISION}$`), 'section'],
];

/** Strips a collision suffix from a segment when what is left still has a documented shape. */
function withoutSuffix(segment: string, shapes: readonly (readonly [RegExp, UnitType])[]): UnitType | null {
  for (const candidate of [segment, segment.replace(new RegExp(`${DUP}$`), '')]) {
    const found = shapes.find(([pattern]) => pattern.test(candidate));
    if (found) return found[1];
  }
  return null;
}

/**
 * Why `id` does not fit the grammar of a `kind` document as a unit of `type`; null when it does.
 * Checks the shape of every segment and that the last one names the unit's type.
 */
export function clauseIdProblem(id: string, kind: DocumentKind, type: UnitType): string | null {
  const [root = '', ...rest] = id.split('__');
  const rootType = withoutSuffix(root, ROOTS[kind]);
  if (rootType === null) return `"${root}" is not a documented ${kind} id`;
  let named = rootType;
  for (const segment of rest) {
    const segmentType = withoutSuffix(segment, SEGMENTS);
    if (segmentType === null) return `segment "${segment}" has no documented shape`;
    named = segmentType;
  }
  if (named !== type) return `names a ${named}, but the unit is a ${type}`;
  return null;
}

/** Which types a unit with an un-nested id (no `__`) may hang under. */
const PARENT_TYPES: Readonly<Partial<Record<UnitType, readonly UnitType[]>>> = {
  citation: ['preamble'],
  recital: ['preamble', 'heading'],
  objective: ['heading'],
  part: [],
  title: ['part'],
  chapter: ['part', 'title'],
  section: ['part', 'title', 'chapter'],
  article: ['part', 'title', 'chapter', 'section'],
  measure: ['commitment'],
  appendix: ['appendix'],
  other: ['heading'],
};

/**
 * Everything a clause tree promises, whatever PDF it came from: unique ids of the documented grammar,
 * every parent defined first and consistent with the id (a nested id extends its parent's), pages
 * and text boxes inside the document and the unit's text.
 */
export function expectClauseTree(tree: ClauseTree): void {
  const { kind, pages } = tree.document;
  const byId = new Map<string, Unit>();
  for (const unit of tree.units) {
    const where = `${unit.id} (${kind})`;
    expect(byId.has(unit.id), `duplicate id ${where}`).toBe(false);
    expect(clauseIdProblem(unit.id, kind, unit.type), where).toBeNull();
    if (unit.parent !== null) {
      const parent = byId.get(unit.parent);
      expect(parent, `${where}: parent ${unit.parent} is not defined before it`).toBeDefined();
      if (unit.id.includes('__')) {
        expect(unit.id.startsWith(`${unit.parent}__`), `${where} is not nested in ${unit.parent}`).toBe(true);
      } else if (parent) {
        expect(PARENT_TYPES[unit.type] ?? [], `${where} under a ${parent.type}`).toContain(parent.type);
      }
    } else {
      expect(unit.id.includes('__'), `${where} is nested but has no parent`).toBe(false);
    }
    expect(unit.page, where).toBeGreaterThanOrEqual(1);
    expect(unit.page, where).toBeLessThanOrEqual(Math.max(1, pages));
    for (const box of unit.boxes) {
      expect(box.start, where).toBeGreaterThanOrEqual(0);
      expect(box.end, where).toBeGreaterThan(box.start);
      expect(box.end, where).toBeLessThanOrEqual(unit.text.length);
      expect(box.page, where).toBeGreaterThanOrEqual(1);
      expect(box.page, where).toBeLessThanOrEqual(Math.max(1, pages));
    }
    for (const note of unit.notes) expect(note.marker.length, where).toBeGreaterThan(0);
    byId.set(unit.id, unit);
  }
}
