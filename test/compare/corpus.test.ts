/**
 * The comparison on the real documents, as the app parses them: the Code's
 * Safety and Security chapter against the AI Act. Needs ../shared/corpus; a
 * fresh clone skips this suite, and says why in its title.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignedText, compareTexts } from '../../src/compare/index';
import type { ClauseTree } from '../../src/model/clause';
import { parsePdf } from '../../src/parse';
import { pdfjs, standardFontDataUrl } from '../support/pdfjs-node';
import {
  ART_55_1,
  ART_55_1_C,
  MSR_9_2_LEAD,
  MSR_9_3_FINAL,
  MSR_9_3_LEAD,
  MSR_9_3_POINT_1,
  MSR_9_3_POINT_3,
  MSR_9_4,
} from './texts';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const AI_ACT = join(CORPUS, 'ai-act-2024-1689.pdf');
const CODE = join(CORPUS, 'gpai-cop-final-safety-security-2025-07.pdf');
const available = existsSync(AI_ACT) && existsSync(CODE);
const reason = available ? '' : ` (skipped: real corpus not found at ${CORPUS})`;

const PARSE_TIMEOUT = 120_000;

function parse(path: string): Promise<ClauseTree> {
  return parsePdf(pdfjs, new Uint8Array(readFileSync(path)), { standardFontDataUrl });
}

/** A unit's text followed by all its descendants', in document order — what the app passes in. */
function fullText(tree: ClauseTree, id: string): string {
  return tree.units
    .filter((unit) => unit.id === id || unit.id.startsWith(`${id}__`))
    .map((unit) => unit.text)
    .join(' ');
}

function ownText(tree: ClauseTree, id: string): string {
  const unit = tree.units.find((candidate) => candidate.id === id);
  if (unit === undefined) throw new Error(`no unit ${id}`);
  return unit.text;
}

describe.skipIf(!available)(`compare on the real corpus${reason}`, () => {
  let act: ClauseTree;
  let code: ClauseTree;
  beforeAll(async () => {
    [act, code] = await Promise.all([parse(AI_ACT), parse(CODE)]);
  }, PARSE_TIMEOUT);

  const art55c = (): string => `${ownText(act, 'art_55__para_1')} ${ownText(act, 'art_55__para_1__point_c')}`;

  it('Measure 9.3 (own text and points) against Article 55(1) lead-in and point (c): expands, naming its deadlines', () => {
    const { suggestedStance, alignment, delta } = compareTexts(fullText(code, 'msr_9.3'), art55c());
    expect(suggestedStance.stance).toBe('expands');
    expect(suggestedStance.confidence).toBeGreaterThan(0.7);
    for (const deadline of [
      'not later than two days after',
      'not later than five days after',
      'not later than 10 days after',
      'not later than 15 days after',
      'not later than 60 days after the serious incident has been resolved',
    ]) {
      expect(suggestedStance.evidence).toContain(`adds a deadline: "without undue delay" → "${deadline}"`);
    }
    expect(suggestedStance.evidence).toContain('adds the period "at least every four weeks"');
    expect(alignment.sharedPhrases.some((phrase) => /serious incident/i.test(phrase))).toBe(true);
    expect(delta.law.map((obligation) => obligation.action)).toEqual(['keep track of, document, and report']);
  });

  it('Measure 9.4 against Article 55(1)(c): expands with the five-year retention period', () => {
    const { suggestedStance } = compareTexts(fullText(code, 'msr_9.4'), art55c());
    expect(suggestedStance.stance).toBe('expands');
    expect(suggestedStance.evidence[0]).toBe('adds the period "for at least five years"');
  });

  it('Measure 1.1 against Article 55(1): adds the Framework and its confirmation deadlines', () => {
    const { suggestedStance } = compareTexts(fullText(code, 'msr_1.1'), fullText(act, 'art_55__para_1'));
    expect(suggestedStance.stance).toBe('expands');
    expect(suggestedStance.evidence).toEqual(
      expect.arrayContaining([
        'adds a deadline: "without undue delay" → "no later than two weeks before placing the model on the market"',
        'adds the document "Framework"',
      ]),
    );
  });

  it('the unit tests’ excerpts are verbatim in the parsed texts', () => {
    const all = [...act.units, ...code.units].map((unit) => unit.text).join(' ');
    for (const excerpt of [
      ART_55_1,
      ART_55_1_C,
      MSR_9_2_LEAD,
      MSR_9_3_LEAD,
      MSR_9_3_FINAL,
      MSR_9_3_POINT_1,
      MSR_9_3_POINT_3,
      MSR_9_4,
    ]) {
      expect(all).toContain(excerpt);
    }
  });

  it('every commitment and measure against Article 55(1): never throws, whole texts, in range', () => {
    const law = fullText(act, 'art_55__para_1');
    const ids = code.units
      .filter((unit) => unit.type === 'commitment' || unit.type === 'measure')
      .map((unit) => unit.id);
    expect(ids.length).toBeGreaterThan(40);
    for (const id of ids) {
      const text = fullText(code, id);
      const comparison = compareTexts(text, law);
      expect(alignedText(comparison.alignment, 'code'), id).toBe(text.replace(/\s+/g, ' ').trim());
      expect(comparison.suggestedStance.confidence).toBeGreaterThanOrEqual(0);
      expect(comparison.suggestedStance.confidence).toBeLessThanOrEqual(1);
    }
  });
});
