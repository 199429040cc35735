import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/pdf/lines';
import { removeFurniture } from '../../src/pdf/furniture';
import { page, run } from '../support/runs';

function oj(n: number, total: number): ReturnType<typeof buildLines> {
  const odd = n % 2 === 1;
  return buildLines(
    page(n, [
      run(odd ? 'EN' : 'OJ L, 12.7.2024', odd ? 42 : 42, 785),
      run(odd ? 'OJ L, 12.7.2024' : 'EN', odd ? 490 : 540, 785),
      run(`Body text of page ${n} that is long enough to be body.`, 67, 700),
      run(odd ? 'ELI: http://data.europa.eu/eli/reg/2024/1689/oj' : `${n}/${total}`, 42, 22),
      run(odd ? `${n}/${total}` : 'ELI: http://data.europa.eu/eli/reg/2024/1689/oj', odd ? 530 : 377, 22),
    ]),
  );
}

describe('removeFurniture', () => {
  it('removes headers and footers that alternate between odd and even pages, and N/M page numbers', () => {
    const pages = Array.from({ length: 6 }, (_, i) => oj(i + 1, 6));
    const { pages: cleaned } = removeFurniture(pages);
    for (const p of cleaned) {
      expect(p.lines.map((l) => l.text)).toEqual([
        `Body text of page ${p.page} that is long enough to be body.`,
      ]);
    }
  });

  it('removes a bare page number near the bottom even on a one-page document', () => {
    const one = buildLines(page(1, [run('Some text', 57, 700), run('6', 295, 25)]));
    expect(removeFurniture([one]).pages[0]?.lines.map((l) => l.text)).toEqual(['Some text']);
  });

  it('keeps an article heading that opens two pages at the same height (it is content, not a header)', () => {
    const pages = Array.from({ length: 6 }, (_, i) =>
      buildLines(
        page(i + 1, [run(i < 2 ? `Article ${i + 7}` : `Text ${i}`, 280, 758), run('Body', 67, 600)]),
      ),
    );
    const kept = removeFurniture(pages).pages.flatMap((p) => p.lines.map((l) => l.text));
    expect(kept).toContain('Article 7');
    expect(kept).toContain('Article 8');
  });
});
