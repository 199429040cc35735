import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  appOriginFor,
  buildWindowOptions,
  CONTENT_SECURITY_POLICY,
  DEV_CONTENT_SECURITY_POLICY,
  isAllowedUrl,
  META_CONTENT_SECURITY_POLICY,
  isAppPageUrl,
  isAppUrl,
  withCspHeader,
} from '../../electron/main/security';
import { MIN_SIZE } from '../../electron/main/window-state';

const FILE_APP = 'file:///opt/crosswalk/resources/app/out/renderer/';
const DEV_APP = 'http://localhost:5173';

describe('Content-Security-Policy', () => {
  it('is the strict policy: own scripts only, no plugins, no base or form tricks', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
        "frame-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('is the same policy as the <meta> tag in renderer/index.html, less the header-only frame-ancestors', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    expect(metaPolicy(html)).toBe(META_CONTENT_SECURITY_POLICY);
    expect(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`).toBe(CONTENT_SECURITY_POLICY);
  });

  it('relaxes only script-src, and only for the dev server', () => {
    expect(DEV_CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'unsafe-inline'");
    expect(DEV_CONTENT_SECURITY_POLICY.replace(" 'unsafe-inline'; worker-src", '; worker-src')).toBe(
      CONTENT_SECURITY_POLICY,
    );
  });

  it('replaces any CSP header a response brought with it', () => {
    const headers = withCspHeader(
      { 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html' },
      CONTENT_SECURITY_POLICY,
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withCspHeader(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

/** A policy as directive -> sources (lower-cased names, sources as written). */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The sources that govern `directive`, following CSP Level 3's fallback to default-src. */
function effective(policy: Map<string, string[]>, directive: string): string[] {
  const fallbacks: Record<string, string[]> = {
    'script-src': ['script-src', 'default-src'],
    'worker-src': ['worker-src', 'child-src', 'script-src', 'default-src'],
    'frame-src': ['frame-src', 'child-src', 'default-src'],
  };
  for (const name of fallbacks[directive] ?? [directive, 'default-src']) {
    const sources = policy.get(name);
    if (sources) return sources;
  }
  return ['*'];
}

/** The `<meta http-equiv="Content-Security-Policy">` of an HTML page, or null. */
function metaPolicy(html: string): string | null {
  return /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1] ?? null;
}

/** Everything that loads or connects: each must be limited to the app itself. */
const FETCH_DIRECTIVES = [
  'default-src',
  'script-src',
  'worker-src',
  'style-src',
  'img-src',
  'font-src',
  'connect-src',
  'media-src',
  'manifest-src',
  'object-src',
  'frame-src',
];

describe.each([
  ['the header main sends', CONTENT_SECURITY_POLICY],
  ['the <meta> tag', META_CONTENT_SECURITY_POLICY],
])('what %s forbids', (_name, policy) => {
  const parsed = parsePolicy(policy);

  it.each(FETCH_DIRECTIVES)('%s allows no remote origin, only the app and in-page data', (directive) => {
    for (const source of effective(parsed, directive)) {
      expect(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:']).toContain(source);
    }
  });

  it("runs only the app's own script files: no inline script, no eval, no data: or blob: scripts", () => {
    expect(effective(parsed, 'script-src')).toEqual(["'self'"]);
    expect(policy).not.toMatch(
      /unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic|nonce-|sha(256|384|512)-/,
    );
  });

  it('allows inline styles only (React style props), never inline scripts', () => {
    const withInline = [...parsed].filter(([, sources]) => sources.includes("'unsafe-inline'"));
    expect(withInline.map(([name]) => name)).toEqual(['style-src']);
  });

  it('embeds no plugin object and no frame, and fixes the base URL and form targets', () => {
    expect(effective(parsed, 'object-src')).toEqual(["'none'"]);
    expect(effective(parsed, 'frame-src')).toEqual(["'none'"]);
    expect(parsed.get('base-uri')).toEqual(["'none'"]);
    expect(parsed.get('form-action')).toEqual(["'none'"]);
  });

  it('connects to nothing but the app itself', () => {
    expect(effective(parsed, 'connect-src')).toEqual(["'self'"]);
  });
});

describe('the CSP in the built pages', () => {
  // The build fails when renderer/index.html differs from the code (scripts/vite-plugins.ts); this
  // checks what came out of it. CI builds before it tests; without a build (a plain `npm test` on a
  // fresh clone) there is nothing to read, and the test reports itself skipped.
  const built = [
    ['out/renderer/index.html (desktop)', new URL('../../out/renderer/index.html', import.meta.url)],
    ['out/web/index.html (web)', new URL('../../out/web/index.html', import.meta.url)],
  ] as const;

  for (const [name, url] of built) {
    it.skipIf(!existsSync(url))(
      `${name} carries the same policy as the code, and no inline or remote script`,
      () => {
        const html = readFileSync(url, 'utf8');
        expect(metaPolicy(html)).toBe(META_CONTENT_SECURITY_POLICY);
        const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
        expect(scripts.length).toBeGreaterThan(0);
        for (const [, attributes, body] of scripts) {
          expect(attributes).toMatch(/\ssrc="\.\/assets\/[^"]+\.js"/);
          expect(body?.trim()).toBe('');
        }
        expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
      },
    );
  }
});

describe('appOriginFor', () => {
  it('is the renderer folder as a file URL with a trailing slash when packaged', () => {
    expect(appOriginFor(undefined, '/opt/crosswalk/out/renderer')).toBe(
      'file:///opt/crosswalk/out/renderer/',
    );
    expect(appOriginFor('', '/opt/a b/renderer')).toBe('file:///opt/a%20b/renderer/');
  });

  it('is the dev server origin in development', () => {
    expect(appOriginFor('http://localhost:5173/index.html', '/ignored')).toBe(DEV_APP);
  });

  it('refuses a dev server URL that is not http(s)', () => {
    expect(() => appOriginFor('file:///etc/', '/x')).toThrow(/http/);
    expect(() => appOriginFor('javascript:alert(1)', '/x')).toThrow();
  });
});

describe('isAppUrl (navigation and IPC senders)', () => {
  it.each([
    `${FILE_APP}index.html`,
    `${FILE_APP}index.html#/doc`,
    `${FILE_APP}assets/index-abc.js`,
    `${FILE_APP}pdfjs/standard_fonts/FoxitSerif.pfb`,
  ])('allows the packaged app file %s', (url) => {
    expect(isAppUrl(url, FILE_APP)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'file:///opt/crosswalk/resources/app/out/renderer-evil/index.html',
    `${FILE_APP}../main/index.js`,
    `${FILE_APP}%2e%2e/main/index.js`,
    `${FILE_APP}assets%2f..%2f..%2fmain%2findex.js`,
    `${FILE_APP}a%00.html`,
    'file://evil.example/opt/crosswalk/resources/app/out/renderer/index.html',
    'https://evil.example/',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'devtools://devtools/bundled/inspector.html',
    'chrome://settings',
    'not a url',
    '',
  ])('refuses %s in the packaged app', (url) => {
    expect(isAppUrl(url, FILE_APP)).toBe(false);
  });

  it.each([
    [`${DEV_APP}/`, true],
    [`${DEV_APP}/src/main.tsx?t=1`, true],
    ['ws://localhost:5173/', true],
    ['http://localhost:5174/', false],
    ['https://localhost:5173/', false],
    ['http://localhost.evil.example:5173/', false],
    ['http://127.0.0.1:5173/', false],
    ['ws://localhost:9999/', false],
    ['wss://localhost:5173/', false],
    ['file:///opt/crosswalk/out/renderer/index.html', false],
  ])('dev server: %s -> %s', (url, allowed) => {
    expect(isAppUrl(url, DEV_APP)).toBe(allowed);
  });

  it.each([undefined, null, 42, {}, ['https://x'], 'x'.repeat(40_000)])(
    'refuses non-URL input %#',
    (value) => {
      expect(isAppUrl(value, FILE_APP)).toBe(false);
      expect(isAllowedUrl(value, FILE_APP)).toBe(false);
    },
  );
});

describe('isAppPageUrl (where the window may navigate)', () => {
  it.each([`${FILE_APP}index.html`, `${FILE_APP}index.html#/doc`, `${FILE_APP}index.html?project=2`])(
    'allows the app page %s',
    (url) => {
      expect(isAppPageUrl(url, FILE_APP)).toBe(true);
    },
  );

  it.each([
    // A PDF dropped on the window is a file:// navigation, inside the app folder or not.
    'file:///home/me/Downloads/AI%20Act.pdf',
    `${FILE_APP}dropped.pdf`,
    `${FILE_APP}assets/index-abc.js`,
    `${FILE_APP}index.html/..%2f..%2fmain%2findex.js`,
    `${FILE_APP}INDEX.HTML`,
    `${FILE_APP}index.htm`,
    `${FILE_APP}`,
    FILE_APP.replace(/\/$/, ''),
    'file:///etc/passwd',
    'https://evil.example/index.html',
    'javascript:alert(1)',
    'data:text/html,x',
    'devtools://devtools/bundled/inspector.html',
    'blob:file:///5b2f1f2a-6c1a-4f0e-9d7e-1e7f0d3b8e11',
  ])('refuses %s', (url) => {
    expect(isAppPageUrl(url, FILE_APP)).toBe(false);
  });

  it('on the dev server, allows its pages but not its socket or other origins', () => {
    expect(isAppPageUrl(`${DEV_APP}/`, DEV_APP)).toBe(true);
    expect(isAppPageUrl(`${DEV_APP}/project/1`, DEV_APP)).toBe(true);
    expect(isAppPageUrl('ws://localhost:5173/', DEV_APP)).toBe(false);
    expect(isAppPageUrl('http://localhost:5174/', DEV_APP)).toBe(false);
    expect(isAppPageUrl('file:///home/me/a.pdf', DEV_APP)).toBe(false);
  });
});

describe('isAllowedUrl (every request the renderer makes)', () => {
  it.each([
    `${FILE_APP}assets/pdf.worker.min-abc.mjs`,
    'data:image/png;base64,AAAA',
    'blob:file:///5b2f1f2a-6c1a-4f0e-9d7e-1e7f0d3b8e11',
    'devtools://devtools/bundled/inspector.html',
  ])('lets through %s', (url) => {
    expect(isAllowedUrl(url, FILE_APP)).toBe(true);
  });

  it.each([
    'https://fonts.googleapis.com/css',
    'http://127.0.0.1:8080/collect',
    'wss://evil.example/socket',
    'ftp://example.com/x.pdf',
    'file:///home/user/.ssh/id_rsa',
    'chrome-extension://abc/x.js',
    'ws://localhost:5173/',
  ])('cancels %s', (url) => {
    expect(isAllowedUrl(url, FILE_APP)).toBe(false);
  });
});

describe('buildWindowOptions', () => {
  it('sandboxes and isolates the renderer and gives it no Node', () => {
    const { webPreferences } = buildWindowOptions('/app/out/preload/index.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('places the window where window-state says, or lets Electron center it', () => {
    expect(buildWindowOptions('/p', { x: 10, y: 20, width: 900, height: 600 })).toMatchObject({
      x: 10,
      y: 20,
      width: 900,
      height: 600,
      show: false,
    });
    const centered = buildWindowOptions('/p');
    expect(centered).not.toHaveProperty('x');
    expect(centered).not.toHaveProperty('y');
    expect(centered).toMatchObject({ width: 1200, height: 820 });
  });

  it('has the same minimum size as window-state', () => {
    expect(buildWindowOptions('/p')).toMatchObject({ minWidth: MIN_SIZE.width, minHeight: MIN_SIZE.height });
  });
});
