/* global window, document, HTMLElement */
/**
 * A review step by keyboard alone, in the sample project: `j` / `k` through the code tree, `a`
 * accepts the top suggestion, `2` records "expands", `/` goes to the search field and Escape leaves
 * it, `r` marks the verdict reviewed, `?` shows the shortcuts and Escape closes them, `g` `o` opens
 * the overview and `g` `w` comes back. Opening the project is done with clicks; every step of the
 * review itself goes through page.keyboard only.
 */
import { assert, check, skip } from './harness.mjs';
import { eventually } from './helpers.mjs';

/**
 * @param {{ page: import('playwright-core').Page, origin: string, root: string, traffic: Awaited<ReturnType<typeof import('./harness.mjs').watchTraffic>> }} env
 */
export async function keyboardScenarios({ page }) {
  /** The selected unit, as the tree marks it. */
  const selectedUnit = () =>
    page.locator('[data-testid="tree-unit"][aria-current="true"]').first().getAttribute('data-unit');
  const title = async () => (await page.getByTestId('unit-title').innerText()).trim();
  const hash = () => page.evaluate(() => window.location.hash);
  const reviewedCount = async () =>
    Number(/^(\d+) of/.exec((await page.getByTestId('progress-reviewed').innerText()).trim())?.[1] ?? NaN);
  /** Focus on the page itself, as after a click on plain text: nothing typed goes into a field. */
  const focusPage = () =>
    page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    });

  let opened = false;
  await check('keyboard: the sample project opens', async () => {
    await page.getByTestId('nav-library').click();
    const row = page.getByTestId('project-row').filter({ has: page.locator('.pill', { hasText: 'sample' }) });
    await row.first().locator('.project-open').click();
    await page.getByTestId('unit-title').waitFor({ timeout: 30_000 });
    opened = true;
  });
  if (!opened) return;
  const projectHash = /^#\/p\/[^/]+/.exec(await hash())?.[0] ?? '';

  /** @type {string} */ let unitId = '';
  await check('keyboard: j selects the next unit in the tree, k the previous one', async () => {
    await focusPage();
    const order = await page
      .locator('[data-testid="tree-unit"]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-unit')));
    const before = await selectedUnit();
    const titleBefore = await title();
    assert(before !== null, 'no unit is selected in the tree');
    await page.keyboard.press('j');
    await eventually(async () => (await title()) !== titleBefore, true);
    const after = await selectedUnit();
    assert(
      after === order[order.indexOf(before) + 1],
      `j went from ${before} to ${after}, not to ${order[order.indexOf(before) + 1]}`,
    );
    await page.keyboard.press('k');
    await eventually(selectedUnit, before);
    assert((await title()) === titleBefore, 'k did not come back to the same unit');
    // On to a commitment or measure (they count in the progress; points do not) with an open
    // suggestion and no verdict yet, so that each key below shows its effect.
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('j');
      await page.waitForTimeout(150);
      const id = await selectedUnit();
      if (id === null || id.includes('__')) continue;
      const badge = page.locator(
        `[data-testid="tree-unit"][data-unit="${id}"] ~ [data-testid="stance-badge"]`,
      );
      const open = page.locator('[data-testid="link-card"][data-status="suggested"]');
      if ((await badge.count()) === 0 && (await open.count()) > 0) {
        unitId = id;
        break;
      }
    }
    assert(unitId !== '', 'j never reached a measure with an open suggestion and no verdict');
  });
  if (unitId === '') return;

  await check('keyboard: a accepts the top open suggestion', async () => {
    const top = page.locator('[data-testid="link-card"][data-status="suggested"]').first();
    const target = await top.getAttribute('data-target');
    await page.keyboard.press('a');
    await page
      .locator(`[data-testid="link-card"][data-status="accepted"][data-target="${target}"]`)
      .waitFor({ timeout: 10_000 });
    assert((await selectedUnit()) === unitId, 'accepting moved the selection');
  });

  await check('keyboard: 2 sets the stance "expands"', async () => {
    await page.keyboard.press('2');
    const radio = page.getByTestId('unit-editor').getByRole('radio', { name: 'expands', exact: true });
    await eventually(() => radio.isChecked(), true);
  });

  if ((await page.getByTestId('search-input').count()) === 0) {
    skip('keyboard: / focuses the search field, Escape leaves it', 'no search-input in the workspace');
  } else {
    await check('keyboard: / focuses the search field (no slash typed), Escape leaves it', async () => {
      await page.keyboard.press('/');
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
      await eventually(focused, 'search-input');
      assert(
        (await page.getByTestId('search-input').inputValue()) === '',
        'the slash was typed into the field',
      );
      // Keys typed in the field are text, not shortcuts.
      await page.keyboard.type('jk');
      assert((await page.getByTestId('search-input').inputValue()) === 'jk', 'typing in the field was lost');
      assert((await selectedUnit()) === unitId, 'typing j in the search field moved the selection');
      // The search box's own Escapes: the first closes its results, the second clears the text,
      // the third leaves the field.
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('Escape');
      await eventually(async () => (await focused()) !== 'search-input', true);
      assert((await page.getByTestId('search-input').inputValue()) === '', 'Escape did not clear the search');
    });
  }

  await check('keyboard: r marks the verdict reviewed (✓ in the tree, progress + 1)', async () => {
    await focusPage();
    const before = await reviewedCount();
    await page.keyboard.press('r');
    const badge = page.locator(
      `[data-testid="tree-unit"][data-unit="${unitId}"] ~ [data-testid="stance-badge"]`,
    );
    await eventually(
      async () => ((await badge.count()) > 0 ? (await badge.innerText()).trim() : ''),
      'expands ✓',
    );
    await eventually(reviewedCount, before + 1);
    assert(
      (await page.getByTestId('unit-editor').getByTestId('status').inputValue()) === 'reviewed',
      'the status field does not say reviewed',
    );
  });

  await check('keyboard: ? opens the shortcut help, Escape closes it', async () => {
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcut-help');
    await help.waitFor({ timeout: 5_000 });
    const text = await help.innerText();
    for (const expected of ['Next unit', 'expands', 'Accept the top open suggestion', 'overview']) {
      assert(text.includes(expected), `the help does not mention "${expected}"`);
    }
    // The page behind the modal help is inert: j does nothing there.
    await page.keyboard.press('j');
    await page.waitForTimeout(200);
    assert((await selectedUnit()) === unitId, 'j moved the selection behind the help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden', timeout: 5_000 });
  });

  await check('keyboard: g then o opens the overview, g then w comes back', async () => {
    await focusPage();
    await page.keyboard.press('g');
    await page.keyboard.press('o');
    await eventually(async () => (await hash()).endsWith('/overview'), true);
    assert(
      (await hash()).startsWith(`${projectHash}/`),
      `the overview is not this project's: ${await hash()}`,
    );
    await page.keyboard.press('g');
    await page.keyboard.press('w');
    await eventually(async () => !(await hash()).endsWith('/overview'), true);
    const back = await hash();
    assert(back === projectHash || back.startsWith(`${projectHash}/`), `g w went to ${back}`);
    await page.getByTestId('unit-title').waitFor({ timeout: 10_000 });
  });

  await check('keyboard: g waits one second for its second key', async () => {
    await focusPage();
    const before = await hash();
    await page.keyboard.press('g');
    await page.waitForTimeout(1_300);
    await page.keyboard.press('o');
    await page.waitForTimeout(300);
    assert((await hash()) === before, `a late o still navigated, to ${await hash()}`);
  });
}
