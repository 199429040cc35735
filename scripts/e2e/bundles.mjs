/* global document, window */
/**
 * Hostile bundles and hostile text, through the app's own Import bundle… (issue 7 §2): invalid JSON,
 * a bundle from a newer version, `__proto__` keys, an over-long rationale and a wrong schema each
 * get a plain message and leave every IndexedDB store as it was; a valid bundle whose notes and tags
 * carry HTML and script shows them as text in the workspace, the conflict view and the memo preview,
 * and nothing runs. Then a project is moved onto a revised code PDF from the library: the merge
 * report lists what moved and what lost its place.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, check } from './harness.mjs';
import { eventually } from './helpers.mjs';
import { assertUnchanged, storedSnapshot } from './hostile.mjs';

const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

/** @param {import('playwright-core').Page} page @param {string} name @param {string} text */
async function importBundleText(page, name, text) {
  await page.getByTestId('nav-library').click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('import-bundle').click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** @param {import('playwright-core').Page} page */
async function sampleBundle(page) {
  await page.getByTestId('nav-library').click();
  const row = page.getByTestId('project-row').filter({ has: page.locator('.pill', { hasText: 'sample' }) });
  await row.first().waitFor({ timeout: 20_000 });
  await row.first().locator('.project-open').click();
  await page.getByTestId('unit-title').waitFor({ timeout: 60_000 });
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.waitFor();
  await dialog.getByText('Project bundle for a colleague (JSON)').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-save').click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8');
  await dialog.getByRole('button', { name: 'Close' }).click();
  return JSON.parse(text);
}

/**
 * @param {{ page: import('playwright-core').Page, root: string }} env
 */
export async function bundleScenarios({ page, root }) {
  /** @type {any} */
  let bundle = null;
  await check('bundles: the sample project exports a bundle to tamper with', async () => {
    bundle = await sampleBundle(page);
    assert(bundle.format === 'crosswalk-bundle' && bundle.annotations.length > 0, 'no usable bundle');
  });
  if (bundle === null) return;

  const hostile = [
    [
      'not JSON',
      'broken.json',
      '{"format":"crosswalk-bundle", "version": 2, ',
      /not valid JSON: the file ends too early/,
    ],
    [
      'a newer version',
      'future.json',
      JSON.stringify({ ...bundle, version: 99 }),
      /newer version of Crosswalk/,
    ],
    [
      'a __proto__ key',
      'proto.json',
      JSON.stringify(bundle).replace('"annotations":[', '"annotations":[{"__proto__":{"polluted":1}},'),
      /contains the key "__proto__"/,
    ],
    [
      'a rationale over the limit',
      'long.json',
      JSON.stringify({
        ...bundle,
        annotations: bundle.annotations.map((/** @type {any} */ a) => ({
          ...a,
          rationale: 'x'.repeat(1_100_000),
        })),
      }),
      /longer than 1048576 characters/,
    ],
    [
      'a wrong schema',
      'schema.json',
      JSON.stringify({ ...bundle, links: 'all of them' }),
      /links: Invalid input/,
    ],
  ];
  for (const [what, name, text, message] of hostile) {
    await check(`bundles: ${what} is refused in plain words, and nothing stored changes`, async () => {
      const before = await storedSnapshot(page);
      await importBundleText(page, String(name), String(text));
      const banner = page.getByTestId('banner');
      await banner.waitFor({ timeout: 20_000 });
      const shown = await banner.innerText();
      assert(/** @type {RegExp} */ (message).test(shown), `the message was: ${shown}`);
      assert(!(await page.evaluate(() => 'polluted' in {})), 'Object.prototype was polluted');
      assertUnchanged(before, await storedSnapshot(page));
      await banner.getByRole('button', { name: 'Dismiss' }).click();
    });
  }

  await check('bundles: HTML and script in notes and tags show as text; nothing runs', async () => {
    const first = bundle.annotations[0];
    const colleague = {
      ...first,
      id: 'e2e-hostile-note',
      author: `Mallory ${PAYLOAD}`,
      stance: first.stance === 'expands' ? 'narrows' : 'expands',
      rationale: `Look: ${PAYLOAD} [click](javascript:window.__pwned=3)`,
      tags: [PAYLOAD],
    };
    await importBundleText(
      page,
      'mallory.json',
      JSON.stringify({ ...bundle, annotations: [...bundle.annotations, colleague] }),
    );
    const report = page.getByTestId('merge-report');
    await report.waitFor({ timeout: 30_000 });
    assert(
      /1 verdicts added/.test(await page.getByTestId('merge-counts').innerText()),
      'the note did not come in',
    );
    await report.getByRole('button', { name: 'Open the project' }).click();
    await page.getByTestId('workspace').waitFor({ timeout: 30_000 });
    await page.locator(`[data-testid="tree-unit"][data-unit="${first.source}"]`).click();
    await eventually(
      async () => (await page.getByTestId('workspace').innerText()).includes('onerror='),
      true,
    );
    await page.getByTestId('nav-conflicts').click();
    await page.getByTestId('conflict-card').first().waitFor({ timeout: 20_000 });
    const conflicts = await page.locator('main').innerText();
    assert(
      conflicts.includes('<script>window.__pwned=2</script>'),
      'the conflict view does not show the note as text',
    );
    // The memo preview of the same review.
    await page
      .getByRole('button', { name: /Workspace/ })
      .first()
      .click();
    await page.getByTestId('open-export').click();
    const preview = await page.getByTestId('export-preview').innerText();
    assert(preview.includes('&lt;script&gt;'), 'the Markdown memo does not escape the note');
    await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click();
    const ran = await page.evaluate(() => ({
      pwned: /** @type {any} */ (window).__pwned,
      images: [...document.querySelectorAll('img')].filter((img) => img.getAttribute('src') === 'x').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__pwned'))
        .length,
    }));
    assert(ran.pwned === undefined, `a note's script ran (__pwned = ${ran.pwned})`);
    assert(ran.images === 0 && ran.scripts === 0, `a note became markup: ${JSON.stringify(ran)}`);
  });

  await check(
    'bundles: a project moves onto a revised code PDF; the report lists what lost its place',
    async () => {
      await page.getByTestId('nav-library').click();
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByTestId('import-code').click(),
      ]);
      await chooser.setFiles({
        name: 'code-draft.pdf',
        mimeType: 'application/pdf',
        buffer: readFileSync(join(root, 'fixtures', 'code-draft.pdf')),
      });
      await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
      const row = page
        .getByTestId('project-row')
        .filter({ has: page.locator('.pill', { hasText: 'sample' }) });
      await row.first().getByTestId('revise-project').click();
      const form = page.getByTestId('revise-form');
      await form.waitFor();
      const options = await page
        .getByTestId('revise-document')
        .locator('option')
        .evaluateAll((els) =>
          els.map((el) => ({ value: el.getAttribute('value') ?? '', text: el.textContent ?? '' })),
        );
      const draft = options.find((o) => o.text.includes('code-draft.pdf'));
      assert(
        draft !== undefined,
        `the revised PDF is not offered: ${options.map((o) => o.text).join(' | ')}`,
      );
      await page.getByTestId('revise-document').selectOption(draft.value);
      await page.getByTestId('revise-start').click();
      const report = page.getByTestId('merge-report');
      await report.waitFor({ timeout: 60_000 });
      const counts = await page.getByTestId('merge-counts').innerText();
      assert(/could not be placed/.test(counts), `the report says nothing of misplaced verdicts: ${counts}`);
      await report.getByRole('button', { name: 'Resolve conflicts…' }).click();
      await page.getByTestId('orphan-card').first().waitFor({ timeout: 20_000 });
      // The sample project itself is still there, unchanged in name.
      await page.getByTestId('nav-library').click();
      assert((await row.count()) === 1, 'the sample project is gone');
    },
  );
}
