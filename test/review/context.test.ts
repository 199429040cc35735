import { describe, expect, it } from 'vitest';
import { TreeIndex } from '../../src/linking/index';
import { compareWithProvisions, provisionContext } from '../../src/review/index';
import { MINI_CODE, MINI_LAW } from '../support/trees';

const law = new TreeIndex(MINI_LAW);
const code = new TreeIndex(MINI_CODE);

describe('a provision in context', () => {
  it('gives the exact citation, the article heading and the lead-in that governs a point', () => {
    const context = provisionContext(law, 'art_55__para_1__point_c');
    expect(context?.citation).toBe('Article 55(1), point (c)');
    expect(context?.heading).toMatch(/^Article 55 — /);
    expect(context?.leadIns).toEqual([law.byId.get('art_55__para_1')!.text]);
    expect(context?.text).toBe(law.textWithChildren('art_55__para_1__point_c'));
  });

  it('is null for an id the law does not have', () => {
    expect(provisionContext(law, 'art_999')).toBeNull();
  });

  it('compares a code unit with the provisions it is read against', () => {
    const measure = MINI_CODE.units.find((u) => u.type === 'measure')!;
    expect(compareWithProvisions(code, law, measure.id, [])).toBeNull();
    const comparison = compareWithProvisions(code, law, measure.id, ['art_55__para_1__point_c']);
    expect(comparison?.alignment.segments.length).toBeGreaterThan(0);
    expect(['clarifies', 'expands', 'restates', 'narrows', 'unclear']).toContain(
      comparison?.suggestedStance.stance,
    );
  });
});
