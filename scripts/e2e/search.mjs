/* global document, window, HTMLElement */
/**
 * Find and filter (issue 5, section 2): the workspace's search box finds a note recorded earlier
 * and opens its unit; a citation and Enter go straight to the provision; the index follows a note
 * edited meanwhile; the code tree filtered by a stance keeps only the units with that stance and
 * the units above them. Runs after app.mjs (the sample project, its first measure recorded as
 * "clarifies" with a rationale) and corpus.mjs (the real project, Measure 9.3 "expands").
 *
 * Test ids: `search-input`, `search-results` (with `data-query`, the query its results are for),
 * `search-hit` (`data-doc` law | code | note, `data-id`, and for a note `data-unit`, the code unit
 * it is on), `search-ms`; `filter-stance-<stance>`, `filter-status`, `filter-tag`,
 * `filter-no-link`, `filter-unreviewed`, `filter-clear`, `filter-count`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assert, check, skip } from './harness.mjs';
import { eventually, selectUnit, setUnitRationale } from './helpers.mjs';

const SAMPLE_RATIONALE = 'The measure spells out what the article already requires.';
const CORPUS_CODE = 'gpai-cop-final-safety-security-2025-07.pdf';
const CORPUS_LAW = 'ai-act-2024-1689.pdf';
const CORPUS_PROJECT = 'AI Act vs Safety and Security';

/**
 * Types a query and waits for the results list to show the results of exactly that query.
 * @param {import('playwright-core').Page} page @param {string} query
 */
async function search(page, query) {
  const input = page.getByTestId('search-input');
  await input.fill(query);
  await page
    .locator(`[data-testid="search-results"][data-query="${query.replace(/"/g, '\\"')}"]`)
    .waitFor({ timeout: 15_000 });
}

/** @param {import('playwright-core').Page} page */
async function selectedUnit(page) {
  return page.locator('[data-testid="tree-unit"][aria-current="true"]').getAttribute('data-unit');
}

/**
 * Opens a project from the library by its name (or the sample) and waits for its search box.
 * @param {import('playwright-core').Page} page @param {{ sample?: boolean, name?: string }} which
 */
async function openProject(page, which) {
  await page.getByTestId('nav-library').click();
  const rows = page.getByTestId('project-row');
  // The list is a live query: it fills in after the library has rendered.
  await rows.first().waitFor({ timeout: 10_000 });
  const row = which.sample
    ? rows.filter({ has: page.locator('.pill', { hasText: 'sample' }) }).first()
    : rows.filter({ hasText: which.name ?? '' }).first();
  if ((await row.count()) === 0) return false;
  await row.locator('.project-open').click();
  await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
  await page.getByTestId('tree-unit').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('search-input').waitFor({ timeout: 10_000 });
  return true;
}

/**
 * The rows of the tree whose own badge does not show `stance` and that hold no row that does:
 * rows the filter should have hidden.
 * @param {import('playwright-core').Page} page @param {string} stance
 */
function strayRows(page, stance) {
  return page.evaluate((wanted) => {
    const hasStance = (/** @type {Element} */ item) => {
      const row = item.querySelector(':scope > .tree-row');
      const badge = row?.querySelector('[data-testid="stance-badge"]');
      return (badge?.textContent ?? '').replace(/[✓!]/g, '').trim() === wanted;
    };
    const items = [...document.querySelectorAll('[role="tree"] li[role="treeitem"]')];
    const matching = items.filter(hasStance);
    const stray = items.filter((item) => !hasStance(item) && !matching.some((m) => item.contains(m)));
    return {
      matching: matching.map((i) => i.querySelector('[data-testid="tree-unit"]')?.getAttribute('data-unit')),
      stray: stray.map((i) => i.querySelector('[data-testid="tree-unit"]')?.getAttribute('data-unit')),
    };
  }, stance);
}

/**
 * Filters the tree by one stance and checks what stays; then clears the filter.
 * @param {import('playwright-core').Page} page @param {string} stance @param {string} mustShow
 */
async function filterByStance(page, stance, mustShow) {
  const before = await page.getByTestId('tree-unit').count();
  const chip = page.getByTestId(`filter-stance-${stance}`);
  await chip.click();
  assert((await chip.getAttribute('aria-pressed')) === 'true', 'the stance chip does not show as pressed');
  const count = page.getByTestId('filter-count');
  await eventually(async () => /^(\d+) of (\d+) shown$/.test((await count.innerText()).trim()), true);
  const [, shown, total] = /^(\d+) of (\d+) shown$/.exec((await count.innerText()).trim()) ?? [];
  assert(Number(shown) >= 1 && Number(shown) < Number(total), `count reads "${await count.innerText()}"`);
  const rows = await strayRows(page, stance);
  assert(rows.matching.includes(mustShow), `${mustShow} is not shown: ${JSON.stringify(rows)}`);
  assert(rows.matching.length === Number(shown), `count ${shown}, rows with "${stance}": ${rows.matching}`);
  assert(rows.stray.length === 0, `rows without "${stance}" left in the tree: ${rows.stray.join(', ')}`);
  await page.getByTestId('filter-clear').click();
  await eventually(() => page.getByTestId('tree-unit').count(), before);
  assert((await chip.getAttribute('aria-pressed')) === 'false', 'Clear left the chip pressed');
}

/**
 * Types a citation of the law and presses Enter at once (no waiting for the results: Enter right
 * after typing a citation must go), from a unit with no link to that provision, so that wherever
 * the app takes the user (a unit linked to it, its page) the URL changes. Then goes back.
 * @param {import('playwright-core').Page} page @param {string} citation @param {string} target
 */
async function jumpToLaw(page, citation, target) {
  const units = await page
    .getByTestId('tree-unit')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-unit') ?? ''));
  let from = null;
  for (const unit of units.slice(0, 12)) {
    await selectUnit(page, unit);
    await page
      .getByTestId('link-card')
      .first()
      .waitFor({ timeout: 3000 })
      .catch(() => undefined);
    if ((await page.locator(`[data-testid="link-card"][data-target="${target}"]`).count()) === 0) {
      from = unit;
      break;
    }
  }
  assert(from !== null, `every unit tried has a link to ${target}`);
  const before = await page.evaluate(() => window.location.hash);
  const input = page.getByTestId('search-input');
  await input.fill(citation);
  await input.press('Enter');
  await eventually(async () => (await page.evaluate(() => window.location.hash)) !== before, true);
  console.log(`      from ${from}: ${before} -> ${await page.evaluate(() => window.location.hash)}`);
  // Selecting a unit replaces the history entry, so Back is no way to return: set the hash again.
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, before);
  await page.getByTestId('workspace').waitFor();
  await eventually(() => selectedUnit(page), from);
}

/**
 * @param {{ page: import('playwright-core').Page, origin: string, root: string, traffic: Awaited<ReturnType<typeof import('./harness.mjs').watchTraffic>> }} env
 */
export async function searchScenarios({ page, root, traffic }) {
  let ready = false;
  await check('search: the sample project has a search box', async () => {
    ready = await openProject(page, { sample: true });
    assert(ready, 'the sample project is not in the library');
  });
  if (!ready) return;

  await check(
    'search: a phrase from a note finds it under Notes, and opening it selects its unit',
    async () => {
      // Start somewhere else, so that opening the note has to move the selection.
      await page.locator('[data-testid="tree-unit"][data-unit^="cmt_"]').first().click();
      const before = await selectedUnit(page);
      await search(page, 'spells out what the article');
      const hit = page.locator('[data-testid="search-hit"][data-doc="note"]').first();
      await hit.waitFor();
      const unit = await hit.getAttribute('data-unit');
      assert(unit !== null && unit !== before, `the note is on ${unit}, the selection was ${before}`);
      const marked = await hit.locator('mark').allInnerTexts();
      assert(marked.includes('spells'), `marked words: ${marked.join(', ')}`);
      const ms = (await page.getByTestId('search-ms').innerText()).trim();
      assert(/^\d+(\.\d)? ms$/.test(ms), `search-ms reads "${ms}"`);
      console.log(`      the query took ${ms}`);
      await hit.click();
      await eventually(() => selectedUnit(page), unit);
      await page.getByTestId('unit-title').waitFor();
      assert(
        !(await page.getByTestId('search-results').isVisible()),
        'the results stay open after opening one',
      );
    },
  );

  await check("search: runs in the app's own worker", async () => {
    assert(
      traffic.workers.some((url) => /search\.worker-[\w-]+\.js$/.test(new URL(url).pathname)),
      `workers seen: ${traffic.workers.join(', ') || 'none'}`,
    );
  });

  await check('search: a note edited just now is found, and its old words are not', async () => {
    const editor = page.getByTestId('unit-editor');
    const rationale = await editor.getByTestId('rationale').inputValue();
    assert(rationale === SAMPLE_RATIONALE, `the selected unit's rationale is "${rationale}"`);
    await setUnitRationale(page, 'Quokkas aside, the article already requires this.');
    try {
      await page.getByTestId('search-input').click();
      await eventually(async () => {
        // Typed afresh each time: the same text again would not be a new query.
        await page.getByTestId('search-input').fill('');
        await search(page, 'quokkas');
        return page.locator('[data-testid="search-hit"][data-doc="note"]').count();
      }, 1);
      // A word only the old wording had (the rest of the phrase is in the new one too).
      await search(page, 'spells');
      assert(
        (await page.locator('[data-testid="search-hit"][data-doc="note"]').count()) === 0,
        'the old wording of the note is still found',
      );
    } finally {
      await setUnitRationale(page, SAMPLE_RATIONALE);
    }
  });

  await check('search: Escape closes the results, a second clears the box, a third leaves it', async () => {
    const input = page.getByTestId('search-input');
    await input.click();
    await search(page, 'widgets');
    await input.press('Escape');
    assert(!(await page.getByTestId('search-results').isVisible()), 'Escape left the results open');
    await input.press('Escape');
    assert((await input.inputValue()) === '', 'the second Escape did not clear the box');
    await input.press('Escape');
    assert(
      !(await page.evaluate(
        () =>
          document.activeElement instanceof HTMLElement &&
          document.activeElement.dataset['testid'] === 'search-input',
      )),
      'the third Escape left the focus in the box',
    );
  });

  await check(
    'search: "Measure 1.2" and Enter open that measure; arrows move through the results',
    async () => {
      const input = page.getByTestId('search-input');
      await input.click();
      await search(page, 'Measure 1.2');
      const direct = page.locator('[data-testid="search-hit"][data-doc="code"][data-id="msr_1.2"]').first();
      await direct.waitFor();
      await input.press('ArrowDown');
      const first = await input.getAttribute('aria-activedescendant');
      assert(first !== null, 'ArrowDown made no result active');
      assert(
        (await page.locator(`[id="${first}"]`).getAttribute('aria-selected')) === 'true',
        'the active result is not marked selected',
      );
      assert(
        (await page.locator(`[id="${first}"]`).getAttribute('data-id')) === 'msr_1.2',
        'the first result is not the measure named',
      );
      await input.press('ArrowDown');
      const second = await input.getAttribute('aria-activedescendant');
      assert(second !== null && second !== first, 'the second ArrowDown did not move');
      await input.press('ArrowUp');
      assert((await input.getAttribute('aria-activedescendant')) === first, 'ArrowUp did not move back');
      await input.press('Enter');
      await eventually(() => selectedUnit(page), 'msr_1.2');
    },
  );

  await check('search: a citation of the law and Enter go to that provision', async () => {
    await jumpToLaw(page, '3(1)(c)', 'art_3__para_1__point_c');
  });

  await check('filters: a stance keeps only the units with it, and the units above them', async () => {
    await page.getByTestId('workspace').waitFor();
    await page.getByTestId('filter-stance-clarifies').waitFor({ timeout: 10_000 });
    const source = await page
      .locator('[data-testid="tree-unit"][data-unit^="msr_"]')
      .first()
      .getAttribute('data-unit');
    await filterByStance(page, 'clarifies', source ?? 'msr_1.1');
  });

  await check('filters: status and tag narrow the tree, Clear brings it back', async () => {
    const count = page.getByTestId('filter-count');
    const all = (await count.innerText()).trim();
    await page.getByTestId('filter-status').selectOption('reviewed');
    await eventually(async () => (await count.innerText()).trim().startsWith('1 of '), true);
    await page.getByTestId('filter-status').selectOption('');
    await page.getByTestId('filter-tag').selectOption('sample-tag');
    await eventually(async () => (await count.innerText()).trim().startsWith('1 of '), true);
    await page.getByTestId('filter-stance-narrows').click();
    await eventually(async () => (await count.innerText()).trim().startsWith('0 of '), true);
    await page.getByTestId('filter-clear').click();
    await eventually(async () => (await count.innerText()).trim(), all);
  });

  const corpus = join(root, '..', 'shared', 'corpus');
  if (!existsSync(join(corpus, CORPUS_LAW)) || !existsSync(join(corpus, CORPUS_CODE))) {
    skip(
      'search and filters on the real documents',
      `../shared/corpus (${CORPUS_LAW}, ${CORPUS_CODE}) is not next to this checkout`,
    );
    return;
  }

  let real = false;
  await check('search (real documents): the project opens with its search box', async () => {
    real = await openProject(page, { name: CORPUS_PROJECT });
    assert(real, `no project "${CORPUS_PROJECT}" in the library (did corpus.mjs run?)`);
  });
  if (!real) return;

  await check('search (real documents): "without undue delay" finds the note on Measure 9.3', async () => {
    await selectUnit(page, 'cmt_1');
    await search(page, 'without undue delay');
    const hit = page.locator('[data-testid="search-hit"][data-doc="note"][data-unit="msr_9.3"]').first();
    await hit.waitFor();
    const law = await page.locator('[data-testid="search-hit"][data-doc="law"]').count();
    assert(law > 0, 'no provision of the AI Act found for "without undue delay"');
    console.log(`      the query took ${(await page.getByTestId('search-ms').innerText()).trim()}`);
    await hit.click();
    await eventually(() => selectedUnit(page), 'msr_9.3');
    assert((await page.getByTestId('unit-title').innerText()).startsWith('Measure 9.3'), 'not Measure 9.3');
  });

  await check('search (real documents): "55(1)(c)" and Enter go to Article 55(1)(c)', async () => {
    await jumpToLaw(page, '55(1)(c)', 'art_55__para_1__point_c');
  });

  await check('filters (real documents): "expands" keeps Measure 9.3 and its commitment', async () => {
    await page.getByTestId('workspace').waitFor();
    await filterByStance(page, 'expands', 'msr_9.3');
  });
}
