/* global document, HTMLCanvasElement, HTMLElement */
/**
 * The original PDF page of a clause (renderer/page/PageView.tsx): opened from the workspace's
 * "Original page" buttons, drawn by pdf.js (the canvas has ink), the clause highlighted over its
 * printed text, previous/next page by button and PageUp/PageDown, zoom, and Back (button and
 * Escape) to the same unit. On the sample project, and on the real documents when the corpus
 * scenario has created their project. Saves page-view.png into each screenshots folder.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assert, check, skip } from './harness.mjs';
import { eventually, selectUnit } from './helpers.mjs';

const REAL_PROJECT = 'AI Act vs Safety and Security';
const RENDER_TIMEOUT_MS = 30_000;

/**
 * What the page view shows: its page number, the drawn canvas's ink, and for each highlight the
 * share of dark pixels under it and whether it lies within the canvas.
 * @param {import('playwright-core').Page} page
 */
async function readPage(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="page-canvas"]');
    if (!(canvas instanceof HTMLCanvasElement)) throw new Error('no page canvas');
    const context = canvas.getContext('2d');
    if (context === null || canvas.width === 0 || canvas.height === 0)
      return { drawnPage: null, ink: 0, highlights: [] };
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const darkAt = (/** @type {number} */ x, /** @type {number} */ y) =>
      (data[(y * canvas.width + x) * 4] ?? 255) < 128;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark += 1;
    const box = canvas.getBoundingClientRect();
    const ratio = canvas.width / box.width;
    const highlights = [...document.querySelectorAll('[data-testid="page-highlight"]')].map((el) => {
      const r = el.getBoundingClientRect();
      const inside =
        r.width > 0 &&
        r.height > 0 &&
        r.left >= box.left - 1 &&
        r.top >= box.top - 1 &&
        r.right <= box.right + 1 &&
        r.bottom <= box.bottom + 1;
      let all = 0;
      let ink = 0;
      let rows = 0;
      const x0 = Math.max(0, Math.floor((r.left - box.left) * ratio));
      const x1 = Math.min(canvas.width, Math.ceil((r.right - box.left) * ratio));
      const y0 = Math.max(0, Math.floor((r.top - box.top) * ratio));
      const y1 = Math.min(canvas.height, Math.ceil((r.bottom - box.top) * ratio));
      for (let y = y0; y < y1; y += 1)
        for (let x = x0; x < x1; x += 1) {
          all += 1;
          if (darkAt(x, y)) {
            ink += 1;
            rows += (y - y0 + 0.5) / Math.max(1, y1 - y0);
          }
        }
      // Where the ink sits, top (0) to bottom (1): text set in its line box is centred in it.
      return { inside, ink: all === 0 ? 0 : ink / all, centre: ink === 0 ? 0 : rows / ink };
    });
    return {
      drawnPage: Number(canvas.dataset['page'] ?? NaN),
      ink: dark / (canvas.width * canvas.height),
      highlights,
      cssWidth: box.width,
    };
  });
}

/** The number N in "Page N of M". @param {import('playwright-core').Page} page */
async function pageNumber(page) {
  const text = (await page.getByTestId('page-number').innerText()).trim();
  const match = /^Page (\d+) of (\d+)$/.exec(text);
  assert(match !== null, `page number reads "${text}"`);
  return { n: Number(match[1]), of: Number(match[2]) };
}

/** Waits until page `n` is drawn (the canvas says which page it holds). @param {import('playwright-core').Page} page @param {number} n */
async function drawn(page, n) {
  await page
    .locator(`[data-testid="page-canvas"][data-page="${n}"]`)
    .waitFor({ state: 'attached', timeout: RENDER_TIMEOUT_MS });
  await page.locator('.page-stage[aria-busy="false"]').waitFor({ timeout: RENDER_TIMEOUT_MS });
  return readPage(page);
}

/** Opens a project from the library by (part of) its name. @param {import('playwright-core').Page} page @param {RegExp | string} name */
async function openProject(page, name) {
  await page.getByTestId('nav-library').click();
  // The list is a live query: wait for it before deciding the project is not there.
  await page.getByTestId('project-row').first().waitFor({ timeout: 10_000 });
  const row = page.getByTestId('project-row').filter({ hasText: name }).first();
  if ((await row.count()) === 0) return false;
  await row.locator('.project-open').click();
  await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
  return true;
}

/**
 * Asserts the page view shows a drawn page with the clause highlighted over printed text.
 * @param {import('playwright-core').Page} page @param {number} n @param {string} what
 */
async function expectHighlighted(page, n, what) {
  const shown = await drawn(page, n);
  assert(shown.ink > 0.002, `${what}: page ${n} looks blank (ink ${shown.ink.toFixed(4)})`);
  assert(shown.highlights.length > 0, `${what}: no highlight on page ${n}`);
  assert(
    shown.highlights.every((h) => h.inside),
    `${what}: a highlight lies outside the page: ${JSON.stringify(shown.highlights)}`,
  );
  // Printed lines are ~10 % dark pixels; a highlight off the text (wrong flip or scale) is ~0 %.
  // And the text sits in the middle of its highlight (~0.55 here): a highlight half a line off has
  // its ink at the top or the bottom.
  const onText = shown.highlights.filter((h) => h.ink > 0.03 && h.centre > 0.35 && h.centre < 0.75);
  assert(
    onText.length >= Math.ceil(shown.highlights.length * 0.8),
    `${what}: highlights not over printed text (dark share @ where the ink sits): ${shown.highlights.map((h) => `${h.ink.toFixed(3)}@${h.centre.toFixed(2)}`).join(' ')}`,
  );
  return shown;
}

/**
 * @param {{ page: import('playwright-core').Page, origin: string, root: string, traffic: unknown, screenshots?: string[] }} env
 */
export async function pageScenarios({ page, screenshots = [] }) {
  const shoot = async () => {
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    });
    for (const dir of screenshots) {
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, 'page-view.png') });
    }
  };

  let sampleOpen = false;
  await check('page view (sample): "Original page" draws the page with the measure highlighted', async () => {
    sampleOpen = await openProject(page, 'sample');
    assert(sampleOpen, 'the sample project is not in the library');
    // Measure 1.3 of the sample code runs from page 4 onto page 5.
    await selectUnit(page, 'msr_1.3');
    const label = await page.getByTestId('open-page').innerText();
    const start = Number(/(\d+)\s*$/.exec(label.trim())?.[1] ?? NaN);
    await page.getByTestId('open-page').click();
    await page.getByTestId('page-view').waitFor();
    assert(/#\/p\/[^/]+\/page\/code\/msr_1\.3\/?/.test(page.url()), `URL: ${page.url()}`);
    const { n, of } = await pageNumber(page);
    assert(n === start && of === 5, `opened at page ${n} of ${of}, the button said page ${start}`);
    await expectHighlighted(page, n, 'Measure 1.3');
    const heading = await page.getByTestId('page-view').locator('h2').innerText();
    assert(heading.includes('Measure 1.3'), `heading: ${heading}`);
  });
  if (!sampleOpen) return;

  await check('page view (sample): next and previous page, by button and by PageDown/PageUp', async () => {
    const { n } = await pageNumber(page);
    await page.getByTestId('page-next').click();
    // The measure continues on the next page: it is highlighted there too.
    await expectHighlighted(page, n + 1, 'Measure 1.3, continued');
    assert((await pageNumber(page)).n === n + 1, 'Next did not turn the page');
    await page.getByTestId('page-prev').click();
    await drawn(page, n);
    assert((await pageNumber(page)).n === n, 'Previous did not turn back');
    await page.keyboard.press('PageDown');
    await drawn(page, n + 1);
    await page.keyboard.press('PageUp');
    await drawn(page, n);
    assert((await pageNumber(page)).n === n, 'PageUp did not turn back');
    // Page 1 has no earlier page.
    for (let i = n; i > 1; i -= 1) await page.getByTestId('page-prev').click();
    await drawn(page, 1);
    assert(await page.getByTestId('page-prev').isDisabled(), 'Previous is enabled on page 1');
    const first = await readPage(page);
    assert(first.highlights.length === 0, 'a highlight on a page the measure is not on');
    await page.getByTestId('page-where').getByRole('button').click();
    await expectHighlighted(page, n, 'Measure 1.3 via "Go to page"');
  });

  await check('page view (sample): zoom in and out, by button and by +/−', async () => {
    const { n } = await pageNumber(page);
    const width = async () => (await readPage(page)).cssWidth ?? 0;
    /** Waits for a redraw `factor` times as wide (more or less) as `from`; returns the new width. */
    const zoomed = async (
      /** @type {() => Promise<void>} */ act,
      /** @type {number} */ from,
      bigger = true,
    ) => {
      await act();
      await eventually(async () => {
        const now = await width();
        return bigger ? now > from * 1.05 : now < from * 0.95;
      }, true);
      await expectHighlighted(page, n, bigger ? 'zoomed in' : 'zoomed out');
      return width();
    };
    const start = await width();
    const fitted = await page.getByTestId('page-zoom').innerText();
    const w1 = await zoomed(() => page.getByTestId('page-zoom-in').click(), start);
    assert((await page.getByTestId('page-zoom').innerText()) !== fitted, 'the zoom level did not change');
    const w2 = await zoomed(() => page.keyboard.press('-'), w1, false);
    const w3 = await zoomed(() => page.keyboard.press('+'), w2);
    await zoomed(() => page.getByTestId('page-zoom-out').click(), w3, false);
  });

  await check('page view (sample): Back returns to the same unit; Escape does too', async () => {
    await shoot();
    await page.getByTestId('page-back').click();
    await page.getByTestId('workspace').waitFor();
    await eventually(
      async () => (await page.getByTestId('unit-title').innerText()).startsWith('Measure 1.3'),
      true,
    );
    assert(/\/msr_1\.3$/.test(page.url()), `URL after Back: ${page.url()}`);
    await page.getByTestId('open-page').click();
    await page.getByTestId('page-view').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('workspace').waitFor();
    await eventually(
      async () => (await page.getByTestId('unit-title').innerText()).startsWith('Measure 1.3'),
      true,
    );
  });

  await check("page view (sample): a link card's page button shows the law provision's page", async () => {
    const card = page.getByTestId('link-card').first();
    await card.waitFor({ timeout: 10_000 });
    const target = await card.getAttribute('data-target');
    const label = await card.getByTestId('open-page-link').innerText();
    const start = Number(/(\d+)\s*$/.exec(label.trim())?.[1] ?? NaN);
    await card.getByTestId('open-page-link').click();
    await page.getByTestId('page-view').waitFor();
    assert(page.url().includes(`/page/law/${encodeURIComponent(target ?? '')}/`), `URL: ${page.url()}`);
    const { n } = await pageNumber(page);
    // The button shows where the provision starts; its highlighted text may start there or just after.
    assert(Number.isNaN(start) || n >= start, `opened at page ${n}, the card said ${start}`);
    await expectHighlighted(page, n, target ?? 'law provision');
    await page.getByTestId('page-back').click();
    await eventually(
      async () => (await page.getByTestId('unit-title').innerText()).startsWith('Measure 1.3'),
      true,
    );
  });

  await check('page view: a clause that is not in the document says so in plain words', async () => {
    const url = new URL(page.url());
    const project = /#\/p\/([^/]+)/.exec(url.hash)?.[1] ?? '';
    await page.goto(`${url.origin}${url.pathname}#/p/${project}/page/law/art_999/msr_1.3`);
    const problem = page.getByTestId('page-problem');
    await problem.waitFor({ timeout: 10_000 });
    const text = await problem.innerText();
    assert(/Article 999 is not in /.test(text), `message: ${text}`);
    await page.getByTestId('page-back').click();
    await page.getByTestId('workspace').waitFor();
  });

  if (!(await openProject(page, REAL_PROJECT))) {
    skip(
      'page view (real documents): Article 55(1)(c) and Measure 9.3 on their pages',
      `no project "${REAL_PROJECT}" (the corpus scenario creates it when ../shared/corpus is there)`,
    );
    return;
  }
  await check(
    'page view (real documents): Measure 9.3 and Article 55(1)(c) highlighted on their pages',
    async () => {
      await selectUnit(page, 'msr_9.3');
      await page.getByTestId('open-page').click();
      await page.getByTestId('page-view').waitFor();
      const code = await pageNumber(page);
      await expectHighlighted(page, code.n, 'Measure 9.3');
      await page.getByTestId('page-back').click();
      await eventually(
        async () => (await page.getByTestId('unit-title').innerText()).startsWith('Measure 9.3'),
        true,
      );
      const card = page.locator('[data-testid="link-card"][data-target="art_55__para_1__point_c"]');
      await card.waitFor({ timeout: 10_000 });
      await card.getByTestId('open-page-link').click();
      await page.getByTestId('page-view').waitFor();
      const law = await pageNumber(page);
      assert(law.of === 144, `the AI Act has ${law.of} pages here`);
      await expectHighlighted(page, law.n, 'Article 55(1)(c)');
      const heading = await page.getByTestId('page-view').locator('h2').innerText();
      assert(heading.includes('Article 55(1), point (c)'), `heading: ${heading}`);
      await shoot();
      await page.keyboard.press('Escape');
      await eventually(
        async () => (await page.getByTestId('unit-title').innerText()).startsWith('Measure 9.3'),
        true,
      );
    },
  );
}
