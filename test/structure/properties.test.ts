/**
 * The structure parser on generated documents that look like an act, a code or neither (real
 * headings and markers, set rightly and wrongly, mixed with noise): it never throws, and its tree
 * keeps every promise of the README's "Clause ids" — the documented id shapes, unique ids, each id
 * naming its unit's type and nested under its parent, pages and text boxes in range.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../src/model/clause';
import { layoutFromRaw } from '../../src/pdf/layout';
import { buildTree } from '../../src/structure/index';
import { clauseIdProblem, expectClauseTree } from '../support/clause-ids';
import { anyLayoutArb, layoutArb } from '../support/layout-arbitraries';

const FINGERPRINT = 'f'.repeat(64);

describe('buildTree on generated documents', () => {
  it('never throws, and keeps the clause id grammar, for documents of every kind', () => {
    const kinds = new Map<DocumentKind, number>();
    const types = new Set<string>();
    fc.assert(
      fc.property(anyLayoutArb, ({ raw }) => {
        const tree = buildTree(layoutFromRaw(raw), FINGERPRINT);
        expect(tree.document.pages).toBe(raw.pageCount);
        expectClauseTree(tree);
        kinds.set(tree.document.kind, (kinds.get(tree.document.kind) ?? 0) + 1);
        for (const unit of tree.units) types.add(unit.type);
      }),
      { numRuns: 200 },
    );
    // The generator must reach every grammar and most unit types, or the property proves little.
    for (const kind of ['act', 'code', 'other'] as const) expect(kinds.get(kind) ?? 0).toBeGreaterThan(20);
    const expected = ['preamble', 'citation', 'recital', 'article', 'paragraph', 'subparagraph', 'point'];
    expected.push('annex', 'section', 'commitment', 'measure', 'appendix', 'heading', 'other');
    for (const type of expected) expect(types).toContain(type);
  });

  it('reads a document without legal structure as `other`, every unit a heading or a paragraph', () => {
    fc.assert(
      fc.property(layoutArb('other', 20), ({ raw }) => {
        const tree = buildTree(layoutFromRaw(raw), FINGERPRINT);
        expect(tree.document.kind).toBe('other');
        expectClauseTree(tree);
      }),
      { numRuns: 100 },
    );
  });
});

describe('clauseIdProblem', () => {
  // The checker itself must reject what the README does not allow, or the property above is empty.
  it.each([
    ['art_53__para_1__point_b', 'act', 'point', null],
    ['art_52__para_4__subpara_2', 'act', 'subparagraph', null],
    ['anx_XI__sec_1__point_1', 'act', 'point', null],
    ['chp_V__sec_2', 'act', 'section', null],
    ['art_5_2', 'act', 'article', null],
    ['msr_1.2__subpara_3__point_1', 'code', 'point', null],
    ['msr_II.1.2', 'code', 'measure', null],
    ['app_1.2', 'code', 'appendix', null],
    ['p_3', 'other', 'other', null],
    ['art_53', 'code', 'article', 'not a documented code id'],
    ['msr_1', 'code', 'measure', 'not a documented code id'],
    ['art_53__para_x', 'act', 'paragraph', 'no documented shape'],
    ['art_53__para_1', 'act', 'point', 'names a paragraph'],
    ['h_1', 'act', 'heading', 'not a documented act id'],
  ] as const)('%s in a %s document as a %s', (id, kind, type, problem) => {
    const found = clauseIdProblem(id, kind, type);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});
