/* global document, HTMLElement */
/**
 * The acceptance flow on the real documents: import the AI Act and the Code's Safety and
 * Security chapter through the UI, open Measure 9.3, accept Article 55(1)(c), record "expands"
 * with a rationale and a tag, reload, undo and redo. Screenshots of the library and workspace.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, check, skip } from './harness.mjs';
import {
  addUnitTag,
  eventually,
  importThroughUi,
  selectUnit,
  setUnitRationale,
  setUnitStance,
} from './helpers.mjs';

const LAW = 'ai-act-2024-1689.pdf';
const CODE = 'gpai-cop-final-safety-security-2025-07.pdf';
const TARGET = 'art_55__para_1__point_c';
const RATIONALE =
  'Article 55(1)(c) requires reporting serious incidents "without undue delay"; the measure fixes 2, 5, 10 and 15 days.';

/**
 * @param {{ page: import('playwright-core').Page, root: string, screenshots: string[] }} env
 */
export async function corpusScenarios({ page, root, screenshots }) {
  const corpus = join(root, '..', 'shared', 'corpus');
  if (!existsSync(join(corpus, LAW)) || !existsSync(join(corpus, CODE))) {
    skip(
      'real documents: import, link, review Measure 9.3, reload, undo/redo',
      `../shared/corpus (${LAW}, ${CODE}) is not next to this checkout`,
    );
    return;
  }
  const file = (/** @type {string} */ name) => ({
    name,
    mimeType: 'application/pdf',
    buffer: readFileSync(join(corpus, name)),
  });
  const shoot = async (/** @type {string} */ name) => {
    // As a user would first see it: focus nowhere, every pane scrolled to its top.
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      for (const el of document.querySelectorAll('.pane, .library')) el.scrollTop = 0;
    });
    for (const dir of screenshots) {
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, name) });
    }
  };

  let imported = false;
  await check('real documents: both PDFs import through the UI', async () => {
    const law = await importThroughUi(page, 'law', file(LAW));
    assert(/Imported .*144 pages/.test(law), `law: ${law}`);
    const code = await importThroughUi(page, 'code', file(CODE));
    assert(/Imported .*code of practice/.test(code), `code: ${code}`);
    imported = true;
  });
  if (!imported) return;

  await check('real documents: a project suggests Article 55(1)(c) for Measure 9.3; accept it', async () => {
    const lawRow = page.locator('[data-testid="doc-row"][data-kind="act"]').first();
    const codeRow = page
      .locator('[data-testid="doc-row"][data-kind="code"]')
      .filter({ hasText: 'Safety' })
      .first();
    await page.getByTestId('project-law').selectOption((await lawRow.getAttribute('data-fingerprint')) ?? '');
    await page
      .getByTestId('project-code')
      .selectOption((await codeRow.getAttribute('data-fingerprint')) ?? '');
    await page.locator('.new-project input[type="text"]').fill('AI Act vs Safety and Security');
    await shoot('library.png');
    await page.getByTestId('create-project').click();
    await page.getByTestId('workspace').waitFor({ timeout: 120_000 });
    await selectUnit(page, 'msr_9.3');
    const title = await page.getByTestId('unit-title').innerText();
    assert(title.startsWith('Measure 9.3'), `title: ${title}`);
    const card = page.locator(`[data-testid="link-card"][data-target="${TARGET}"]`);
    await card.waitFor({ timeout: 10_000 });
    assert(
      (await card.getAttribute('data-status')) === 'suggested',
      'Article 55(1)(c) is not among the suggestions',
    );
    assert(
      (await card.locator('h3').innerText()).trim() === 'Article 55(1), point (c)',
      'citation is not exact',
    );
    await card.getByTestId('accept-link').click();
    await page
      .locator(`[data-testid="link-card"][data-target="${TARGET}"][data-status="accepted"]`)
      .waitFor();
  });

  await check('real documents: record "expands" with a rationale and a tag', async () => {
    await setUnitStance(page, 'expands');
    await setUnitRationale(page, RATIONALE);
    await addUnitTag(page, 'deadlines');
    const highlighted = await page.getByTestId('unit-text').locator('mark.code-only').count();
    assert(highlighted > 0, 'no wording of the measure is marked as absent from the Act');
    await shoot('workspace.png');
  });

  await check('real documents: after a reload everything is still there', async () => {
    await page.reload({ waitUntil: 'load' });
    await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
    assert(
      (await page.getByTestId('unit-title').innerText()).startsWith('Measure 9.3'),
      'reload lost the selected unit',
    );
    await page
      .locator(`[data-testid="link-card"][data-target="${TARGET}"][data-status="accepted"]`)
      .waitFor();
    const editor = page.getByTestId('unit-editor');
    assert(await editor.getByRole('radio', { name: 'expands', exact: true }).isChecked(), 'stance lost');
    await eventually(() => editor.getByTestId('rationale').inputValue(), RATIONALE);
    await eventually(
      () =>
        editor
          .getByTestId('tag')
          .allInnerTexts()
          .then((t) => t.map((s) => s.replace('×', '').trim())),
      ['deadlines'],
    );
  });

  await check('real documents: undo and redo', async () => {
    const editor = page.getByTestId('unit-editor');
    const tags = () => editor.getByTestId('tag').count();
    await page.getByTestId('undo').click();
    await eventually(tags, 0);
    await page.getByTestId('undo').click();
    await eventually(() => editor.getByTestId('rationale').inputValue(), '');
    await page.getByTestId('redo').click();
    await eventually(() => editor.getByTestId('rationale').inputValue(), RATIONALE);
    await page.getByTestId('redo').click();
    await eventually(tags, 1);
    assert(
      await editor.getByRole('radio', { name: 'expands', exact: true }).isChecked(),
      'stance lost by undo/redo',
    );
  });
}
