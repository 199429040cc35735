import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LinkedFrom } from '../../../renderer/overview/LinkedFrom';
import { MINI_CODE, MINI_LAW, tree, type UnitSpec } from '../../support/trees';
import { link, LINKS } from './fixtures';
import { byTestId, text } from './markup';

const noop = (): void => undefined;

describe('<LinkedFrom>', () => {
  it('shows the provision in its context and the code units reaching it, accepted first', () => {
    const html = renderToStaticMarkup(
      <LinkedFrom lawId="art_55__para_1" law={MINI_LAW} code={MINI_CODE} links={LINKS} onOpenUnit={noop} />,
    );
    expect(byTestId(html, 'linked-from')).toHaveLength(1);
    expect(text(byTestId(html, 'linked-from-title')[0]?.after.split('</h2>')[0] ?? '')).toBe('Article 55(1)');
    expect(html).toContain(
      'Article 55 — Obligations of providers of general-purpose AI models with systemic risk',
    );
    expect(text(byTestId(html, 'linked-from-text')[0]?.after ?? '')).toMatch(
      /^In addition to the obligations listed in Articles 53 and 54.*physical infrastructure of the model\./,
    );
    const units = byTestId(html, 'linked-from-unit');
    expect(units.map((u) => [u.attrs['data-unit'], u.attrs['data-status']])).toEqual([
      ['cmt_9', 'accepted'],
      ['msr_9.3', 'accepted'],
      ['msr_6.2', 'suggested'],
    ]);
    // A link into a point of the provision names the point.
    expect(text(units[1]?.after ?? '')).toContain('Measure 9.3Reporting timelines→ Article 55(1), point (c)');
    expect(text(html)).toContain('Linked by the code (accepted) (2)');
    expect(text(html)).toContain('Suggested, not yet decided (1)');
  });

  it('says so when nothing links to the provision (a rejected link does not count)', () => {
    const html = renderToStaticMarkup(
      <LinkedFrom lawId="art_53" law={MINI_LAW} code={MINI_CODE} links={LINKS} onOpenUnit={noop} />,
    );
    expect(byTestId(html, 'linked-from-unit')).toHaveLength(0);
    expect(byTestId(html, 'linked-from-none')).toHaveLength(1);
  });

  it('reports a provision that is not in the law', () => {
    const html = renderToStaticMarkup(
      <LinkedFrom lawId="art_999" law={MINI_LAW} code={MINI_CODE} links={LINKS} onOpenUnit={noop} />,
    );
    expect(text(html)).toContain('This provision is not in the law as imported (art_999).');
  });

  it('cuts a long provision, with a button to read it whole', () => {
    const long = tree('act', 'Act', [
      ['art_3', 'article', '3', 'Definitions', 'For the purposes of this Regulation:', null],
      ...Array.from({ length: 40 }, (_, i): UnitSpec => [
        `art_3__point_${i + 1}`,
        'point',
        `(${i + 1})`,
        null,
        `‘term ${i + 1}’ means a thing defined at some length for the purposes of this test.`,
        'art_3',
      ]),
    ]);
    const html = renderToStaticMarkup(
      <LinkedFrom lawId="art_3" law={long} code={MINI_CODE} links={[]} onOpenUnit={noop} />,
    );
    const shown = text(byTestId(html, 'linked-from-text')[0]?.after.split('</p>')[0] ?? '');
    expect(shown.length).toBeLessThanOrEqual(1201);
    expect(shown.endsWith('…')).toBe(true);
    expect(text(html)).toMatch(/Show the whole text \(3,\d{3} characters\)/);
  });

  it('lists each code unit once, and the units with suggestions only twenty at a time', () => {
    const code = tree('code', 'Code', [
      ['cmt_1', 'commitment', '1', 'One', 'LEGAL TEXT: Article 55(1).', null],
      ...Array.from({ length: 25 }, (_, i): UnitSpec => [
        `msr_1.${i + 1}`,
        'measure',
        `1.${i + 1}`,
        `Measure ${i + 1}`,
        'Text.',
        'cmt_1',
      ]),
    ]);
    const links = [
      link('cmt_1', 'art_55__para_1__point_c', 'accepted'),
      link('cmt_1', 'art_55__para_1__point_a', 'suggested'),
      ...code.units.slice(1).map((u) => link(u.id, 'art_55__para_1__point_b', 'suggested')),
    ];
    const html = renderToStaticMarkup(
      <LinkedFrom lawId="art_55" law={MINI_LAW} code={code} links={links} onOpenUnit={noop} />,
    );
    const units = byTestId(html, 'linked-from-unit');
    expect(units[0]?.attrs).toMatchObject({ 'data-unit': 'cmt_1', 'data-status': 'accepted' });
    expect(text(units[0]?.after.split('</button>')[0] ?? '')).toBe(
      'Commitment 1One→ Article 55(1), point (c)(and 1 open suggestion)',
    );
    expect(units.slice(1).map((u) => u.attrs['data-status'])).toEqual(Array(20).fill('suggested'));
    expect(text(html)).toContain('Suggested, not yet decided (25)');
    expect(text(html)).toContain('Show all 25 units with suggestions');
  });
});
