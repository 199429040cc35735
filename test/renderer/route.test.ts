import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../renderer/route';

describe('routes in the URL hash', () => {
  it('round-trips the library, a project and a unit', () => {
    for (const route of [
      { view: 'library' } as const,
      { view: 'workspace', projectId: 'p-1', unitId: null } as const,
      { view: 'workspace', projectId: 'a b/c', unitId: 'msr_1.2__subpara_3__point_1' } as const,
    ]) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
  });

  it('reads anything unknown or malformed as the library', () => {
    for (const hash of ['', '#', '#/x', '#/p/', '#/p/%E0%A4%A', '#/p/a/b/c'])
      expect(parseRoute(hash)).toEqual({ view: 'library' });
  });
});
