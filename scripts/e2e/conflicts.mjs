/* global window, document, indexedDB */
/**
 * The Conflicts screen (renderer/conflicts/ConflictsView.tsx), in a fresh profile of its own (the
 * sample project opens on first run; axe needs the CSP bypassed, as in axe.mjs). The user, "Alice",
 * records verdicts on two measures in the workspace; then a colleague's disagreeing verdicts and a
 * note on a measure the code does not have are written straight into the page's IndexedDB, as a
 * merged bundle would leave them. The workspace's Conflicts button counts them; the screen shows
 * both verdicts side by side; "Use Bob's verdict" rewrites Alice's own record (Bob's stays as it
 * was); "Keep mine" settles the other; the lost note is re-attached by citation (a wrong one is
 * refused in plain words), undone, re-attached again and found in the workspace under its new unit.
 * axe audits the screen with cards on it. Saves conflicts.png (the cards) and conflicts-orphans.png
 * (the lost note) into each screenshots folder.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { auditCheck } from './axe.mjs';
import { assert, check, watchTraffic } from './harness.mjs';
import { eventually, selectUnit, setUnitStance } from './helpers.mjs';

const AUTHOR = 'Alice';
const LOST = 'msr_99.9';

/**
 * Every annotation of a project, read straight from the page's IndexedDB.
 * @param {import('playwright-core').Page} page @param {string} projectId @returns {Promise<any[]>}
 */
function annotationsOf(page, projectId) {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('crosswalk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('annotations').objectStore('annotations').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result.filter((/** @type {any} */ a) => a.projectId === id));
          };
          request.onerror = () => reject(request.error);
        };
      }),
    projectId,
  );
}

/**
 * Puts rows into a store of the page's IndexedDB, as a merged bundle would (not through the app).
 * @param {import('playwright-core').Page} page @param {string} store @param {unknown[]} rows
 */
function putRows(page, store, rows) {
  return page.evaluate(
    ({ name, items }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('crosswalk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(name, 'readwrite');
          for (const item of items) tx.objectStore(name).put(item);
          tx.oncomplete = () => {
            db.close();
            resolve(items.length);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: store, items: rows },
  );
}

/** `msr_9.3` -> `Measure 9.3`. @param {string} id */
function measureCitation(id) {
  const match = /^msr_([^_]+)$/.exec(id);
  assert(match !== null, `not a measure: ${id}`);
  return `Measure ${match[1]}`;
}

/**
 * @param {{ page: import('playwright-core').Page, origin: string, root: string,
 *   traffic: Awaited<ReturnType<typeof watchTraffic>>, screenshots?: string[] }} env
 */
export async function conflictsScenarios({ page: mainPage, origin, root, traffic, screenshots = [] }) {
  const browser = mainPage.context().browser();
  assert(browser !== null, 'the page is not in a launched browser');
  const axePath = createRequire(join(root, 'package.json')).resolve('axe-core/axe.min.js');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  const own = await watchTraffic(context, origin);
  try {
    const page = await context.newPage();
    let projectId = '';
    /** @type {string[]} */
    let units = [];
    /** @type {any[]} */
    let injected = [];

    await check('conflicts: the user records verdicts on two measures of the sample', async () => {
      await page.goto(`${origin}/`, { waitUntil: 'load' });
      await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
      const match = /^#\/p\/([^/]+)/.exec(await page.evaluate(() => window.location.hash));
      assert(match !== null, 'the workspace has no project in its URL');
      projectId = decodeURIComponent(match[1] ?? '');
      await putRows(page, 'settings', [{ key: 'author', value: AUTHOR }]);
      // A reload while the search worker is still loading would abort its request.
      await page.waitForLoadState('networkidle');
      await page.reload({ waitUntil: 'load' });
      await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
      units = await page
        .locator('[data-testid="tree-unit"][data-unit^="msr_"]')
        .evaluateAll((els) =>
          els.map((el) => el.getAttribute('data-unit') ?? '').filter((id) => /^msr_[^_]+$/.test(id)),
        );
      assert(units.length >= 3, `the sample has ${units.length} measures in view`);
      await selectUnit(page, units[0] ?? '');
      await setUnitStance(page, 'clarifies');
      await selectUnit(page, units[1] ?? '');
      await setUnitStance(page, 'expands');
      await eventually(
        async () =>
          (await annotationsOf(page, projectId))
            .filter((a) => a.author === AUTHOR && a.target === null)
            .map((a) => `${a.source}:${a.stance}`)
            .sort(),
        [`${units[0]}:clarifies`, `${units[1]}:expands`].sort(),
      );
    });
    if (projectId === '') return;
    const [first = '', second = '', third = ''] = units;

    await check(
      'conflicts: the workspace counts a merged colleague’s disagreement and a lost note',
      async () => {
        const all = await annotationsOf(page, projectId);
        const mine = (/** @type {string} */ source) =>
          all.find((a) => a.source === source && a.author === AUTHOR);
        const later = new Date(Date.now() + 60_000).toISOString();
        injected = [
          {
            ...mine(first),
            id: 'e2e-bob-verdict',
            author: 'Bob',
            stance: 'narrows',
            relationship: 'subset-of',
            rationaleType: 'semantic',
            strength: 6,
            rationale: 'Narrower than the article.\n<b>not bold</b>',
            tags: ['bob-tag'],
            status: 'reviewed',
            updatedAt: later,
          },
          {
            ...mine(second),
            id: 'e2e-carol-verdict',
            author: 'Carol',
            stance: 'conflicts',
            updatedAt: later,
          },
          {
            ...mine(first),
            id: 'e2e-lost-note',
            source: LOST,
            author: 'Bob',
            stance: 'restates',
            rationale: 'Written on a measure the revised code dropped.',
            updatedAt: later,
          },
        ];
        await putRows(page, 'annotations', injected);
        // Raw IndexedDB writes do not reach the app's live queries: read again as after a merge.
        // A reload while the search worker is still loading would abort its request.
        await page.waitForLoadState('networkidle');
        await page.reload({ waitUntil: 'load' });
        await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
        const button = page.getByTestId('nav-conflicts');
        await eventually(async () => (await button.innerText()).trim(), 'Conflicts (3)');
        await button.click();
        await page.getByTestId('conflicts').waitFor({ timeout: 20_000 });
        assert(page.url().endsWith('/conflicts'), `the URL is ${page.url()}`);
        assert(
          (await page.getByRole('heading', { level: 2, name: 'Conflicts and misplaced notes' }).count()) ===
            1,
          'no "Conflicts and misplaced notes" heading',
        );
      },
    );

    const card = (/** @type {string} */ source) =>
      page.locator(`[data-testid="conflict-card"][data-source="${source}"]`);

    await check('conflicts: each card shows the user’s verdict beside the colleague’s', async () => {
      const summary = (await page.getByTestId('conflicts-summary').innerText()).trim();
      assert(summary === '2 conflicting verdicts · 1 note lost its place', `summary: ${summary}`);
      await card(first).waitFor();
      const verdicts = await card(first)
        .getByTestId('conflict-verdict')
        .evaluateAll((els) =>
          els.map((el) => `${el.getAttribute('data-author')}:${el.getAttribute('data-stance')}`),
        );
      assert(
        JSON.stringify(verdicts) === JSON.stringify([`${AUTHOR}:clarifies`, 'Bob:narrows']),
        `verdicts shown: ${verdicts.join(', ')}`,
      );
      const text = await card(first).innerText();
      for (const expected of ['Yours', 'subset of', '6 of 10', 'bob-tag', 'semantic', '<b>not bold</b>'])
        assert(text.includes(expected), `the card lacks "${expected}":\n${text}`);
      assert(
        (await card(first).locator('b', { hasText: 'not bold' }).count()) === 0,
        'the rationale ran as HTML',
      );
      assert((await card(second).count()) === 1, `no card for ${second}`);
      assert((await page.getByTestId('orphan-card').count()) === 1, 'the lost note is not listed');
    });

    await auditCheck(page, axePath, 'conflicts view with cards (light)');
    const theme = page.locator('header.topbar button[aria-pressed]');
    await theme.click();
    await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark');
    await auditCheck(page, axePath, 'conflicts view with cards (dark)');
    await theme.click();
    await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'light');
    // The cards as a reader first sees them, then the lost note further down.
    for (const [name, testId] of [
      ['conflicts.png', 'conflicts-summary'],
      ['conflicts-orphans.png', 'orphan-card'],
    ]) {
      await page.getByTestId(testId).scrollIntoViewIfNeeded();
      for (const dir of screenshots) {
        mkdirSync(dir, { recursive: true });
        await page.screenshot({ path: join(dir, name) });
      }
    }
    await page.getByTestId('conflicts-summary').scrollIntoViewIfNeeded();

    await check(
      'conflicts: "Use Bob’s verdict" rewrites the user’s own record; Bob’s is unchanged',
      async () => {
        await card(first).getByRole('button', { name: "Use Bob's verdict" }).click();
        await card(first).waitFor({ state: 'detached', timeout: 10_000 });
        const all = await annotationsOf(page, projectId);
        const mine = all.find((a) => a.source === first && a.target === null && a.author === AUTHOR);
        assert(mine !== undefined, 'the user has no verdict there any more');
        const picked = ({ stance, relationship, rationaleType, strength, rationale, tags }) =>
          JSON.stringify({ stance, relationship, rationaleType, strength, rationale, tags });
        assert(picked(mine) === picked(injected[0]), `the user's verdict is ${JSON.stringify(mine)}`);
        const bob = all.find((a) => a.id === 'e2e-bob-verdict');
        assert(
          JSON.stringify(bob) === JSON.stringify(injected[0]),
          `Bob's record changed: ${JSON.stringify(bob)}`,
        );
        assert(
          all.filter((a) => a.source === first && a.target === null).length === 2,
          'a verdict was added or lost',
        );
      },
    );

    await check('conflicts: "Keep mine" settles the other; both verdicts stay', async () => {
      await card(second).getByRole('button', { name: 'Keep mine' }).click();
      await card(second).waitFor({ state: 'detached', timeout: 10_000 });
      await page.getByTestId('conflicts-empty').waitFor();
      const all = await annotationsOf(page, projectId);
      const there = all
        .filter((a) => a.source === second && a.target === null)
        .map((a) => `${a.author}:${a.stance}`);
      assert(
        JSON.stringify(there.sort()) === JSON.stringify([`${AUTHOR}:expands`, 'Carol:conflicts']),
        `verdicts on ${second}: ${there.join(', ')}`,
      );
    });

    const orphan = page.getByTestId('orphan-card');
    await check('conflicts: a wrong citation is refused in plain words', async () => {
      await orphan.getByTestId('reattach-input').fill('Measure 999.1');
      await orphan.getByTestId('reattach-find').click();
      const error = (await orphan.getByTestId('reattach-error').innerText()).trim();
      assert(/999\.1/.test(error), `error: ${error}`);
    });

    const reattach = async () => {
      await orphan.getByTestId('reattach-input').fill(measureCitation(third));
      await orphan.getByRole('button', { name: 'Re-attach…' }).click();
      const confirm = orphan.getByRole('button', { name: 'Move it there' });
      await confirm.waitFor();
      await confirm.click();
      await orphan.waitFor({ state: 'detached', timeout: 10_000 });
      await page.getByTestId('orphans-empty').waitFor();
    };
    await check('conflicts: the lost note is re-attached by citation, undoably', async () => {
      await reattach();
      const moved = (await annotationsOf(page, projectId)).find((a) => a.id === 'e2e-lost-note');
      assert(moved?.source === third && moved.target === null, `the note is at ${moved?.source}`);
      assert(moved.author === 'Bob' && moved.rationale === injected[2].rationale, 'the note changed');
      await page.getByTestId('conflicts-undo').click();
      await orphan.waitFor({ timeout: 10_000 });
      const back = (await annotationsOf(page, projectId)).find((a) => a.id === 'e2e-lost-note');
      assert(back?.source === LOST, `after Undo the note is at ${back?.source}`);
      await reattach();
    });

    await check('conflicts: the re-attached note shows in the workspace under its new unit', async () => {
      await page
        .getByTestId('conflicts-status')
        .getByRole('button', { name: `Open ${measureCitation(third)}` })
        .click();
      await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
      await eventually(
        async () =>
          (await page.getByTestId('unit-title').innerText()).trim().startsWith(measureCitation(third)),
        true,
      );
      const others = page.getByTestId('unit-editor').getByTestId('other-verdicts');
      await others.waitFor({ timeout: 10_000 });
      const text = await others.innerText();
      assert(text.includes('Bob') && text.includes('restates'), `colleagues' verdicts: ${text}`);
      const button = (await page.getByTestId('nav-conflicts').innerText()).trim();
      assert(button === 'Conflicts', `the button still reads "${button}"`);
    });
  } finally {
    await context
      .pages()[0]
      ?.waitForLoadState('networkidle')
      .catch(() => undefined);
    traffic.requests.push(...own.requests);
    traffic.foreign.push(...own.foreign);
    traffic.failed.push(...own.failed);
    traffic.aborted.push(...own.aborted);
    traffic.consoleErrors.push(...own.consoleErrors);
    traffic.workers.push(...own.workers);
    await context.close().catch(() => undefined);
  }
}
