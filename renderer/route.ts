/**
 * Where the user is, kept in the URL's hash so a reload (or the desktop app's restart) lands on the
 * same screen:
 * - `#/` the library;
 * - `#/p/<project>` a workspace, `#/p/<project>/<unit>` with a code unit selected;
 * - `#/p/<project>/overview` the project's overview;
 * - `#/p/<project>/objections`, `#/p/<project>/objections/<objection>` the Objections panel;
 * - `#/p/<project>/conflicts` conflicting verdicts and notes that lost their place;
 * - `#/p/<project>/page/<law|code>/<clause>` the original PDF page of a clause, with
 *   `/<unit>` after it when opened from a code unit (Back returns there).
 */
export type Route =
  | { readonly view: 'library' }
  | { readonly view: 'workspace'; readonly projectId: string; readonly unitId: string | null }
  | { readonly view: 'overview'; readonly projectId: string }
  | { readonly view: 'objections'; readonly projectId: string; readonly objectionId: string | null }
  | { readonly view: 'conflicts'; readonly projectId: string }
  | {
      readonly view: 'page';
      readonly projectId: string;
      readonly doc: 'law' | 'code';
      readonly clauseId: string;
      readonly from: string | null;
    };

const LIBRARY: Route = { view: 'library' };

/** Reads a hash; anything unknown or malformed is the library. */
export function parseRoute(hash: string): Route {
  const match = /^#\/p\/(.+)$/.exec(hash);
  if (match === null) return LIBRARY;
  let parts: string[];
  try {
    parts = (match[1] ?? '').split('/').map(decodeURIComponent);
  } catch {
    // A malformed escape (`%E0`) in a hand-edited URL.
    return LIBRARY;
  }
  const [projectId = '', second, third, fourth, fifth, ...rest] = parts;
  if (projectId === '' || rest.length > 0) return LIBRARY;
  if (second === undefined) return { view: 'workspace', projectId, unitId: null };
  if (second === 'overview' && third === undefined) return { view: 'overview', projectId };
  if (second === 'conflicts' && third === undefined) return { view: 'conflicts', projectId };
  if (second === 'objections' && fourth === undefined)
    return { view: 'objections', projectId, objectionId: third === undefined || third === '' ? null : third };
  if (second === 'page') {
    if ((third !== 'law' && third !== 'code') || fourth === undefined || fourth === '') return LIBRARY;
    return {
      view: 'page',
      projectId,
      doc: third,
      clauseId: fourth,
      from: fifth === undefined || fifth === '' ? null : fifth,
    };
  }
  if (third !== undefined || second === '') return LIBRARY;
  return { view: 'workspace', projectId, unitId: second };
}

/** The hash for a route. */
export function formatRoute(route: Route): string {
  const enc = encodeURIComponent;
  switch (route.view) {
    case 'library':
      return '#/';
    case 'workspace':
      return `#/p/${enc(route.projectId)}${route.unitId === null ? '' : `/${enc(route.unitId)}`}`;
    case 'overview':
      return `#/p/${enc(route.projectId)}/overview`;
    case 'conflicts':
      return `#/p/${enc(route.projectId)}/conflicts`;
    case 'objections':
      return `#/p/${enc(route.projectId)}/objections${route.objectionId === null ? '' : `/${enc(route.objectionId)}`}`;
    case 'page':
      return `#/p/${enc(route.projectId)}/page/${route.doc}/${enc(route.clauseId)}${route.from === null ? '' : `/${enc(route.from)}`}`;
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}
