import { describe, expect, it } from 'vitest';
import { normalizeQuery, resolveQuery } from '../../src/citations/index';
import { MINI_CODE, MINI_LAW } from '../support/trees';

const law = new Set<string>(MINI_LAW.units.map((u) => u.id));
const code = new Set<string>(MINI_CODE.units.map((u) => u.id));

describe('normalizeQuery', () => {
  it.each([
    ['Art 55(1)(c)', 'Article 55(1)(c)'],
    ['art. 53', 'Article 53'],
    ['  55(1)(c) ', 'Article 55(1)(c)'],
    ['Articles 53 and 55', 'Article 53 and 55'],
    ['anx XI', 'Annex XI'],
    ['rec 114', 'recital 114'],
    ['msr 1.1', 'Measure 1.1'],
  ])('%s -> %s', (query, expected) => {
    expect(normalizeQuery(query)).toBe(expected);
  });

  it.each(['serious incident', 'article about risks', '', 'x'.repeat(300)])(
    '%s is not a citation',
    (query) => {
      expect(normalizeQuery(query)).toBeNull();
    },
  );
});

describe('resolveQuery', () => {
  it('resolves shorthand to the law provision', () => {
    expect(resolveQuery('Art 55(1)(c)', law)?.ids).toEqual(['art_55__para_1__point_c']);
    expect(resolveQuery('53', law)?.ids).toEqual(['art_53']);
  });

  it('reports what does not exist instead of guessing', () => {
    const result = resolveQuery('Art 99', law);
    expect(result?.ids).toEqual([]);
    expect(result?.unresolved.length).toBeGreaterThan(0);
  });

  it('resolves code references against the code', () => {
    const measure = [...code].find((id) => id.startsWith('msr_'));
    expect(measure).toBeDefined();
    const number = measure!.slice(4).split('__')[0]!;
    const result = resolveQuery(`Measure ${number}`, law, code);
    expect(result?.target).toBe('code');
    expect(result?.ids).toContain(`msr_${number}`);
  });

  it('returns null for prose', () => {
    expect(resolveQuery('serious incident reporting', law)).toBeNull();
  });
});
