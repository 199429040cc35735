import { describe, expect, it } from 'vitest';
import { makeSnippet, normalizeWord, tokens, words } from '../../src/search/text';
import { shortTitle } from '../../src/search/title';

/** The marked words of a snippet, as a user sees them highlighted. */
function marked(snippet: { text: string; marks: readonly (readonly [number, number])[] }): string[] {
  return snippet.marks.map(([start, end]) => snippet.text.slice(start, end));
}

describe('words', () => {
  it('splits on spaces and punctuation, keeping offsets', () => {
    expect(words('Article 55(1)(c), general-purpose AI; 10²⁵ FLOPs')).toEqual([
      'Article',
      '55',
      '1',
      'c',
      'general',
      'purpose',
      'AI',
      '10²⁵',
      'FLOPs',
    ]);
    const text = 'report, without undue delay';
    for (const token of tokens(text)) expect(text.slice(token.start, token.end)).toBe(token.word);
  });

  it('folds case, accents and compatibility forms', () => {
    expect(normalizeWord('Règlement')).toBe('reglement');
    expect(normalizeWord('ﬁle')).toBe('file');
    expect(normalizeWord('DELAY')).toBe('delay');
  });
});

describe('snippets', () => {
  const long =
    'Signatories commit to setting up processes for keeping track of, documenting, and reporting to the AI Office ' +
    'and, as applicable, to national competent authorities, without undue delay relevant information about ' +
    'serious incidents along the entire model lifecycle and possible corrective measures to address them, as ' +
    'specified in the following Measures.';

  it('marks the matched words, found again in the text they came from', () => {
    const snippet = makeSnippet(long, new Set(['undue', 'delay']));
    expect(marked(snippet)).toEqual(['undue', 'delay']);
    expect(snippet.text.length).toBeLessThanOrEqual(170);
  });

  it('starts at a word and says with an ellipsis that the text goes on', () => {
    const snippet = makeSnippet(long, new Set(['serious']));
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    // The first word shown is whole: the character before it in the original text is a space.
    const first = snippet.text.slice(1).split(' ')[0] ?? '';
    expect(long.includes(` ${first} `)).toBe(true);
  });

  it('shows the stretch with the most different matches', () => {
    const text = `delay ${'filler words here '.repeat(20)}without undue delay at the end`;
    const snippet = makeSnippet(text, new Set(['without', 'undue', 'delay']), 60);
    expect(marked(snippet)).toEqual(['without', 'undue', 'delay']);
  });

  it('matches words whatever their case or accents', () => {
    expect(marked(makeSnippet('The Règlement says SO.', new Set(['reglement', 'so'])))).toEqual([
      'Règlement',
      'SO',
    ]);
  });

  it('without a match shows the start of the text', () => {
    expect(makeSnippet('short text', new Set(['absent']))).toEqual({ text: 'short text', marks: [] });
    const snippet = makeSnippet(long, new Set(), 50);
    expect(snippet.marks).toEqual([]);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(long.startsWith(snippet.text.slice(0, -1))).toBe(true);
  });

  it('keeps a match that sits past a long unbroken run whole', () => {
    const text = `${'x'.repeat(300)} delay`;
    expect(marked(makeSnippet(text, new Set(['delay']), 40))).toEqual(['delay']);
  });
});

describe('short titles', () => {
  it('takes the name an act gives itself in brackets', () => {
    expect(
      shortTitle(
        'REGULATION (EU) 2024/1689 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 13 June 2024 laying down harmonised rules on artificial intelligence (Artificial Intelligence Act)',
        'Law',
      ),
    ).toBe('AI Act');
    expect(shortTitle('… on synthetic widgets (Synthetic Widgets Act)', 'Law')).toBe('Synthetic Widgets Act');
  });

  it('cuts other titles short, and falls back when there is none', () => {
    expect(
      shortTitle('Code of Practice for General-Purpose AI Models Safety and Security Chapter', 'Code'),
    ).toBe('Code of Practice for General-Purpose AI…');
    expect(shortTitle('  ', 'Law')).toBe('Law');
  });
});
