#!/usr/bin/env node
/**
 * End-to-end checks of the web build in real Chromium (Debian's /usr/bin/chromium via
 * playwright-core). It builds nothing: run `vite build --config vite.web.config.ts` first.
 *
 * Scenarios: scripts/e2e/app.mjs (sample project, library, errors, cancel) and
 * scripts/e2e/corpus.mjs (the real AI Act and Code from ../shared/corpus; skipped, with the
 * reason, when they are absent). Every request is recorded: none may go to another origin.
 * `--screenshots DIR` also saves the library and workspace screenshots there (docs/screenshots).
 * Prints `e2e: N passed, N failed` and exits non-zero on any failure.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appScenarios } from './e2e/app.mjs';
import { axeScenarios } from './e2e/axe.mjs';
import { bundleScenarios } from './e2e/bundles.mjs';
import { conflictsScenarios } from './e2e/conflicts.mjs';
import { corpusScenarios } from './e2e/corpus.mjs';
import { hostileScenarios } from './e2e/hostile.mjs';
import { keyboardScenarios } from './e2e/keyboard.mjs';
import { objectionScenarios } from './e2e/objections.mjs';
import { overviewScenarios } from './e2e/overview.mjs';
import { pageScenarios } from './e2e/page.mjs';
import { searchScenarios } from './e2e/search.mjs';
import { storageScenarios } from './e2e/storage.mjs';
import {
  assert,
  check,
  launchBrowser,
  record,
  results,
  skipped,
  startPreview,
  watchTraffic,
} from './e2e/harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'out', 'web');
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const args = process.argv.slice(2);
const shotsAt = args.indexOf('--screenshots');
const screenshots = [join(root, 'test-results', 'screenshots')];
if (shotsAt >= 0 && args[shotsAt + 1]) screenshots.push(resolve(args[shotsAt + 1]));

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
  const server = await startPreview(root, outDir);
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  try {
    browser = await launchBrowser(chromiumPath);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const traffic = await watchTraffic(context, server.origin);
    const page = await context.newPage();

    await appScenarios({ page, origin: server.origin, root, traffic });
    await hostileScenarios({ page, root, traffic });
    await corpusScenarios({ page, root, screenshots });
    const env = { page, origin: server.origin, root, traffic, screenshots };
    await pageScenarios(env);
    await searchScenarios(env);
    await overviewScenarios(env);
    await conflictsScenarios(env);
    await keyboardScenarios(env);
    await objectionScenarios(env);
    await bundleScenarios(env);
    await axeScenarios(env);
    // Last: it fills the "disk", reloads and restores a project, which the others need not see.
    await storageScenarios(env);

    await check('no request went to another origin', async () => {
      assert(traffic.requests.length > 0, 'no requests were recorded at all');
      assert(traffic.foreign.length === 0, `foreign requests:\n${traffic.foreign.join('\n')}`);
      console.log(`      ${traffic.requests.length} requests, all to ${server.origin}`);
    });
    await check('no request failed', async () => {
      assert(traffic.failed.length === 0, traffic.failed.join('\n'));
      for (const line of traffic.aborted) console.log(`      note  cancelled by the page: ${line}`);
    });
    await check('no console errors or uncaught exceptions', async () => {
      assert(traffic.consoleErrors.length === 0, traffic.consoleErrors.join('\n'));
    });
    await context.close();
  } catch (error) {
    record(
      'e2e harness',
      false,
      `${error instanceof Error ? error.stack : String(error)}\n--- vite preview ---\n${server.log()}`,
    );
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}

await main();
const passed = results.filter((r) => r.ok).length;
const failedCount = results.length - passed;
if (skipped.length > 0)
  console.log(`e2e: ${skipped.length} skipped (${skipped.map((s) => s.reason).join('; ')})`);
console.log(`e2e: ${passed} passed, ${failedCount} failed`);
process.exit(failedCount > 0 ? 1 : 0);
