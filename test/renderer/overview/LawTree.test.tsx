import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LawTree } from '../../../renderer/overview/LawTree';
import { MINI_LAW } from '../../support/trees';
import { LINKS } from './fixtures';
import { byTestId, text } from './markup';

const noop = (): void => undefined;

describe('<LawTree>', () => {
  it('starts with the chapters closed, drawing the top level only', () => {
    const html = renderToStaticMarkup(
      <LawTree law={MINI_LAW} links={LINKS} selectedLawId={null} onSelect={noop} />,
    );
    expect(byTestId(html, 'law-tree')[0]?.attrs['role']).toBe('tree');
    const rows = byTestId(html, 'law-unit');
    expect(rows.map((r) => r.attrs['data-unit'])).toEqual(['rec_114', 'chp_I', 'chp_V']);
    expect(rows.map((r) => r.attrs['aria-expanded'])).toEqual([undefined, 'false', 'false']);
    expect(rows.every((r) => r.attrs['role'] === 'treeitem' && r.attrs['aria-level'] === '1')).toBe(true);
    // One row in the tab order: the first, while nothing is selected.
    expect(rows.map((r) => r.attrs['tabindex'])).toEqual(['0', '-1', '-1']);
  });

  it('marks a closed chapter with the accepted links inside it, and a dot for suggestions', () => {
    const html = renderToStaticMarkup(
      <LawTree law={MINI_LAW} links={LINKS} selectedLawId={null} onSelect={noop} />,
    );
    const [recital, chapterOne, chapterFive] = byTestId(html, 'law-unit');
    // Two accepted links land inside Chapter V (55(1) and 55(1)(c)); the rejected one in 53 does not count.
    expect(text(chapterFive?.after ?? '')).toContain(
      'Chapter VGENERAL-PURPOSE AI MODELS2 accepted links1 open suggestion',
    );
    expect(text(chapterOne?.after ?? '')).not.toMatch(/accepted|suggestion/);
    expect(text(recital?.after ?? '')).toContain('1 open suggestion');
    expect(recital?.after).not.toContain('law-count');
  });

  it('opens the branches holding the selected provision, and puts it in the tab order', () => {
    const html = renderToStaticMarkup(
      <LawTree law={MINI_LAW} links={LINKS} selectedLawId="art_55__para_1__point_c" onSelect={noop} />,
    );
    const rows = byTestId(html, 'law-unit');
    expect(rows.map((r) => r.attrs['data-unit'])).toEqual([
      'rec_114',
      'chp_I',
      'chp_V',
      'art_53',
      'art_55',
      'art_55__para_1',
      'art_55__para_1__point_a',
      'art_55__para_1__point_b',
      'art_55__para_1__point_c',
      'art_55__para_1__point_d',
    ]);
    const selected = rows.filter((r) => r.attrs['aria-selected'] === 'true');
    expect(selected.map((r) => [r.attrs['data-unit'], r.attrs['tabindex']])).toEqual([
      ['art_55__para_1__point_c', '0'],
    ]);
    expect(rows.filter((r) => r.attrs['tabindex'] === '0')).toHaveLength(1);
    const point = rows[8];
    expect([point?.attrs['aria-level'], point?.attrs['aria-posinset'], point?.attrs['aria-setsize']]).toEqual(
      ['4', '3', '4'],
    );
    expect(text(point?.after ?? '')).toMatch(/^\(c\)keep track of, document, and report.*1 accepted link$/);
  });
});
