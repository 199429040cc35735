/**
 * Vite plugins shared by the desktop renderer build (electron.vite.config.ts) and the plain web
 * build (vite.web.config.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { contentSecurityPolicy, META_CONTENT_SECURITY_POLICY } from '../electron/main/security.ts';
import { STANDARD_FONTS_PATH } from '../renderer/pdf/font-path.ts';

/** Where the renderer finds pdf.js's standard font data, relative to the page (one constant for both sides). */
export { STANDARD_FONTS_PATH };

function standardFontsDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts');
}

/**
 * Serves (dev) and emits (build) pdf.js's standard font data under `pdfjs/standard_fonts/`, straight
 * from node_modules, so a clean `npm ci` checkout needs no copy step and nothing is fetched online.
 */
export function pdfjsStandardFonts(): Plugin {
  const dir = standardFontsDir();
  const files = new Set(readdirSync(dir).filter((name) => !name.startsWith('.')));
  return {
    name: 'crosswalk:pdfjs-standard-fonts',
    configureServer(server) {
      server.middlewares.use(`/${STANDARD_FONTS_PATH}`, (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\//, '');
        // Only the exact file names in the folder: no traversal, no directory listing.
        if (!files.has(name)) {
          next();
          return;
        }
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(readFileSync(join(dir, name)));
      });
    },
    generateBundle() {
      for (const name of files) {
        this.emitFile({
          type: 'asset',
          fileName: `${STANDARD_FONTS_PATH}${name}`,
          source: readFileSync(join(dir, name)),
        });
      }
    },
  };
}

const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

/**
 * Keeps the `<meta>` CSP in index.html identical to electron/main/security.ts (the build fails if
 * they differ). On the dev server the policy also allows React Fast Refresh's one inline script.
 */
export function contentSecurityPolicyMeta(): Plugin {
  let serving = false;
  return {
    name: 'crosswalk:csp-meta',
    configResolved(config) {
      serving = config.command === 'serve' && !config.isProduction;
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const match = CSP_META.exec(html);
        if (!match) throw new Error('index.html has no <meta http-equiv="Content-Security-Policy"> tag.');
        if (match[1] !== META_CONTENT_SECURITY_POLICY) {
          throw new Error(
            `index.html's Content-Security-Policy differs from electron/main/security.ts.\n  html: ${match[1]}\n  code: ${META_CONTENT_SECURITY_POLICY}`,
          );
        }
        if (!serving) return html;
        const devPolicy = contentSecurityPolicy({ dev: true, meta: true });
        return html.replace(CSP_META, `<meta http-equiv="Content-Security-Policy" content="${devPolicy}" />`);
      },
    },
  };
}
