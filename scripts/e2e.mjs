#!/usr/bin/env node
/**
 * End-to-end check of the web build in real Chromium (Debian's /usr/bin/chromium via
 * playwright-core). It builds nothing: run `vite build --config vite.web.config.ts` first.
 *
 * Serves out/web with `vite preview` on a free 127.0.0.1 port, imports a PDF through the
 * "Import PDF…" button's file chooser, and checks what a user would see (the outline) and what
 * they would not (requests to other origins, console errors, a parser running off the worker).
 * Prints `e2e: N passed, N failed` and exits non-zero on any failure.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'out', 'web');
const resultsDir = join(root, 'test-results');
const screenshotPath = join(resultsDir, 'e2e-outline.png');
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const IMPORT_TIMEOUT_MS = 90_000;

/** @type {{ name: string, ok: boolean, detail?: string }[]} */
const results = [];

/** @param {string} name @param {boolean} ok @param {string} [detail] */
function record(name, ok, detail) {
  results.push({ name, ok, ...(detail === undefined ? {} : { detail }) });
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `\n      ${detail.replace(/\n/g, '\n      ')}` : ''}`,
  );
}

/** @param {string} name @param {() => Promise<void>} body */
async function check(name, body) {
  try {
    await body();
    record(name, true);
  } catch (error) {
    record(name, false, error instanceof Error ? error.message : String(error));
  }
}

/** @param {unknown} condition @param {string} message @returns {asserts condition} */
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * @param {string} url
 * @param {number} timeoutMs
 * @param {import('node:child_process').ChildProcess} server
 */
async function waitForHttp(url, timeoutMs, server) {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with code ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms (${lastError})`);
}

/** The PDF to import: the act fixture when the fixture script has produced it, else a tiny act made here. */
async function testPdf() {
  const fixture = join(root, 'fixtures', 'act.pdf');
  if (existsSync(fixture))
    return { name: 'act.pdf', mimeType: 'application/pdf', buffer: readFileSync(fixture) };
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  /** @type {[string, boolean][]} */
  const lines = [
    ['REGULATION (EU) 2099/1 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL', true],
    ['of 1 January 2099 on synthetic test documents', false],
    ['Whereas:', false],
    ['(1) Test documents should be small.', false],
    ['(2) They should nevertheless have structure.', false],
    ['HAVE ADOPTED THIS REGULATION:', false],
    ['Article 1', true],
    ['Subject matter', true],
    ['1. This Regulation lays down rules for synthetic test documents.', false],
    ['2. It applies to every such document.', false],
    ['Article 2', true],
    ['Definitions', true],
    ['For the purposes of this Regulation, the following definitions apply:', false],
    ['(a) "document" means a synthetic PDF;', false],
    ['(b) "clause" means a numbered unit of a document.', false],
  ];
  const page = doc.addPage([595, 842]);
  let y = 780;
  for (const [text, isBold] of lines) {
    // Headings are centred and bold, as on EUR-Lex; body text is flush left.
    const font = isBold ? bold : regular;
    const x = isBold ? (595 - font.widthOfTextAtSize(text, 11)) / 2 : 72;
    page.drawText(text, { x, y, size: 11, font });
    y -= 22;
  }
  return { name: 'synthetic-act.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await doc.save()) };
}

/** A plain numbered document long enough to cancel half-way. @param {number} pages */
async function longPdf(pages) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n += 1) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Article ${n}`, { x: 270, y: 780, size: 11, font });
    for (let line = 0; line < 30; line += 1) {
      page.drawText(`${line + 1}. Line ${line + 1} of the text of Article ${n}, written to be read.`, {
        x: 72,
        y: 750 - line * 22,
        size: 10,
        font,
      });
    }
  }
  return Buffer.from(await doc.save());
}

/** @param {import('node:child_process').ChildProcess} child */
async function stopServer(child) {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM'); // the whole process group: no orphan keeps the port or pipe
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    } catch {
      // already gone
    }
  }, 3000);
  await exited;
  clearTimeout(timer);
}

async function main() {
  if (!existsSync(join(outDir, 'index.html'))) {
    record(
      'web build present',
      false,
      'out/web/index.html is missing: run `npx vite build --config vite.web.config.ts` first',
    );
    return;
  }
  if (!existsSync(chromiumPath)) {
    record('chromium present', false, `${chromiumPath} not found (apt-get install chromium)`);
    return;
  }

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'preview',
      '--config',
      'vite.web.config.ts',
      '--outDir',
      outDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let serverLog = '';
  server.stdout?.on('data', (chunk) => (serverLog += String(chunk)));
  server.stderr?.on('data', (chunk) => (serverLog += String(chunk)));

  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  try {
    await waitForHttp(`${origin}/`, 20_000, server);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });

    /** @type {string[]} */ const requests = [];
    /** @type {string[]} */ const foreign = [];
    /** @type {string[]} */ const failed = [];
    /** @type {string[]} */ const consoleErrors = [];
    /** @type {string[]} */ const workers = [];

    const isOwn = (/** @type {string} */ url) =>
      url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin;
    // Abort anything foreign before it leaves the machine, and remember it.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isOwn(url)) return route.continue();
      foreign.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('request', (request) => {
      requests.push(request.url());
      if (!isOwn(request.url()) && !foreign.includes(request.url())) foreign.push(request.url());
    });
    context.on('requestfailed', (request) =>
      failed.push(`${request.url()} (${request.failure()?.errorText})`),
    );
    context.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.url()} (HTTP ${response.status()})`);
    });

    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
    page.on('worker', (worker) => workers.push(worker.url()));

    await check('the page loads with its title and an Import button', async () => {
      await page.goto(`${origin}/`, { waitUntil: 'load' });
      assert((await page.title()) === 'Crosswalk', `title is "${await page.title()}"`);
      await page.getByRole('heading', { name: 'Crosswalk' }).waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: 'Import PDF…' }).waitFor({ timeout: 10_000 });
    });

    await check('the page is served under the strict Content-Security-Policy', async () => {
      const response = await page.request.get(`${origin}/`);
      const header = response.headers()['content-security-policy'] ?? '';
      for (const directive of [
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "connect-src 'self'",
      ]) {
        assert(header.includes(directive), `header lacks ${directive}: ${header}`);
      }
      assert(
        !header.includes('unsafe-eval') && !/script-src[^;]*unsafe-inline/.test(header),
        `header too loose: ${header}`,
      );
      const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert(meta?.includes("script-src 'self'") === true, `meta CSP missing or different: ${meta}`);
    });

    const pdf = await testPdf();
    await check(`importing ${pdf.name} through the file chooser shows the clause outline`, async () => {
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser', { timeout: 10_000 }),
        page.getByRole('button', { name: 'Import PDF…' }).click(),
      ]);
      await chooser.setFiles(pdf);
      const outcome = await Promise.race([
        page
          .locator('[data-testid="outline"] li')
          .first()
          .waitFor({ timeout: IMPORT_TIMEOUT_MS })
          .then(() => 'outline'),
        page
          .locator('[data-testid="error"]')
          .waitFor({ timeout: IMPORT_TIMEOUT_MS })
          .then(() => 'error'),
      ]);
      if (outcome === 'error') {
        throw new Error(
          `the page showed an error: ${await page.locator('[data-testid="error"]').innerText()}`,
        );
      }
      const units = await page.locator('[data-testid="outline"] li').count();
      assert(units > 0, 'the outline has no units');
      const info = await page.locator('[data-testid="doc-info"]').innerText();
      assert(/pages\s*\d+/i.test(info), `document info lacks a page count: ${info}`);
      assert(/[0-9a-f]{64}/.test(info), 'document info lacks the SHA-256 fingerprint');
      const counts = await page.locator('[data-testid="counts"]').innerText();
      assert(counts.includes(`${units} units`) || /\d+ units/.test(counts), `no unit count: ${counts}`);
      mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: screenshotPath });
      console.log(`      ${units} outline rows; screenshot: ${screenshotPath}`);
    });

    await check('the pdf.js worker started (parsing ran off the main thread)', async () => {
      assert(
        workers.some((url) => /pdf\.worker[^/]*\.mjs$/.test(new URL(url).pathname)),
        `workers seen: ${workers.length === 0 ? 'none' : workers.join(', ')}`,
      );
    });

    await check('a file that is not a PDF gets a plain-language error, not a stack trace', async () => {
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser', { timeout: 10_000 }),
        page.getByRole('button', { name: 'Import PDF…' }).click(),
      ]);
      const errorsBefore = consoleErrors.length;
      await chooser.setFiles({
        name: 'notes.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('just some text'),
      });
      const alert = page.locator('[data-testid="error"]');
      await alert.waitFor({ timeout: 30_000 });
      const text = await alert.innerText();
      assert(!/\bat\s+\S+\s+\(|Exception|undefined|\[object/.test(text), `error reads like a crash: ${text}`);
      assert(text.length > 'notes.pdf: '.length + 10, `error is too short to help: ${text}`);
      // pdf.js may log why it rejected the bytes; that is expected for this one file.
      consoleErrors.splice(errorsBefore);
    });

    await check('a long import shows "Reading page N of M" and Cancel stops it', async () => {
      const long = await longPdf(400);
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser', { timeout: 10_000 }),
        page.getByRole('button', { name: 'Import PDF…' }).click(),
      ]);
      await chooser.setFiles({ name: 'long.pdf', mimeType: 'application/pdf', buffer: long });
      const progress = page.getByTestId('progress');
      await progress.filter({ hasText: /^Reading page \d+ of 400$/ }).waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByText('Import of long.pdf cancelled.').waitFor({ timeout: 10_000 });
      assert(
        (await page.getByRole('button', { name: 'Import PDF…' }).isEnabled()) === true,
        'Import stays disabled',
      );
    });

    await check('no request went to another origin', async () => {
      assert(requests.length > 0, 'no requests were recorded at all');
      assert(foreign.length === 0, `foreign requests:\n${foreign.join('\n')}`);
      const fonts = requests.filter((url) => url.includes('/pdfjs/standard_fonts/')).length;
      console.log(
        `      ${requests.length} requests, all to ${origin} (${fonts} for pdf.js standard font data)`,
      );
    });

    await check('no request failed', async () => {
      assert(failed.length === 0, failed.join('\n'));
    });

    await check('no console errors or uncaught exceptions', async () => {
      assert(consoleErrors.length === 0, consoleErrors.join('\n'));
    });

    await context.close();
  } catch (error) {
    record(
      'e2e harness',
      false,
      `${error instanceof Error ? error.stack : String(error)}\n--- vite preview ---\n${serverLog}`,
    );
  } finally {
    await browser?.close().catch(() => undefined);
    await stopServer(server);
  }
}

await main();
const passed = results.filter((r) => r.ok).length;
const failedCount = results.length - passed;
console.log(`e2e: ${passed} passed, ${failedCount} failed`);
process.exit(failedCount > 0 ? 1 : 0);
