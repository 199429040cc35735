/**
 * The final Safety and Security chapter of the GPAI Code of Practice: every
 * fact listed in ../shared/corpus/SOURCES.md, and its text against the
 * official chapter's own text extraction.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClauseTree } from '../../src/model/clause';
import { expectWellFormed } from '../support/tree';
import {
  CODE_SAFETY,
  CODE_SAFETY_TXT,
  GOLD_CSV,
  childrenOf,
  corpusAvailable,
  index,
  parseCorpus,
  skipReason,
} from './corpus';

const MEASURES = [
  '1.1',
  '1.2',
  '1.3',
  '1.4',
  '2.1',
  '2.2',
  '3.1',
  '3.2',
  '3.3',
  '3.4',
  '3.5',
  '4.1',
  '4.2',
  '5.1',
  '6.1',
  '6.2',
  '7.1',
  '7.2',
  '7.3',
  '7.4',
  '7.5',
  '7.6',
  '7.7',
  '8.1',
  '8.2',
  '8.3',
  '9.1',
  '9.2',
  '9.3',
  '9.4',
  '10.1',
  '10.2',
];

describe.skipIf(!corpusAvailable)(`GPAI Code of Practice, Safety and Security chapter${skipReason}`, () => {
  const tree = (): Promise<ClauseTree> => parseCorpus(CODE_SAFETY);

  it('is recognised as a code, titled from its cover', async () => {
    const { document } = await tree();
    expect(document.kind).toBe('code');
    expect(document.pages).toBe(43);
    expect(document.title).toBe('Code of Practice for General-Purpose AI Models Safety and Security Chapter');
  });

  it('has unique ids, each parent before its children', async () => {
    expectWellFormed((await tree()).units);
  });

  it('has Objectives A–B and recitals (a)–(j)', async () => {
    const { units } = await tree();
    expect(units.filter((u) => u.type === 'objective').map((u) => u.id)).toEqual(['obj_A', 'obj_B']);
    expect(units.filter((u) => u.type === 'recital').map((u) => u.id)).toEqual(
      'abcdefghij'.split('').map((l) => `rec_${l}`),
    );
  });

  it('has Commitments 1–10, with Commitment 10’s two-line heading joined', async () => {
    const t = await tree();
    expect(t.units.filter((u) => u.type === 'commitment').map((u) => u.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `cmt_${i + 1}`),
    );
    const byId = index(t);
    expect(byId.get('cmt_1')?.heading).toBe('Safety and Security Framework');
    expect(byId.get('cmt_10')?.heading).toBe('Additional documentation and transparency');
  });

  it('has exactly the 32 measures, each under its commitment', async () => {
    const t = await tree();
    const measures = t.units.filter((u) => u.type === 'measure');
    expect(measures.map((u) => u.id)).toEqual(MEASURES.map((n) => `msr_${n}`));
    for (const measure of measures)
      expect(measure.parent).toBe(`cmt_${(measure.num ?? '').split('.')[0] ?? ''}`);
    expect(index(t).get('msr_7.3')?.heading).toBe(
      'Documentation of systemic risk identification, analysis, and mitigation',
    );
  });

  it('keeps each commitment’s LEGAL TEXT line, as the gold crosswalk states it', async () => {
    const byId = index(await tree());
    const rows = readFileSync(GOLD_CSV, 'utf8').trim().split('\n').slice(1);
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      const match = /^(cmt_\d+),[^,]*,"(.*)"$/.exec(row);
      expect(match, row).not.toBeNull();
      const [, id = '', statedAs = ''] = match ?? [];
      expect(byId.get(id)?.text.startsWith(`LEGAL TEXT: ${statedAs} `), id).toBe(true);
    }
  });

  it('nests points as printed and never takes a wrapped `Measure 4.2, other than …` for a heading', async () => {
    const t = await tree();
    const byId = index(t);
    expect(childrenOf(t, 'msr_1.1')).toEqual(['1', '2', '3', '4'].map((n) => `msr_1.1__point_${n}`));
    expect(childrenOf(t, 'msr_1.1__point_2')).toEqual(
      ['a', 'b', 'c', 'd'].map((l) => `msr_1.1__point_2__point_${l}`),
    );
    expect(byId.get('msr_1.1__point_2__point_d')?.text).toContain(
      'as specified in Measure 4.2, other than as the result of independent external evaluations;',
    );
    // Measure 1.2 has two numbered lists in different paragraphs: the second is qualified by its paragraph.
    expect(childrenOf(t, 'msr_1.2')).toEqual([
      'msr_1.2__point_1',
      'msr_1.2__point_2',
      'msr_1.2__subpara_3__point_1',
      'msr_1.2__subpara_3__point_2',
      'msr_1.2__subpara_3__point_3',
      'msr_1.2__subpara_3__point_4',
    ]);
  });

  it('has the Glossary and Appendices 1–4 with their sub-appendices', async () => {
    const t = await tree();
    const byId = index(t);
    expect(byId.get('gls')?.type).toBe('glossary');
    expect(byId.get('gls')?.text).toContain('‘systemic risk tiers’');
    const appendices = t.units.filter((u) => u.type === 'appendix');
    expect(appendices.filter((u) => u.parent === null).map((u) => u.id)).toEqual([
      'app_1',
      'app_2',
      'app_3',
      'app_4',
    ]);
    expect(byId.get('app_1.2')?.parent).toBe('app_1');
    expect(byId.get('app_1.2.2')?.parent).toBe('app_1.2');
    expect(byId.get('app_3.5')?.heading).toBe('Independent external model evaluations');
  });

  it('leaves page numbers and figure captions out of clause text', async () => {
    const { units } = await tree();
    for (const unit of units) {
      expect(unit.text, unit.id).not.toMatch(/Figure \d+\./);
      expect(unit.text, unit.id).not.toMatch(/takes precedence\.$/);
    }
  });

  it('reads every sentence of every unit as the official chapter’s text extraction prints it', async () => {
    const { units } = await tree();
    // The official extraction breaks words at line ends (`multi- step`); Crosswalk repairs them.
    const official = readFileSync(CODE_SAFETY_TXT, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*\d+\s*$/.test(line))
      .join(' ')
      .replace(/\s+/g, ' ')
      .replace(/(\p{L})- /gu, '$1-');
    const missing: string[] = [];
    let sentences = 0;
    for (const unit of units) {
      for (const sentence of unit.text.split(/(?<=[:.;])\s+/)) {
        if (sentence.length === 0) continue;
        sentences++;
        if (!official.includes(sentence)) missing.push(`${unit.id}: ${sentence}`);
      }
    }
    expect(sentences).toBeGreaterThan(800);
    expect(missing).toEqual([]);
  });
});
