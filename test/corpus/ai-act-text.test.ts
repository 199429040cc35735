/**
 * The AI Act's text, sentence by sentence, against poppler's `pdftotext` on
 * the same file: every sentence Crosswalk puts in a clause must be printed in
 * the PDF exactly so. pdftotext keeps running heads and footnotes in the
 * flow of the page, so a sentence that crosses a page break may be
 * interrupted there; only such sentences may be missing from its output.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AI_ACT, corpusAvailable, parseCorpus, skipReason } from './corpus';

const pdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const reason =
  skipReason || (pdftotext ? '' : ' (skipped: pdftotext not installed; apt-get install poppler-utils)');

describe.skipIf(!corpusAvailable || !pdftotext)(`AI Act text against pdftotext${reason}`, () => {
  it('prints every sentence of every clause as Crosswalk reads it', async () => {
    const tree = await parseCorpus(AI_ACT);
    const out = spawnSync('pdftotext', [AI_ACT, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const furniture =
      /^\s*(EN|OJ L, 12\.7\.2024|\d+\/144|ELI: http:\/\/data\.europa\.eu\/eli\/reg\/2024\/1689\/oj)\s*$/;
    const reference = out.stdout
      .replace(/\f/g, '\n')
      .split('\n')
      .filter((line) => !furniture.test(line))
      .join(' ')
      .replace(/\u00ad\s+/g, '')
      .replace(/\s+/g, ' ');
    let sentences = 0;
    const missing: string[] = [];
    for (const unit of tree.units) {
      const pages = new Set(unit.boxes.map((box) => box.page));
      // pdftotext prints an exponent as plain digits.
      for (const sentence of unit.text.replace(/²⁵/g, '25').split(/(?<=[:.;])\s+/)) {
        if (sentence.length === 0) continue;
        sentences++;
        if (!reference.includes(sentence) && pages.size < 2) missing.push(`${unit.id}: ${sentence}`);
      }
    }
    expect(sentences).toBeGreaterThan(2500);
    expect(missing).toEqual([]);
  });
});
