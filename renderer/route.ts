/**
 * Where the user is, kept in the URL's hash so a reload (or the desktop app's restart) lands on the
 * same project and unit: `#/` is the library, `#/p/<project>` a workspace, `#/p/<project>/<unit>`
 * a workspace with a code unit selected.
 */
export type Route =
  | { readonly view: 'library' }
  | { readonly view: 'workspace'; readonly projectId: string; readonly unitId: string | null };

/** Reads a hash; anything unknown is the library. */
export function parseRoute(hash: string): Route {
  const match = /^#\/p\/([^/]+)(?:\/([^/]+))?$/.exec(hash);
  if (match === null) return { view: 'library' };
  try {
    return {
      view: 'workspace',
      projectId: decodeURIComponent(match[1] ?? ''),
      unitId: match[2] === undefined ? null : decodeURIComponent(match[2]),
    };
  } catch {
    // A malformed escape (`%E0`) in a hand-edited URL: fall back to the library.
    return { view: 'library' };
  }
}

/** The hash for a route. */
export function formatRoute(route: Route): string {
  if (route.view === 'library') return '#/';
  const base = `#/p/${encodeURIComponent(route.projectId)}`;
  return route.unitId === null ? base : `${base}/${encodeURIComponent(route.unitId)}`;
}
