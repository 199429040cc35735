import { describe, expect, it } from 'vitest';
import {
  ancestorIds,
  childIndex,
  lawUnitLabel,
  treeKey,
  visibleRows,
} from '../../../renderer/overview/law-tree';
import type { Unit } from '../../../src/model/clause';
import { MINI_LAW, tree } from '../../support/trees';

const children = childIndex(MINI_LAW);
const byId = new Map<string, Unit>(MINI_LAW.units.map((u) => [u.id, u]));
const ids = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => r.unit.id);

describe("the law's tree", () => {
  it('starts with the top level only (a unit whose parent is missing is kept there)', () => {
    const rows = visibleRows(children, () => false);
    expect(ids(rows)).toEqual(['rec_114', 'chp_I', 'chp_V']);
    expect(rows.map((r) => [r.level, r.position, r.siblings, r.hasChildren, r.expanded])).toEqual([
      [1, 1, 3, false, false],
      [1, 2, 3, true, false],
      [1, 3, 3, true, false],
    ]);
  });

  it('draws the children of open branches only, depth first', () => {
    const open = new Set(['chp_V', 'art_55']);
    const rows = visibleRows(children, (id) => open.has(id));
    expect(ids(rows)).toEqual(['rec_114', 'chp_I', 'chp_V', 'art_53', 'art_55', 'art_55__para_1']);
    const para = rows.find((r) => r.unit.id === 'art_55__para_1');
    expect([para?.level, para?.parent, para?.hasChildren, para?.expanded]).toEqual([
      3,
      'art_55',
      true,
      false,
    ]);
  });

  it('finds the branches to open to show a provision', () => {
    expect(ancestorIds(byId, 'art_55__para_1__point_c')).toEqual(['art_55__para_1', 'art_55', 'chp_V']);
    expect(ancestorIds(byId, 'chp_V')).toEqual([]);
  });
});

describe("the law tree's keys", () => {
  const open = new Set(['chp_V', 'art_55']);
  const rows = visibleRows(children, (id) => open.has(id));

  it('moves up and down the visible rows, and to the first and last', () => {
    expect(treeKey(rows, 'chp_V', 'ArrowDown')).toEqual({ kind: 'focus', id: 'art_53' });
    expect(treeKey(rows, 'chp_V', 'ArrowUp')).toEqual({ kind: 'focus', id: 'chp_I' });
    expect(treeKey(rows, 'art_55__para_1', 'ArrowDown')).toBeNull();
    expect(treeKey(rows, 'rec_114', 'ArrowUp')).toBeNull();
    expect(treeKey(rows, 'art_53', 'Home')).toEqual({ kind: 'focus', id: 'rec_114' });
    expect(treeKey(rows, 'art_53', 'End')).toEqual({ kind: 'focus', id: 'art_55__para_1' });
  });

  it('→ opens a closed branch, then goes into it; ← closes it, then goes to the parent', () => {
    expect(treeKey(rows, 'chp_I', 'ArrowRight')).toEqual({ kind: 'toggle', id: 'chp_I', open: true });
    expect(treeKey(rows, 'art_55', 'ArrowRight')).toEqual({ kind: 'focus', id: 'art_55__para_1' });
    expect(treeKey(rows, 'rec_114', 'ArrowRight')).toBeNull();
    expect(treeKey(rows, 'art_55', 'ArrowLeft')).toEqual({ kind: 'toggle', id: 'art_55', open: false });
    expect(treeKey(rows, 'art_55__para_1', 'ArrowLeft')).toEqual({ kind: 'focus', id: 'art_55' });
    expect(treeKey(rows, 'chp_I', 'ArrowLeft')).toBeNull();
  });

  it('selects with Enter and Space, and leaves other keys to the browser', () => {
    expect(treeKey(rows, 'art_53', 'Enter')).toEqual({ kind: 'select', id: 'art_53' });
    expect(treeKey(rows, 'art_53', ' ')).toEqual({ kind: 'select', id: 'art_53' });
    expect(treeKey(rows, 'art_53', 'a')).toBeNull();
    expect(treeKey(rows, 'not-shown', 'ArrowDown')).toBeNull();
  });
});

describe('labels in the law tree', () => {
  it('names each kind of provision the way the Act prints it', () => {
    const act = tree('act', 'Act', [
      ['pre', 'preamble', null, null, '', null],
      ['rec_1', 'recital', '1', null, 'Whereas.', 'pre'],
      ['chp_V', 'chapter', 'V', 'GPAI', '', null],
      ['chp_V__sec_2', 'section', '2', 'Duties', '', 'chp_V'],
      ['art_53', 'article', '53', 'Obligations', '', 'chp_V__sec_2'],
      ['art_53__para_1', 'paragraph', '1', null, 'Providers shall:', 'art_53'],
      ['art_53__para_1__point_a', 'point', '(a)', null, 'document;', 'art_53__para_1'],
      ['art_53__para_1__subpara_2', 'subparagraph', null, null, 'More.', 'art_53__para_1'],
      ['anx_XI', 'annex', 'XI', 'Documentation', '', null],
      ['closing', 'other', null, null, 'Done at Brussels.', null],
    ]);
    expect(act.units.map(lawUnitLabel)).toEqual([
      'Preamble',
      'Recital 1',
      'Chapter V',
      'Section 2',
      'Article 53',
      'Paragraph 1',
      '(a)',
      'Second subparagraph',
      'Annex XI',
      'Closing formula',
    ]);
  });
});
