/* global window, indexedDB */
/**
 * The UI half of `npm run bench`: the web build (out/web) in headless Chromium through the e2e
 * harness. Each run gets a fresh browser context, so IndexedDB starts empty and the import is a
 * first import (worker start-up, pdf.js and its fonts included, as the CLI's process start-up is).
 * A run imports the law through the real file chooser (timed, with the responsiveness probes),
 * then the code (untimed), then creates a project (timed: the worker's suggestLinks + withStances
 * and storing the links in IndexedDB, up to the workspace being shown).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startPreview, watchTraffic } from '../e2e/harness.mjs';
import { IMPORT_TIMEOUT_MS, importThroughUi } from '../e2e/helpers.mjs';
import { installProbes, measure } from './probes.mjs';
import { percentile } from './stats.mjs';

const failureDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results');

/** @typedef {Awaited<ReturnType<typeof measure>>} Measured */

/**
 * What one measured action felt like.
 * @param {Measured} m
 */
function summarise(m) {
  return {
    ms: m.ms,
    maxFrameGapMs: m.gaps.length > 0 ? Math.max(...m.gaps) : null,
    frames: m.gaps.length + 1,
    longestLongTaskMs: m.longTasks === null ? null : m.longTasks.length > 0 ? Math.max(...m.longTasks) : 0,
    longTasks: m.longTasks === null ? null : m.longTasks.length,
    p95InputDelayMs: percentile(m.keyDelays, 95),
    maxInputDelayMs: m.keyDelays.length > 0 ? Math.max(...m.keyDelays) : null,
    keysPressed: m.pressed,
    keysSeen: m.keyDelays.length,
  };
}

/** @param {string} path */
const pdf = (path) => ({ name: basename(path), mimeType: 'application/pdf', buffer: readFileSync(path) });

/**
 * Imports a PDF through the library's Import button, measuring from `chooser.setFiles` to the
 * `import-done` status being visible. (helpers.mjs' importThroughUi does the same clicks but has no
 * hook between the file chooser and setFiles.) The file is given by its path, as a user picks it:
 * Chromium then reads it natively. Given as a buffer, playwright builds the File inside the page,
 * which blocked the main thread for ~0.6 s and slowed the whole import by ~1.5 s here.
 * @param {import('playwright-core').Page} page @param {'law' | 'code'} role @param {string} path
 */
async function timedImport(page, role, path) {
  await page.getByTestId('nav-library').click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 10_000 }),
    page.getByTestId(`import-${role}`).click(),
  ]);
  const done = page.getByTestId('import-done');
  const error = page.getByTestId('error');
  const measured = await measure(page, async () => {
    await chooser.setFiles(path);
    await done.or(error).first().waitFor({ timeout: IMPORT_TIMEOUT_MS });
  });
  if (await error.isVisible())
    throw new Error(`import of ${basename(path)} failed: ${await error.innerText()}`);
  return { status: await done.innerText(), ...summarise(measured) };
}

/**
 * Creates a project from the library's form (law and code picked as the e2e does) and measures from
 * the click on `create-project` to the `workspace` being visible.
 * @param {import('playwright-core').Page} page
 */
async function timedLinking(page) {
  const lawRow = page.locator('[data-testid="doc-row"][data-kind="act"]').first();
  const codeRow = page.locator('[data-testid="doc-row"][data-kind="code"]').first();
  await codeRow.waitFor({ timeout: 10_000 });
  await page.getByTestId('project-law').selectOption((await lawRow.getAttribute('data-fingerprint')) ?? '');
  await page.getByTestId('project-code').selectOption((await codeRow.getAttribute('data-fingerprint')) ?? '');
  const measured = await measure(page, async () => {
    await page.getByTestId('create-project').click();
    await page.getByTestId('workspace').waitFor({ timeout: 120_000 });
  });
  return summarise(measured);
}

/**
 * Opens the library with nothing in it. On its first start the app opens the sample project
 * (parsing and linking two small PDFs in the worker, then showing it), unless it starts on a
 * workspace route: then it only stores the `firstRunDone` setting. So the page opens on a workspace
 * route of no project, waits for that setting in IndexedDB, lets the app finish its check of the
 * route (one IndexedDB read after storing the setting; 300 ms is ample), and only then goes to the
 * library. Reloading instead of waiting is no good: in an incognito context the reloaded page
 * sometimes found the database gone, ran the first start again and opened the sample.
 * `checkStillEmpty` afterwards proves the sample did not open.
 * @param {import('playwright-core').Page} page @param {string} origin
 */
export async function openEmptyLibrary(page, origin) {
  await page.goto(`${origin}/#/p/bench-no-project`);
  await page.waitForFunction(
    () =>
      indexedDB.databases().then((list) =>
        // Opening a database that does not exist yet would create it behind Dexie's back.
        !list.some((d) => d.name === 'crosswalk')
          ? false
          : new Promise((resolveDone) => {
              const opening = indexedDB.open('crosswalk');
              opening.onerror = () => resolveDone(false);
              opening.onsuccess = () => {
                const db = opening.result;
                const close = (/** @type {boolean} */ done) => {
                  db.close();
                  resolveDone(done);
                };
                if (!db.objectStoreNames.contains('settings')) return close(false);
                const read = db.transaction('settings').objectStore('settings').get('firstRunDone');
                read.onsuccess = () => close(read.result?.value === true);
                read.onerror = () => close(false);
              };
            }),
      ),
    undefined,
    { timeout: 20_000, polling: 100 },
  );
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    window.location.hash = '#/';
  });
  await page.getByTestId('import-law').waitFor({ timeout: 20_000 });
  await checkStillEmpty(page, 0);
}

/**
 * Throws unless the page is still in the library with `documents` documents and no project (the
 * first-run sample project would add two documents and a project, and leave the library).
 * @param {import('playwright-core').Page} page @param {number} documents
 */
async function checkStillEmpty(page, documents) {
  const hash = await page.evaluate(() => window.location.hash);
  const found = await page.locator('[data-testid="doc-row"]').count();
  const projects = await page.locator('[data-testid="project-row"]').count();
  if (hash !== '#/' || found !== documents || projects !== 0) {
    throw new Error(
      `expected the library (#/) with ${documents} documents and no project; found ${hash}, ${found} documents, ${projects} projects (did the first-run sample project open?)`,
    );
  }
}

/**
 * Where the page was when a run failed, for the error message, with a screenshot next to the JSON.
 * @param {import('playwright-core').BrowserContext} context
 */
async function describe(context) {
  const page = context.pages()[0];
  if (page === undefined) return 'no page was open';
  try {
    mkdirSync(failureDir, { recursive: true });
    const shot = join(failureDir, 'bench-failure.png');
    await page.screenshot({ path: shot });
    const hash = await page.evaluate(() => window.location.hash);
    const statuses = await page.locator('[role="status"], [role="alert"]').allInnerTexts();
    return `page at ${hash || '(no hash)'}; status lines: ${JSON.stringify(statuses)}; screenshot ${shot}`;
  } catch (error) {
    return `the page could not be described (${error instanceof Error ? error.message : String(error)})`;
  }
}

/**
 * One run in a fresh context: import the law (timed), then, given a code, import it and link.
 * @param {import('playwright-core').Browser} browser @param {string} origin
 * @param {string} lawPath @param {ReturnType<typeof pdf> | null} code
 */
async function oneRun(browser, origin, lawPath, code) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const traffic = await watchTraffic(context, origin);
    const page = await context.newPage();
    await openEmptyLibrary(page, origin);
    await installProbes(page);
    const lawImport = await timedImport(page, 'law', lawPath);
    await checkStillEmpty(page, 1);
    let linking = null;
    if (code !== null) {
      await importThroughUi(page, 'code', code);
      linking = await timedLinking(page);
    }
    const problems = [
      ...traffic.foreign.map((url) => `request to another origin: ${url}`),
      ...traffic.failed.map((what) => `failed request: ${what}`),
      ...traffic.consoleErrors.map((text) => `console: ${text}`),
    ];
    return { import: lawImport, linking, problems };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${await describe(context)}`, {
      cause: error,
    });
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * Runs the UI measurements `runs` times, each after one call of `between()` (the CLI parse), so
 * that drift in machine load hits both alike. One untimed warm-up run goes first.
 * @param {{ root: string, outDir: string, chromiumPath: string, lawPath: string, codePath: string | null,
 *   runs: number, between: () => number, onRun?: (i: number, cliMs: number, run: Awaited<ReturnType<typeof oneRun>>) => void }} options
 */
export async function benchUi(options) {
  const code = options.codePath === null ? null : pdf(options.codePath);
  const server = await startPreview(options.root, options.outDir);
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  try {
    browser = await launchBrowser(options.chromiumPath);
    const version = browser.version();
    await oneRun(browser, server.origin, options.lawPath, code); // warm-up: disk cache, V8 and the preview server
    /** @type {number[]} */ const cli = [];
    /** @type {Awaited<ReturnType<typeof oneRun>>[]} */ const ui = [];
    for (let i = 0; i < options.runs; i += 1) {
      cli.push(options.between());
      ui.push(await oneRun(browser, server.origin, options.lawPath, code));
      options.onRun?.(i, /** @type {number} */ (cli.at(-1)), /** @type {typeof ui[number]} */ (ui.at(-1)));
    }
    return { chromium: version, cli, ui };
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new Error(`${detail}\n--- vite preview ---\n${server.log()}`, { cause: error });
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}
