/**
 * The AI Act as published in the Official Journal: every fact listed in
 * ../shared/corpus/SOURCES.md, plus texts checked by hand against the PDF.
 */
import { describe, expect, it } from 'vitest';
import type { ClauseTree } from '../../src/model/clause';
import { expectWellFormed } from '../support/tree';
import { AI_ACT, childrenOf, corpusAvailable, index, parseCorpus, skipReason } from './corpus';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII'];

describe.skipIf(!corpusAvailable)(`AI Act (Regulation (EU) 2024/1689)${skipReason}`, () => {
  const tree = (): Promise<ClauseTree> => parseCorpus(AI_ACT);

  it('is recognised as an act with its title, 144 pages and the file fingerprint', async () => {
    const { document } = await tree();
    expect(document.kind).toBe('act');
    expect(document.pages).toBe(144);
    expect(document.fingerprint.slice(0, 16)).toBe('bba630444b3278e8');
    expect(document.title).toMatch(
      /^REGULATION \(EU\) 2024\/1689 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL/,
    );
    expect(document.title).toMatch(/\(Artificial Intelligence Act\)$/);
  });

  it('has ids that are unique, with every parent defined before its children', async () => {
    const { units } = await tree();
    expectWellFormed(units);
    // No collision was papered over with a numeric suffix.
    const suffixed = units.filter((unit) =>
      unit.id.split('__').some((seg) => /^[a-z]+_[^_]+_\d+$/.test(seg)),
    );
    expect(suffixed.map((unit) => unit.id)).toEqual([]);
  });

  it('has the 180 recitals rec_1 … rec_180, in order, and the citations before them', async () => {
    const { units } = await tree();
    const recitals = units.filter((unit) => unit.type === 'recital').map((unit) => unit.id);
    expect(recitals).toEqual(Array.from({ length: 180 }, (_, i) => `rec_${i + 1}`));
    const citations = units.filter((unit) => unit.type === 'citation');
    expect(citations.map((unit) => unit.id)).toEqual([
      'cit_1',
      'cit_2',
      'cit_3',
      'cit_4',
      'cit_5',
      'cit_6',
      'cit_7',
    ]);
    expect(citations[0]?.text).toBe(
      'Having regard to the Treaty on the Functioning of the European Union, and in particular Articles 16 and 114 thereof,',
    );
  });

  it('never parses a footnote as a recital, and keeps footnotes as notes of the unit citing them', async () => {
    const t = await tree();
    const byId = index(t);
    for (const unit of t.units.filter((u) => u.type === 'recital')) {
      expect(unit.text, unit.id).not.toMatch(/^(OJ [CL] |Regulation \(E[UC]\)|Directive )/);
    }
    expect(byId.get('cit_4')?.notes).toEqual([{ marker: '(1)', text: 'OJ C 517, 22.12.2021, p. 56.' }]);
    expect(byId.get('cit_4')?.text).toBe(
      'Having regard to the opinion of the European Economic and Social Committee (1),',
    );
    const notes = t.units.flatMap((unit) => unit.notes);
    expect(notes.length).toBeGreaterThanOrEqual(55);
    // A footnote's text lives in the note, not in the body of any unit.
    expect(t.units.some((unit) => unit.text.includes('OJ C 517, 22.12.2021, p. 56.'))).toBe(false);
  });

  it('has the 13 chapters with their headings, and sections nested in them', async () => {
    const t = await tree();
    const chapters = t.units.filter((unit) => unit.type === 'chapter');
    expect(chapters.map((unit) => unit.id)).toEqual(ROMAN.map((r) => `chp_${r}`));
    const byId = index(t);
    expect(byId.get('chp_V')?.heading).toBe('GENERAL-PURPOSE AI MODELS');
    expect(byId.get('chp_V__sec_2')?.heading).toBe('Obligations for providers of general-purpose AI models');
    expect(byId.get('chp_V__sec_2')?.parent).toBe('chp_V');
    expect(byId.get('art_53')?.parent).toBe('chp_V__sec_2');
  });

  it('has the 113 articles in order with the Official Journal headings', async () => {
    const t = await tree();
    const articles = t.units.filter((unit) => unit.type === 'article');
    expect(articles.map((unit) => unit.id)).toEqual(Array.from({ length: 113 }, (_, i) => `art_${i + 1}`));
    expect(articles.every((unit) => (unit.heading ?? '').length > 0)).toBe(true);
    const byId = index(t);
    const headings: Record<string, string> = {
      art_3: 'Definitions',
      art_4: 'AI literacy',
      art_5: 'Prohibited AI practices',
      art_50: 'Transparency obligations for providers and deployers of certain AI systems',
      art_51: 'Classification of general-purpose AI models as general-purpose AI models with systemic risk',
      art_53: 'Obligations for providers of general-purpose AI models',
      art_55: 'Obligations of providers of general-purpose AI models with systemic risk',
      art_56: 'Codes of practice',
      // A heading that fills the measure and wraps onto a second line.
      art_59:
        'Further processing of personal data for developing certain AI systems in the public interest in the AI regulatory sandbox',
      art_113: 'Entry into force and application',
    };
    for (const [id, heading] of Object.entries(headings)) expect(byId.get(id)?.heading, id).toBe(heading);
  });

  it('numbers paragraphs and points as printed (Articles 5, 53, 3, 4, 113)', async () => {
    const t = await tree();
    expect(childrenOf(t, 'art_53')).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `art_53__para_${n}`));
    expect(childrenOf(t, 'art_5')).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `art_5__para_${n}`));
    expect(childrenOf(t, 'art_53__para_1')).toEqual(
      ['a', 'b', 'c', 'd'].map((p) => `art_53__para_1__point_${p}`),
    );
    expect(childrenOf(t, 'art_53__para_1__point_b')).toEqual([
      'art_53__para_1__point_b__point_i',
      'art_53__para_1__point_b__point_ii',
    ]);
    // Articles without numbered paragraphs.
    for (const id of ['art_3', 'art_4', 'art_113']) {
      expect(
        t.units.some((unit) => unit.parent === id && unit.type === 'paragraph'),
        id,
      ).toBe(false);
    }
    // (h) is followed by its own roman sub-points (i)–(iii), indented under it, not by the letter (i).
    expect(childrenOf(t, 'art_5__para_1__point_h')).toEqual(
      ['i', 'ii', 'iii'].map((r) => `art_5__para_1__point_h__point_${r}`),
    );
    const definitions = childrenOf(t, 'art_3');
    expect(definitions[0]).toBe('art_3__point_1');
    expect(definitions).toContain('art_3__point_65');
    expect(childrenOf(t, 'art_113')).toEqual(['art_113__subpara_2', 'art_113__subpara_3']);
    expect(childrenOf(t, 'art_113__subpara_3')).toEqual(
      ['a', 'b', 'c'].map((p) => `art_113__subpara_3__point_${p}`),
    );
    const byId = index(t);
    expect(byId.get('art_53__para_1__point_b')?.num).toBe('(b)');
    expect(byId.get('art_53__para_1')?.num).toBe('1');
    expect(byId.get('art_53__para_1__point_b__point_ii')?.num).toBe('(ii)');
  });

  it('has the 13 annexes with their sections and points', async () => {
    const t = await tree();
    expect(t.units.filter((unit) => unit.type === 'annex').map((unit) => unit.id)).toEqual(
      ROMAN.map((r) => `anx_${r}`),
    );
    const byId = index(t);
    expect(byId.get('anx_XI')?.heading).toBe(
      'Technical documentation referred to in Article 53(1), point (a) — technical documentation for providers of general-purpose AI models',
    );
    // `Article 49` wraps onto a line of its own inside Annex VIII's title: a title line, not an article.
    expect(byId.get('anx_VIII')?.heading).toBe(
      'Information to be submitted upon the registration of high-risk AI systems in accordance with Article 49',
    );
    expect(childrenOf(t, 'anx_XI')).toEqual(['anx_XI__sec_1', 'anx_XI__sec_2']);
    // Annex VII's numbered points continue after the unnumbered text that interrupts them.
    expect(childrenOf(t, 'anx_VII').filter((id) => /__point_\d+$/.test(id))).toEqual(
      ['1', '2', '3', '4', '5'].map((n) => `anx_VII__point_${n}`),
    );
    expect(byId.get('anx_XI__sec_2')?.heading).toBe(
      'Additional information to be provided by providers of general-purpose AI models with systemic risk',
    );
    expect(childrenOf(t, 'anx_XI__sec_1')[0]).toBe('anx_XI__sec_1__point_1');
    expect(byId.get('anx_XI__sec_1__point_1__point_a')?.text).toBe(
      'the tasks that the model is intended to perform and the type and nature of AI systems in which it can be integrated;',
    );
  });

  it('keeps the closing formula as its own unit, not as text of Article 113', async () => {
    const byId = index(await tree());
    expect(byId.get('closing')?.text).toMatch(
      /^This Regulation shall be binding in its entirety and directly applicable in all Member States\. Done at Brussels, 13 June 2024\./,
    );
    expect(byId.get('art_113__subpara_3__point_c')?.text).toBe(
      'Article 6(1) and the corresponding obligations in this Regulation shall apply from 2 August 2027.',
    );
  });

  it('removes every running header, footer and page number', async () => {
    const { units } = await tree();
    for (const unit of units) {
      expect(unit.text, unit.id).not.toMatch(/\b\d{1,3}\/144\b/);
      expect(unit.text, unit.id).not.toMatch(/OJ L, 12\.7\.2024(?!, ELI)/);
      expect(unit.text, unit.id).not.toMatch(/(^| )EN OJ L/);
      expect(unit.text, unit.id).not.toMatch(/oj ELI:/);
    }
  });

  it('reads ten provisions exactly as printed (checked by hand against the PDF)', async () => {
    const byId = index(await tree());
    const printed: Record<string, string> = {
      art_4:
        'Providers and deployers of AI systems shall take measures to ensure, to their best extent, a sufficient level of AI literacy of their staff and other persons dealing with the operation and use of AI systems on their behalf, taking into account their technical knowledge, experience, education and training and the context the AI systems are to be used in, and considering the persons or groups of persons on whom the AI systems are to be used.',
      // The exponent stays an exponent: 10²⁵, not 1025.
      art_51__para_2:
        'A general-purpose AI model shall be presumed to have high impact capabilities pursuant to paragraph 1, point (a), when the cumulative amount of computation used for its training measured in floating point operations is greater than 10²⁵.',
      art_52__para_4__subpara_2:
        'The Commission is empowered to adopt delegated acts in accordance with Article 97 in order to amend Annex XIII by specifying and updating the criteria set out in that Annex.',
      art_53__para_1__point_b:
        'draw up, keep up-to-date and make available information and documentation to providers of AI systems who intend to integrate the general-purpose AI model into their AI systems. Without prejudice to the need to observe and protect intellectual property rights and confidential business information or trade secrets in accordance with Union and national law, the information and documentation shall:',
      art_53__para_1__point_b__point_i:
        'enable providers of AI systems to have a good understanding of the capabilities and limitations of the general-purpose AI model and to comply with their obligations pursuant to this Regulation; and',
      art_53__para_1__point_b__point_ii: 'contain, at a minimum, the elements set out in Annex XII;',
      art_53__para_3:
        'Providers of general-purpose AI models shall cooperate as necessary with the Commission and the national competent authorities in the exercise of their competences and powers pursuant to this Regulation.',
      art_55__para_1__point_c:
        'keep track of, document, and report, without undue delay, to the AI Office and, as appropriate, to national competent authorities, relevant information about serious incidents and possible corrective measures to address them;',
      art_56__para_5:
        'The AI Office shall aim to ensure that participants to the codes of practice report regularly to the AI Office on the implementation of the commitments and the measures taken and their outcomes, including as measured against the key performance indicators as appropriate. Key performance indicators and reporting commitments shall reflect differences in size and capacity between various participants.',
      art_3__point_65:
        '‘systemic risk’ means a risk that is specific to the high-impact capabilities of general-purpose AI models, having a significant impact on the Union market due to their reach, or due to actual or reasonably foreseeable negative effects on public health, safety, public security, fundamental rights, or the society as a whole, that can be propagated at scale across the value chain;',
      art_113:
        'This Regulation shall enter into force on the twentieth day following that of its publication in the Official Journal of the European Union.',
    };
    for (const [id, text] of Object.entries(printed)) expect(byId.get(id)?.text, id).toBe(text);
  });

  it('maps every character of a clause back to a box on its page', async () => {
    const byId = index(await tree());
    const unit = byId.get('art_53__para_1__point_b');
    expect(unit).toBeDefined();
    if (!unit) return;
    expect(unit.page).toBe(84);
    const covered = new Array<boolean>(unit.text.length).fill(false);
    for (const box of unit.boxes) {
      expect(box.page).toBe(84);
      expect(box.x).toBeGreaterThan(60);
      expect(box.x + box.width).toBeLessThan(540);
      for (let i = box.start; i < box.end; i++) covered[i] = true;
    }
    // Every non-space character is on a box (spaces between runs may fall between boxes).
    const uncovered = [...unit.text].filter((ch, i) => ch !== ' ' && !covered[i]);
    expect(uncovered).toEqual([]);
    // The first box is the start of `draw up`, on the line of the (b) marker (y = 244.2 on the page).
    const first = unit.boxes[0];
    expect(first?.start).toBe(0);
    expect(first?.y).toBeGreaterThan(235);
    expect(first?.y).toBeLessThan(250);
  });
});
