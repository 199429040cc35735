/**
 * The app on synthetic input: first run opens the sample project; a review step in it; the
 * library's import errors, progress and Cancel; re-import recognised by fingerprint.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, check, longPdf } from './harness.mjs';
import { addUnitTag, eventually, importThroughUi, setUnitRationale, setUnitStance } from './helpers.mjs';

/**
 * @param {{ page: import('playwright-core').Page, origin: string, root: string, traffic: Awaited<ReturnType<typeof import('./harness.mjs').watchTraffic>> }} env
 */
export async function appScenarios({ page, origin, root, traffic }) {
  await check('first run opens the sample project in the workspace', async () => {
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
    const units = await page.getByTestId('tree-unit').count();
    assert(units > 0, 'the code tree is empty');
    const progress = await page.getByTestId('progress-reviewed').innerText();
    assert(/^0 of \d+ reviewed$/.test(progress.trim()), `progress reads "${progress}"`);
    assert(/Sample/.test(await page.locator('.ws-title').innerText()), 'not the sample project');
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
  });

  await check('sample: accept a suggestion, record a verdict, the tree and progress follow', async () => {
    const measure = page.locator('[data-testid="tree-unit"][data-unit^="msr_"]').first();
    const unitId = await measure.getAttribute('data-unit');
    await measure.click();
    const suggestion = page.locator('[data-testid="link-card"][data-status="suggested"]').first();
    await suggestion.waitFor({ timeout: 10_000 });
    const target = await suggestion.getAttribute('data-target');
    await suggestion.getByTestId('accept-link').click();
    await page
      .locator(`[data-testid="link-card"][data-status="accepted"][data-target="${target}"]`)
      .waitFor();
    await setUnitStance(page, 'clarifies');
    await setUnitRationale(page, 'The measure spells out what the article already requires.');
    await addUnitTag(page, 'sample-tag');
    await page.getByTestId('unit-editor').getByTestId('status').selectOption('reviewed');
    const badge = page.locator(
      `[data-testid="tree-unit"][data-unit="${unitId}"] ~ [data-testid="stance-badge"]`,
    );
    await eventually(async () => (await badge.innerText()).trim(), 'clarifies ✓');
    await eventually(
      async () =>
        /^1 of \d+ reviewed$/.test((await page.getByTestId('progress-reviewed').innerText()).trim()),
      true,
    );
  });

  await check(
    'sample: export a memo and a bundle; importing the bundle back adds nothing twice',
    async () => {
      await page.getByTestId('open-export').click();
      const dialog = page.getByTestId('export-dialog');
      await dialog.waitFor();
      const preview = await page.getByTestId('export-preview').innerText();
      assert(
        preview.includes('The measure spells out what the article already requires.'),
        'memo preview lacks the rationale',
      );
      assert(/clarifies/.test(preview), 'memo preview lacks the stance');
      const [memo] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-save').click(),
      ]);
      assert(memo.suggestedFilename().endsWith('.md'), `memo saved as ${memo.suggestedFilename()}`);
      await dialog.getByText('Memo (Word, DOCX)').click();
      const [word] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-save').click(),
      ]);
      assert(word.suggestedFilename().endsWith('.docx'), `Word memo saved as ${word.suggestedFilename()}`);
      const docx = readFileSync(await word.path());
      assert(
        docx.subarray(0, 4).toString('latin1') === 'PK\x03\x04',
        'the Word memo is not a ZIP (DOCX) file',
      );
      await dialog.getByText('Project bundle for a colleague (JSON)').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-save').click(),
      ]);
      const path = await download.path();
      const text = readFileSync(path, 'utf8');
      assert(JSON.parse(text).format === 'crosswalk-bundle', 'the bundle is not a Crosswalk bundle');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await page.getByTestId('nav-library').click();
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByTestId('import-bundle').click(),
      ]);
      await chooser.setFiles({
        name: 'sample.crosswalk.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      const report = page.getByTestId('merge-report');
      await report.waitFor({ timeout: 30_000 });
      const counts = await page.getByTestId('merge-counts').innerText();
      assert(
        /0 links added/.test(counts) && /0 verdicts added, 1 already here/.test(counts),
        `merge report: ${counts}`,
      );
      await report.getByRole('button', { name: 'Close' }).click();
    },
  );

  await check('a file that is not a PDF gets a plain-language error, not a stack trace', async () => {
    const before = traffic.consoleErrors.length;
    let message = '';
    try {
      await importThroughUi(page, 'law', {
        name: 'notes.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('just some text'),
      });
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    assert(message.startsWith('import failed: '), `no error shown (${message})`);
    assert(
      !/\bat\s+\S+\s+\(|Exception|undefined|\[object/.test(message),
      `error reads like a crash: ${message}`,
    );
    // pdf.js may log why it rejected the bytes; expected for this one file.
    traffic.consoleErrors.splice(before);
  });

  await check('a long import shows progress by page, Cancel stops it and stores nothing', async () => {
    const rowsBefore = await page.getByTestId('doc-row').count();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByTestId('import-law').click(),
    ]);
    await chooser.setFiles({ name: 'long.pdf', mimeType: 'application/pdf', buffer: await longPdf(400) });
    await page
      .getByTestId('progress')
      .filter({ hasText: /page \d+ of 400$/ })
      .waitFor({ timeout: 30_000 });
    await page.getByTestId('cancel-import').click();
    await page.getByText('Import of long.pdf cancelled. Nothing was stored.').waitFor({ timeout: 10_000 });
    assert(await page.getByTestId('import-law').isEnabled(), 'Import stays disabled');
    assert(
      (await page.getByTestId('doc-row').count()) === rowsBefore,
      'a cancelled import left a document behind',
    );
  });

  await check('re-importing a document already in the library is recognised by its fingerprint', async () => {
    const buffer = readFileSync(join(root, 'fixtures', 'act.pdf'));
    const rowsBefore = await page.getByTestId('doc-row').count();
    const text = await importThroughUi(page, 'law', {
      name: 'act-copy.pdf',
      mimeType: 'application/pdf',
      buffer,
    });
    assert(/already in your library/.test(text), `status: ${text}`);
    assert((await page.getByTestId('doc-row').count()) === rowsBefore, 'the same file was added twice');
  });

  await check("parsing ran in the app's own worker (not on the page)", async () => {
    assert(
      traffic.workers.some((url) => /pipeline\.worker-[\w-]+\.js$/.test(new URL(url).pathname)),
      `workers seen: ${traffic.workers.join(', ') || 'none'}`,
    );
  });
}
