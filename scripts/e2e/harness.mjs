/**
 * The end-to-end harness: results, checks, a vite preview server for out/web, Chromium via
 * playwright-core, and a recorder of every request, failure and console error of a browser
 * context. Scenarios live next to it (scripts/e2e/*.mjs); scripts/e2e.mjs runs them.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** @type {{ name: string, ok: boolean, detail?: string }[]} */
export const results = [];

/** @param {string} name @param {boolean} ok @param {string} [detail] */
export function record(name, ok, detail) {
  results.push({ name, ok, ...(detail === undefined ? {} : { detail }) });
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `\n      ${detail.replace(/\n/g, '\n      ')}` : ''}`,
  );
}

/** The check running now: failed requests and console errors are labelled with it, to find their cause. */
let running = '';

/** @param {string} name @param {() => Promise<void>} body */
export async function check(name, body) {
  running = name;
  try {
    await body();
    record(name, true);
  } catch (error) {
    record(name, false, error instanceof Error ? error.message : String(error));
  }
}

/** @param {unknown} condition @param {string} message @returns {asserts condition} */
export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** @returns {Promise<number>} */
export function freePort() {
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
export async function waitForHttp(url, timeoutMs, server) {
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

/** A plain numbered document long enough to cancel half-way. @param {number} pages */
export async function longPdf(pages) {
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
export async function stopServer(child) {
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

/** @type {{ name: string, reason: string }[]} */
export const skipped = [];

/** Records a check that could not run here, with the reason (e.g. no ../shared/corpus). @param {string} name @param {string} reason */
export function skip(name, reason) {
  skipped.push({ name, reason });
  console.log(`SKIP  ${name}\n      ${reason}`);
}

/**
 * Serves a built web renderer with `vite preview` on a free loopback port.
 * @param {string} root @param {string} outDir
 */
export async function startPreview(root, outDir) {
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
  let log = '';
  server.stdout?.on('data', (chunk) => (log += String(chunk)));
  server.stderr?.on('data', (chunk) => (log += String(chunk)));
  await waitForHttp(`${origin}/`, 20_000, server);
  return { origin, log: () => log, stop: () => stopServer(server) };
}

/** Debian's Chromium, headless, with nothing that phones home. @param {string} executablePath */
export function launchBrowser(executablePath) {
  return chromium.launch({
    executablePath,
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
}

/**
 * Records everything a context's pages ask for: foreign requests are aborted before they leave
 * the machine and remembered, as are failures, console errors and workers.
 * @param {import('playwright-core').BrowserContext} context @param {string} origin
 */
export async function watchTraffic(context, origin) {
  /** @type {string[]} */ const requests = [];
  /** @type {string[]} */ const foreign = [];
  /** @type {string[]} */ const failed = [];
  /** @type {string[]} */ const consoleErrors = [];
  /** @type {string[]} */ const workers = [];
  const isOwn = (/** @type {string} */ url) =>
    url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin;
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
  /** @type {string[]} */ const aborted = [];
  context.on('requestfailed', (request) => {
    const text = `${request.url()} (${request.failure()?.errorText}) during "${running}"`;
    // A load cut short by the page itself (a reload, a worker terminated as its view closes) is
    // not a broken request; an HTTP error status is still caught below, any other failure here.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') aborted.push(text);
    else failed.push(text);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()} (HTTP ${response.status()})`);
  });
  /** @param {import('playwright-core').Page} page */
  const watchPage = (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
    page.on('worker', (worker) => workers.push(worker.url()));
  };
  context.on('page', watchPage);
  return { requests, foreign, failed, aborted, consoleErrors, workers, watchPage };
}
