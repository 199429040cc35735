/* global window, document, HTMLElement */
/**
 * Accessibility: axe-core (the engine behind Lighthouse's and the browsers' accessibility audits)
 * over every screen of the app, in light and in dark mode. Any violation axe rates `serious` or
 * `critical` fails the screen's check, with the rule, what it means and the first elements it
 * found; `minor` and `moderate` ones are printed, not failed.
 *
 * Screens: the library, the workspace of the first project (with the shortcut help, the export
 * dialog and the settings dialog open in turn), and, when the app has them, the original page view
 * of a code unit and of a law provision (`#/p/<id>/page/code|law/<clause>`) and the project's
 * overview (`#/p/<id>/overview`); a screen the app does not have yet is skipped with the reason.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { assert, check, skip, watchTraffic } from './harness.mjs';

/** What a screen must show before it is audited; how long to wait for it. */
const READY_MS = 20_000;
/** How long to wait for a screen the app may not have (page view, overview) before skipping it. */
const OPTIONAL_MS = 8_000;

/**
 * @typedef {{ id: string, impact: string | null, help: string, helpUrl: string, nodes: number, targets: string[], summary: string }} Violation
 * @typedef {{ name: string, hash: string, ready: string }} Screen
 */

/**
 * Runs axe in the page (injecting it first when a reload dropped it) and returns its violations.
 * @param {import('playwright-core').Page} page @param {string} axePath
 * @returns {Promise<Violation[]>}
 */
async function audit(page, axePath) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = /** @type {any} */ (window).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((/** @type {any} */ v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((/** @type {any} */ n) => n.target.join(' ')),
      summary: String(v.nodes[0]?.failureSummary ?? '')
        .replace(/\s+/g, ' ')
        .slice(0, 300),
    }));
  });
}

/** @param {Violation} v */
const describe = (v) =>
  `${v.impact ?? 'unrated'}: ${v.id} — ${v.help} (${v.nodes} element${v.nodes === 1 ? '' : 's'}: ${v.targets.join(' | ')})\n  ${v.summary}`;

/**
 * Audits what is on screen now: fails on serious or critical violations, prints the others.
 * @param {import('playwright-core').Page} page @param {string} axePath @param {string} name
 */
export async function auditCheck(page, axePath, name) {
  await check(`axe: ${name} has no serious or critical violations`, async () => {
    const violations = await audit(page, axePath);
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of violations.filter((x) => !bad.includes(x))) console.log(`      note  ${describe(v)}`);
    assert(bad.length === 0, bad.map(describe).join('\n'));
  });
}

/**
 * Light or dark, through the top bar's toggle (a button with aria-pressed, "Dark" / "Light").
 * @param {import('playwright-core').Page} page @param {boolean} dark
 */
async function setTheme(page, dark) {
  const toggle = page.locator('header.topbar button[aria-pressed]');
  if ((await toggle.getAttribute('aria-pressed')) !== String(dark)) await toggle.click();
  await page.waitForFunction(
    (want) => document.documentElement.dataset['theme'] === want,
    dark ? 'dark' : 'light',
    { timeout: 5_000 },
  );
}

/**
 * Goes to a hash route and waits for `ready`; false when it does not come within `timeoutMs`.
 * @param {import('playwright-core').Page} page @param {string} hash @param {string} ready @param {number} timeoutMs
 */
async function visit(page, hash, ready, timeoutMs) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  try {
    await page.locator(ready).first().waitFor({ timeout: timeoutMs });
  } catch {
    return false;
  }
  // Let the live queries settle and any entry transition end before axe reads colours.
  await page.waitForTimeout(300);
  return true;
}

/**
 * Opens a dialog with `open`, audits it, and closes it with Escape.
 * @param {import('playwright-core').Page} page @param {string} axePath @param {string} name
 * @param {string} selector @param {() => Promise<void>} open
 */
async function auditDialog(page, axePath, name, selector, open) {
  await open();
  const dialog = page.locator(selector);
  try {
    await dialog.waitFor({ timeout: OPTIONAL_MS });
  } catch {
    skip(`axe: ${name}`, `${selector} did not open here`);
    return;
  }
  await page.waitForTimeout(200);
  await auditCheck(page, axePath, name);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
}

/**
 * @param {{ page: import('playwright-core').Page, origin: string, root: string,
 *   traffic: Awaited<ReturnType<typeof watchTraffic>>,
 *   screens?: readonly Screen[] }} env
 *   `screens`: more routes to audit, each `{ name, hash, ready }` (`hash` may contain `<project>`,
 *   replaced by the audited project's id; `ready` is a selector to wait for).
 */
export async function axeScenarios({ page, origin, root, traffic, screens = [] }) {
  const axePath = createRequire(join(root, 'package.json')).resolve('axe-core/axe.min.js');
  const browser = page.context().browser();
  if (browser === null) {
    skip('axe: accessibility audit', 'the page is not in a launched browser');
    return;
  }
  // axe is injected as a <script>, which the app's strict Content-Security-Policy (script-src
  // 'self', as in the desktop app) rightly blocks; this context alone bypasses the policy. The
  // CSP itself is checked by the app scenarios in their own context, which keeps it.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  const own = await watchTraffic(context, origin);
  try {
    const audited = await context.newPage();
    // A fresh profile: the first start opens the sample project, which the screens below use.
    let projectId = '';
    await check('axe: the sample project opens in a fresh profile', async () => {
      await audited.goto(`${origin}/`, { waitUntil: 'load' });
      await audited.getByTestId('workspace').waitFor({ timeout: 60_000 });
      await audited.getByTestId('unit-title').waitFor({ timeout: READY_MS });
      const match = /^#\/p\/([^/]+)/.exec(await audited.evaluate(() => window.location.hash));
      assert(match !== null, 'the workspace has no project in its URL');
      projectId = decodeURIComponent(match[1] ?? '');
    });
    if (projectId === '') return;
    const project = encodeURIComponent(projectId);
    const codeUnit =
      (await audited
        .locator('[data-testid="tree-unit"][data-unit^="msr_"]')
        .first()
        .getAttribute('data-unit')) ?? '';
    await audited.locator(`[data-testid="tree-unit"][data-unit="${codeUnit}"]`).click();
    const lawTarget =
      (await audited
        .locator('[data-testid="link-card"]')
        .first()
        .getAttribute('data-target', { timeout: READY_MS })
        .catch(() => null)) ?? '';

    // An objection to audit the Objections panel with its editor open (the sample has none).
    let objectionHash = `#/p/${project}/objections`;
    if (await visit(audited, objectionHash, '[data-testid="objection-new"]', OPTIONAL_MS)) {
      await audited.getByTestId('objection-new').click();
      await audited
        .getByTestId('objection-editor')
        .waitFor({ timeout: OPTIONAL_MS })
        .catch(() => undefined);
      objectionHash = await audited.evaluate(() => window.location.hash);
    }

    for (const dark of [false, true]) {
      const theme = dark ? 'dark' : 'light';
      await check(`axe: switch to ${theme} mode`, () => setTheme(audited, dark));

      if (await visit(audited, '#/', '[data-testid="import-law"]', READY_MS)) {
        await auditCheck(audited, axePath, `library (${theme})`);
      } else await check(`axe: library (${theme}) shows`, () => Promise.reject(new Error('no library')));

      const workspace = `#/p/${project}/${encodeURIComponent(codeUnit)}`;
      if (await visit(audited, workspace, '[data-testid="unit-title"]', READY_MS)) {
        await audited.locator('[data-testid="link-card"]').first().waitFor({ timeout: READY_MS });
        await auditCheck(audited, axePath, `workspace (${theme})`);
        await auditDialog(
          audited,
          axePath,
          `shortcut help (${theme})`,
          '[data-testid="shortcut-help"]',
          async () => {
            await audited.evaluate(() => {
              if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
            });
            await audited.keyboard.press('?');
          },
        );
        const search = audited.getByTestId('search-input');
        if ((await search.count()) > 0) {
          await search.fill('risk');
          const results = audited.locator('[data-testid="search-results"] [data-testid="search-hit"]');
          if (
            await results
              .first()
              .waitFor({ timeout: OPTIONAL_MS })
              .then(
                () => true,
                () => false,
              )
          ) {
            await auditCheck(audited, axePath, `search results (${theme})`);
          } else skip(`axe: search results (${theme})`, 'no search-hit appeared for "risk"');
          await search.fill('');
          await audited.keyboard.press('Escape');
        } else skip(`axe: search results (${theme})`, 'no search-input in the workspace');
        await auditDialog(audited, axePath, `export dialog (${theme})`, '[data-testid="export-dialog"]', () =>
          audited.getByTestId('open-export').click(),
        );
        await auditDialog(audited, axePath, `settings dialog (${theme})`, '[data-testid="settings"]', () =>
          audited.getByTestId('open-settings').click(),
        );
      } else await check(`axe: workspace (${theme}) shows`, () => Promise.reject(new Error('no workspace')));

      const optional = [
        {
          name: `page view of ${codeUnit}`,
          hash: `#/p/${project}/page/code/${encodeURIComponent(codeUnit)}/${encodeURIComponent(codeUnit)}`,
          ready: '[data-testid="page-canvas"]',
        },
        ...(lawTarget === ''
          ? []
          : [
              {
                name: `page view of ${lawTarget}`,
                hash: `#/p/${project}/page/law/${encodeURIComponent(lawTarget)}/${encodeURIComponent(codeUnit)}`,
                ready: '[data-testid="page-canvas"]',
              },
            ]),
        { name: 'overview', hash: `#/p/${project}/overview`, ready: '[data-testid="overview-matrix"]' },
        { name: 'objections', hash: objectionHash, ready: '[data-testid="objection-editor"]' },
        ...screens.map((s) => ({ ...s, hash: s.hash.replaceAll('<project>', project) })),
      ];
      for (const screen of optional) {
        if (await visit(audited, screen.hash, screen.ready, OPTIONAL_MS)) {
          await auditCheck(audited, axePath, `${screen.name} (${theme})`);
        } else {
          skip(`axe: ${screen.name} (${theme})`, `${screen.ready} did not show at ${screen.hash}`);
        }
      }
    }
    await setTheme(audited, false).catch(() => undefined);
  } finally {
    // What this context saw counts with the rest of the run (no foreign request, no console error).
    traffic.requests.push(...own.requests);
    traffic.foreign.push(...own.foreign);
    traffic.failed.push(...own.failed);
    traffic.aborted.push(...own.aborted);
    traffic.consoleErrors.push(...own.consoleErrors);
    traffic.workers.push(...own.workers);
    await context.close().catch(() => undefined);
  }
}
