import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from '../../renderer/route';

describe('routes in the URL hash', () => {
  it('round-trips every screen', () => {
    const routes: Route[] = [
      { view: 'library' },
      { view: 'workspace', projectId: 'p-1', unitId: null },
      { view: 'workspace', projectId: 'a b/c', unitId: 'msr_1.2__subpara_3__point_1' },
      { view: 'overview', projectId: 'p-1' },
      { view: 'conflicts', projectId: 'p-1' },
      { view: 'objections', projectId: 'p-1', objectionId: null },
      { view: 'objections', projectId: 'p-1', objectionId: 'o/1' },
      { view: 'page', projectId: 'p-1', doc: 'law', clauseId: 'art_55__para_1__point_c', from: 'msr_9.3' },
      { view: 'page', projectId: 'p-1', doc: 'code', clauseId: 'msr_9.3', from: null },
    ];
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('reads anything unknown or malformed as the library', () => {
    for (const hash of [
      '',
      '#',
      '#/x',
      '#/p/',
      '#/p/%E0%A4%A',
      '#/p/a/b/c',
      '#/p/a/page/x/y',
      '#/p/a/page/law',
      '#/p/a/overview/x',
      '#/p/a/conflicts/x',
      '#/p/a/objections/x/y',
      '#/p/a/page/law/b/c/d',
    ]) {
      expect(parseRoute(hash)).toEqual({ view: 'library' });
    }
  });
});
