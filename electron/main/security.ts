/**
 * The pure, testable half of the window's security: the CSP, which URLs the app may load or
 * navigate to, and the BrowserWindow options. No `electron` runtime import here (types only), so
 * tests can exercise every rule without a window.
 */
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';

/** The policy's directives, in one place so the header, the `<meta>` tag and the tests agree. */
export const CSP_DIRECTIVES: readonly (readonly [string, readonly string[]])[] = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  // pdf.js runs its parser in a module worker loaded from our own files; `blob:` is its fallback.
  ['worker-src', ["'self'", 'blob:']],
  // React's `style` props are inline styles.
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['font-src', ["'self'", 'data:']],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  // The app never frames anything; without this, frames would fall back to default-src 'self'.
  ['frame-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

/** Directives a browser ignores (and reports as a console error) when they come from a `<meta>` tag. */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/**
 * Serializes the policy. `dev` adds `'unsafe-inline'` to `script-src` for React Fast Refresh's
 * one inline script on the Vite dev server (never in a build). `meta` leaves out the header-only
 * directives, for the `<meta http-equiv>` tag in renderer/index.html.
 */
export function contentSecurityPolicy(
  options: { readonly dev?: boolean; readonly meta?: boolean } = {},
): string {
  return CSP_DIRECTIVES.filter(([name]) => !(options.meta === true && HEADER_ONLY_DIRECTIVES.has(name)))
    .map(([name, sources]) => {
      const all = options.dev === true && name === 'script-src' ? [...sources, "'unsafe-inline'"] : sources;
      return `${name} ${all.join(' ')}`;
    })
    .join('; ');
}

/** The Content-Security-Policy header of every Crosswalk page (packaged app and web build). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * The same policy as renderer/index.html's `<meta>` tag carries it: without `frame-ancestors`,
 * which only works as a header (main and the preview server send it that way).
 */
export const META_CONTENT_SECURITY_POLICY = contentSecurityPolicy({ meta: true });

/** The header used only while developing against the Vite dev server. Never used when packaged. */
export const DEV_CONTENT_SECURITY_POLICY = contentSecurityPolicy({ dev: true });

/**
 * The app's own location: the dev server's origin (`http://localhost:5173`) in development, or
 * the `file://` URL of the renderer's folder, with a trailing slash, when packaged.
 */
export function appOriginFor(devServerUrl: string | undefined, rendererDir: string): string {
  if (devServerUrl !== undefined && devServerUrl !== '') {
    const url = new URL(devServerUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`The dev server URL must be http(s), got ${url.protocol}`);
    }
    return url.origin;
  }
  const href = pathToFileURL(rendererDir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 32_768) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is one of the app's own pages or assets: under the renderer folder (file://)
 * or on the dev server's origin. Used for navigation and for checking who sent an IPC message.
 */
export function isAppUrl(url: unknown, appOrigin: string): boolean {
  const target = parse(url);
  const app = parse(appOrigin);
  if (target === null || app === null) return false;
  if (app.protocol === 'file:') {
    if (target.protocol !== 'file:' || target.host !== '' || app.host !== '') return false;
    // The URL parser already resolved `..` and `%2e%2e`; encoded separators or NULs could still
    // smuggle a path past the prefix check when the URL is turned back into a file name.
    if (/%(2f|5c|00)/i.test(target.pathname)) return false;
    const root = app.pathname.endsWith('/') ? app.pathname : `${app.pathname}/`;
    return target.pathname.startsWith(root);
  }
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false;
  if (target.protocol === 'ws:' || target.protocol === 'wss:') {
    // The dev server's hot-reload socket lives on the same host and port.
    const secure = app.protocol === 'https:';
    return target.protocol === (secure ? 'wss:' : 'ws:') && target.host === app.host;
  }
  return target.origin === app.origin;
}

/**
 * True when the window may navigate to `url`: stricter than {@link isAppUrl}, only the app's page
 * itself (`index.html`, with any query or fragment) when packaged, so neither a PDF dropped on the
 * window nor a link to one of the app's own scripts can replace the page. On the dev server, any
 * page of its origin (it serves index.html for every route).
 */
export function isAppPageUrl(url: unknown, appOrigin: string): boolean {
  if (!isAppUrl(url, appOrigin)) return false;
  const target = parse(url);
  const app = parse(appOrigin);
  if (target === null || app === null) return false;
  if (app.protocol !== 'file:') return target.protocol === app.protocol;
  const root = app.pathname.endsWith('/') ? app.pathname : `${app.pathname}/`;
  return target.pathname === `${root}index.html`;
}

/**
 * True when the renderer may make a request to `url`: the app's own files, data held in the
 * page itself (`data:`, `blob:`) and the developer tools. Everything else (any network origin,
 * other `file://` paths, custom schemes) is cancelled, so nothing the user opens leaves the machine.
 */
export function isAllowedUrl(url: unknown, appOrigin: string): boolean {
  const target = parse(url);
  if (target === null) return false;
  switch (target.protocol) {
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true;
    default:
      return isAppUrl(url, appOrigin);
  }
}

/** The header set on every response, replacing any CSP the response already had. */
export function withCspHeader(
  headers: Record<string, string | string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [policy];
  return out;
}

/** Where the window opens (from ./window-state); without `x`/`y` Electron centers it. */
export interface WindowPlacement {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
}

/** Options for the main window: sandboxed, isolated, no Node, no webviews. */
export function buildWindowOptions(
  preloadPath: string,
  placement: WindowPlacement = { width: 1200, height: 820 },
): BrowserWindowConstructorOptions {
  return {
    ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : {}),
    width: placement.width,
    height: placement.height,
    // The same as window-state's MIN_SIZE (a test keeps them equal); not imported, so the Vite
    // config that loads this file does not pull in zod.
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Crosswalk',
    backgroundColor: '#f6f5f1',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}
