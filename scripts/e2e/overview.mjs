/* global document, HTMLElement */
/**
 * The project overview (renderer/overview/Overview.tsx) and the law's own tree
 * (renderer/overview/LawTree.tsx): from the workspace's Overview button, the commitments × stances
 * matrix finds the verdict recorded earlier (the sample's "clarifies" on its first measure; on the
 * real documents "expands" on Measure 9.3, Commitment 9) and a click on the unit opens it in the
 * workspace; the law coverage lists an article with an accepted link (Article 55 on the real
 * documents), filters the untouched ones, and opens the code units linking to an article; Back
 * returns to the workspace. Then, when the workspace has the "AI Act" tab (`tab-law`), the law's
 * tree: closed chapters, arrow keys, and a provision's "linked from" list opening Measure 9.3.
 * Saves overview.png into each screenshots folder.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assert, check, skip } from './harness.mjs';
import { eventually } from './helpers.mjs';

const REAL_PROJECT = 'AI Act vs Safety and Security';

/** Opens a project from the library by a row it has. @param {import('playwright-core').Page} page @param {import('playwright-core').Locator} row */
async function openRow(page, row) {
  await row.first().locator('.project-open').click();
  await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
  await page.getByTestId('unit-title').waitFor({ timeout: 30_000 });
}

/** @param {import('playwright-core').Page} page */
async function openOverview(page) {
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('overview-matrix').waitFor({ timeout: 20_000 });
  assert(/\/overview$/.test(page.url()), `the overview's URL is ${page.url()}`);
  const title = (await page.getByRole('heading', { level: 2, name: 'Overview' }).count()) > 0;
  assert(title, 'no "Overview" heading');
}

/** The workspace's unit title once it names `citation`. @param {import('playwright-core').Page} page @param {string} citation */
async function expectUnit(page, citation) {
  await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
  await eventually(
    async () => (await page.getByTestId('unit-title').innerText()).trim().startsWith(citation),
    true,
  );
}

/** `msr_9.3` -> `Measure 9.3`, `cmt_9` -> `Commitment 9` (what the unit title starts with). @param {string} id */
function citationOf(id) {
  const match = /^(msr|cmt)_([^_]+)$/.exec(id);
  assert(match !== null, `not a measure or commitment: ${id}`);
  return `${match[1] === 'msr' ? 'Measure' : 'Commitment'} ${match[2]}`;
}

/**
 * @param {{ page: import('playwright-core').Page, origin: string, root: string, traffic: unknown, screenshots?: string[] }} env
 */
export async function overviewScenarios({ page, screenshots = [] }) {
  const shoot = async () => {
    // As a reader first sees it: focus nowhere, scrolled to the top.
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      for (const el of document.querySelectorAll('.ov-body, .pane')) el.scrollTop = 0;
    });
    for (const dir of screenshots) {
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, 'overview.png') });
    }
  };

  await page.getByTestId('nav-library').click();
  // The library lists its projects once its live query answers.
  await page
    .getByTestId('project-row')
    .first()
    .waitFor({ timeout: 20_000 })
    .catch(() => undefined);
  const realRow = page.getByTestId('project-row').filter({ hasText: REAL_PROJECT });
  const real = (await realRow.count()) > 0;
  const sampleRow = page
    .getByTestId('project-row')
    .filter({ has: page.locator('.pill', { hasText: 'sample' }) });

  // ---- the sample project ----------------------------------------------------------------
  let sampleOpen = false;
  await check('overview (sample): the matrix finds the "clarifies" verdict; its unit opens', async () => {
    assert((await sampleRow.count()) > 0, 'the sample project is not in the library');
    await openRow(page, sampleRow);
    sampleOpen = true;
    await openOverview(page);
    const cell = page
      .locator('[data-testid="overview-cell"][data-stance="clarifies"]:not([data-commitment="all"])')
      .filter({ hasNotText: /^0$/ })
      .first();
    assert((await cell.count()) > 0, 'no commitment has a "clarifies" verdict');
    assert(Number(await cell.getAttribute('data-count')) >= 1, 'the clarifies cell is empty');
    await cell.click();
    const list = page.getByTestId('overview-units');
    await list.waitFor();
    const unit = list.getByTestId('overview-unit').first();
    const unitId = (await unit.getAttribute('data-unit')) ?? '';
    assert(/^msr_/.test(unitId), `the clarifies cell lists ${unitId}, not a measure`);
    // The totals row counts it too.
    const total = page.locator(
      '[data-testid="overview-cell"][data-commitment="all"][data-stance="clarifies"]',
    );
    assert(Number(await total.getAttribute('data-count')) >= 1, 'the totals row misses the verdict');
    if (!real) await shoot();
    await unit.click();
    await expectUnit(page, citationOf(unitId));
    assert(page.url().endsWith(`/${encodeURIComponent(unitId)}`), `URL after opening: ${page.url()}`);
  });

  if (sampleOpen)
    await check('overview (sample): the law coverage shows an article with an accepted link', async () => {
      await openOverview(page);
      const coverage = page.getByTestId('coverage');
      await coverage.waitFor();
      const rows = coverage.getByTestId('coverage-article');
      const accepted = await rows.evaluateAll((els) =>
        els
          .filter((el) => Number(el.getAttribute('data-accepted')) >= 1)
          .map((el) => el.getAttribute('data-article')),
      );
      assert(accepted.length >= 1, 'no article of the sample act has an accepted link');
      // Its code units are one click away, and each opens in the workspace.
      const row = coverage.locator(`[data-testid="coverage-article"][data-article="${accepted[0]}"]`);
      await row.getByRole('button').first().click();
      const unit = row.locator('[data-testid="coverage-unit"][data-status="accepted"]').first();
      await unit.waitFor();
      const unitId = (await unit.getAttribute('data-unit')) ?? '';
      await unit.click();
      await expectUnit(page, citationOf(unitId.split('__')[0] ?? unitId));
    });

  // ---- the real documents -------------------------------------------------------------------
  if (!real) {
    skip(
      'overview (real documents): Measure 9.3 "expands", Article 55 covered',
      `no project "${REAL_PROJECT}" (the corpus scenario creates it when ../shared/corpus is there)`,
    );
  } else {
    let realOpen = false;
    await check(
      'overview (real documents): "expands" on Commitment 9 lists Measure 9.3, which opens',
      async () => {
        await page.getByTestId('nav-library').click();
        await openRow(page, realRow);
        realOpen = true;
        await openOverview(page);
        const cell = page.locator(
          '[data-testid="overview-cell"][data-commitment="cmt_9"][data-stance="expands"]',
        );
        await cell.waitFor();
        assert(Number(await cell.getAttribute('data-count')) >= 1, 'Commitment 9 has no "expands" verdict');
        await cell.click();
        const unit = page
          .getByTestId('overview-units')
          .locator('[data-testid="overview-unit"][data-unit="msr_9.3"]');
        await unit.waitFor();
        await shoot();
        await unit.click();
        await expectUnit(page, 'Measure 9.3');
        assert(page.url().endsWith('/msr_9.3'), `URL after opening: ${page.url()}`);
      },
    );

    if (realOpen)
      await check(
        'overview (real documents): Article 55 has an accepted link; untouched articles filter; Back',
        async () => {
          await openOverview(page);
          const coverage = page.getByTestId('coverage');
          const art55 = coverage.locator('[data-testid="coverage-article"][data-article="art_55"]');
          await art55.waitFor();
          assert(Number(await art55.getAttribute('data-accepted')) >= 1, 'Article 55 has no accepted link');
          assert((await art55.getAttribute('data-state')) === 'accepted', 'Article 55 is not marked covered');
          await art55.getByRole('button').first().click();
          await art55
            .locator('[data-testid="coverage-unit"][data-unit="msr_9.3"][data-status="accepted"]')
            .waitFor();

          const all = await coverage.getByTestId('coverage-article').count();
          // The AI Act has 113 articles and 13 annexes.
          assert(all >= 126, `only ${all} articles and annexes are listed`);
          await page.getByTestId('coverage-untouched-only').check();
          const states = await coverage
            .getByTestId('coverage-article')
            .evaluateAll((els) => els.map((el) => el.getAttribute('data-state')));
          assert(states.length > 0 && states.length < all, `untouched only lists ${states.length} of ${all}`);
          assert(
            states.every((s) => s === 'untouched'),
            `untouched only shows ${states.filter((s) => s !== 'untouched').length} touched articles`,
          );
          assert((await art55.count()) === 0, 'Article 55 is listed as untouched');
          await page.getByTestId('coverage-untouched-only').uncheck();
          await art55.waitFor();

          await page.getByTestId('overview-back').click();
          await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
          assert(!/\/overview$/.test(page.url()), `Back stayed on ${page.url()}`);
        },
      );
  }

  // ---- the law's own tree in the workspace ---------------------------------------------------------
  const tab = page.getByTestId('tab-law');
  if ((await page.getByTestId('workspace').count()) === 0 || (await tab.count()) === 0) {
    skip(
      "law tree: chapters › articles › points, arrow keys, 'linked from'",
      'the workspace has no tab-law tab',
    );
    return;
  }
  await check(
    'law tree: chapters start closed; arrow keys open them; a provision lists who links to it',
    async () => {
      await tab.click();
      const tree = page.getByTestId('law-tree');
      await tree.waitFor();
      const rows = tree.getByTestId('law-unit');
      const top = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-level')));
      assert(
        top.length > 0 && top.every((level) => level === '1'),
        `the tree starts with levels ${top.join(',')}`,
      );
      assert(
        (await tree.locator('[role="treeitem"][tabindex="0"]').count()) === 1,
        'not one row in the tab order',
      );

      // Keyboard: to the first chapter, open it, step into it, close it again from inside.
      const chapter = tree.locator('[data-testid="law-unit"][data-unit^="chp_"]').first();
      const chapterId = (await chapter.getAttribute('data-unit')) ?? '';
      await chapter.focus();
      await page.keyboard.press('ArrowRight');
      await eventually(() => chapter.getAttribute('aria-expanded'), 'true');
      await page.keyboard.press('ArrowRight');
      const inside = await page.evaluate(() => document.activeElement?.getAttribute('aria-level'));
      assert(inside === '2', `→ on an open chapter went to level ${inside}`);
      await page.keyboard.press('ArrowLeft');
      await eventually(
        () => page.evaluate(() => document.activeElement?.getAttribute('data-unit')),
        chapterId,
      );
      await page.keyboard.press('ArrowLeft');
      await eventually(() => chapter.getAttribute('aria-expanded'), 'false');

      // A provision with an accepted link: Article 55(1)(c) on the real documents, else the first
      // provision the tree counts accepted links for.
      if (real) {
        for (const id of ['chp_V', 'chp_V__sec_3', 'art_55', 'art_55__para_1']) {
          const row = tree.locator(`[data-testid="law-unit"][data-unit="${id}"]`);
          if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.law-twisty').click();
        }
      }
      const target = real
        ? 'art_55__para_1__point_c'
        : ((await tree
            .locator('[data-testid="law-unit"]:has(.law-count)')
            .first()
            .getAttribute('data-unit')) ?? '');
      const provision = tree.locator(`[data-testid="law-unit"][data-unit="${target}"]`);
      assert((await provision.locator('.law-count').count()) === 1, `${target} has no accepted-link badge`);
      await provision.click();
      const linked = page.getByTestId('linked-from');
      await linked.waitFor({ timeout: 10_000 });
      const unit = real
        ? linked.locator('[data-testid="linked-from-unit"][data-unit="msr_9.3"][data-status="accepted"]')
        : linked.locator('[data-testid="linked-from-unit"][data-status="accepted"]').first();
      await unit.waitFor();
      const unitId = (await unit.getAttribute('data-unit')) ?? '';
      await unit.click();
      await expectUnit(page, citationOf(unitId.split('__')[0] ?? unitId));
    },
  );
}
