import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OverviewReport } from '../../../renderer/overview/Overview';
import { MINI_CODE, MINI_LAW } from '../../support/trees';
import { LINKS, PROJECT, verdict } from './fixtures';
import { byTestId, text } from './markup';

const noop = (): void => undefined;

function render(
  annotations = [verdict('msr_9.3', 'expands', 'reviewed'), verdict('cmt_6', null, 'disputed')],
) {
  return renderToStaticMarkup(
    <OverviewReport
      project={PROJECT}
      law={MINI_LAW}
      code={MINI_CODE}
      links={LINKS}
      annotations={annotations}
      author="Ana"
      onOpenUnit={noop}
      onBack={noop}
    />,
  );
}

describe('<OverviewReport>', () => {
  const html = render();

  it('is titled Overview, with a way back', () => {
    expect(text(html)).toMatch(/^← WorkspaceOverviewMini Act vs Mini Code/);
    expect(byTestId(html, 'overview-back')).toHaveLength(1);
  });

  it('draws the matrix as a table of buttons, one per commitment and stance, with the totals', () => {
    expect(byTestId(html, 'overview-matrix')[0]?.name).toBe('table');
    const cells = byTestId(html, 'overview-cell');
    // Two commitments and the totals row, seven columns each.
    expect(cells).toHaveLength(21);
    const count = (commitment: string, stance: string) =>
      cells.find((c) => c.attrs['data-commitment'] === commitment && c.attrs['data-stance'] === stance)
        ?.attrs;
    expect(count('cmt_9', 'expands')).toMatchObject({
      'data-count': '1',
      'aria-label': 'Commitment 9, expands: 1 unit',
      'aria-pressed': 'false',
    });
    expect(count('cmt_9', 'expands')).not.toHaveProperty('disabled');
    expect(count('cmt_9', 'clarifies')).toMatchObject({ 'data-count': '0', disabled: '' });
    expect(count('cmt_6', 'none')?.['data-count']).toBe('2');
    expect(count('all', 'none')?.['data-count']).toBe('3');
    // The fullest cell of the commitments is shaded fully, an emptier one less.
    expect(count('cmt_6', 'none')?.['style']).toBe('--level:1.000');
    expect(count('cmt_9', 'expands')?.['style']).toBe('--level:0.500');
  });

  it('gives reviewed of total, disputed, and the articles each commitment reaches', () => {
    const rows = byTestId(html, 'overview-row');
    expect(rows).toHaveLength(2);
    const [six, nine] = rows.map((r) => text(r.after.split('</tr>')[0] ?? ''));
    expect(six).toContain('1 of 2');
    expect(six).toContain('1 disputed');
    // Commitment 6 reaches Article 55 and recital 114 through suggestions only.
    expect(six).toContain('2 suggested, none accepted');
    expect(nine).toMatch(/Article 55$/);
    expect(nine).toContain('1 of 2');
    expect(nine).toContain('Article 55');
    expect(byTestId(html, 'overview-disputed').map((b) => b.attrs['data-commitment'])).toEqual([
      'cmt_6',
      'all',
    ]);
    // No unit list until a number is chosen.
    expect(byTestId(html, 'overview-units')).toHaveLength(0);
  });

  it('lists every article by chapter with its accepted and suggested links, untouched ones marked', () => {
    expect(byTestId(html, 'coverage')).toHaveLength(1);
    const articles = byTestId(html, 'coverage-article');
    expect(
      articles.map((a) => [
        a.attrs['data-article'],
        a.attrs['data-accepted'],
        a.attrs['data-suggested'],
        a.attrs['data-state'],
      ]),
    ).toEqual([
      ['art_3', '0', '0', 'untouched'],
      ['art_53', '0', '0', 'untouched'],
      ['art_55', '2', '1', 'accepted'],
      ['rec_114', '0', '1', 'suggested'],
    ]);
    expect(text(articles[0]?.after ?? '')).toMatch(/^Article 3Definitionsuntouched/);
    expect(text(articles[2]?.after ?? '')).toContain('2 accepted · 1 suggested');
    expect(text(byTestId(html, 'coverage-summary')[0]?.after.split('</p>')[0] ?? '')).toBe(
      '1 of 3 articles and annexes have an accepted link; 2 are untouched (no accepted link and no open suggestion).',
    );
    expect(byTestId(html, 'coverage-chapter').map((c) => c.attrs['data-chapter'])).toEqual([
      'chp_I',
      'chp_V',
      'outside',
    ]);
  });

  it('counts a unit with no verdict under "no stance"', () => {
    const empty = render([]);
    const cells = byTestId(empty, 'overview-cell').filter((c) => c.attrs['data-stance'] === 'none');
    expect(cells.map((c) => [c.attrs['data-commitment'], c.attrs['data-count']])).toEqual([
      ['cmt_6', '2'],
      ['cmt_9', '2'],
      ['all', '4'],
    ]);
  });
});
