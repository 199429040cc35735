/** Page actions the scenarios share: importing through the file chooser, picking a unit, editing a verdict. */
import { assert } from './harness.mjs';

export const IMPORT_TIMEOUT_MS = 120_000;

/**
 * Imports a PDF through the library's Import button and waits for the outcome.
 * @param {import('playwright-core').Page} page
 * @param {'law' | 'code'} role
 * @param {{ name: string, mimeType: string, buffer: Buffer }} file
 * @returns {Promise<string>} the status line shown when the import ended
 */
export async function importThroughUi(page, role, file) {
  await page.getByTestId('nav-library').click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 10_000 }),
    page.getByTestId(`import-${role}`).click(),
  ]);
  await chooser.setFiles(file);
  const done = page.getByTestId('import-done');
  const error = page.getByTestId('error');
  await done.or(error).first().waitFor({ timeout: IMPORT_TIMEOUT_MS });
  if (await error.isVisible()) throw new Error(`import failed: ${await error.innerText()}`);
  return done.innerText();
}

/** @param {import('playwright-core').Page} page @param {string} unitId */
export async function selectUnit(page, unitId) {
  const row = page.locator(`[data-testid="tree-unit"][data-unit="${unitId}"]`);
  if ((await row.count()) === 0) {
    // Points are inside their measure: open the measure first.
    const measure = unitId.split('__')[0] ?? unitId;
    await page.locator(`[data-testid="tree-unit"][data-unit="${measure}"]`).click();
  }
  await row.click();
  await page.getByTestId('unit-title').waitFor();
}

/** The unit editor's stance radio. @param {import('playwright-core').Page} page @param {string} stance */
export async function setUnitStance(page, stance) {
  await page.getByTestId('unit-editor').getByRole('radio', { name: stance, exact: true }).check();
}

/** Types a rationale and leaves the field (which saves it). @param {import('playwright-core').Page} page @param {string} text */
export async function setUnitRationale(page, text) {
  const field = page.getByTestId('unit-editor').getByTestId('rationale');
  await field.fill(text);
  await field.blur();
}

/** @param {import('playwright-core').Page} page @param {string} tag */
export async function addUnitTag(page, tag) {
  const input = page.getByTestId('unit-editor').getByTestId('tag-input');
  await input.fill(tag);
  await input.press('Enter');
  await page.getByTestId('unit-editor').getByTestId('tag').filter({ hasText: tag }).waitFor();
}

/** Waits until `read()` returns `expected` (the live queries settle asynchronously). */
export async function eventually(
  /** @type {() => Promise<unknown>} */ read,
  /** @type {unknown} */ expected,
  timeoutMs = 10_000,
) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert(false, `expected ${JSON.stringify(expected)}, still ${JSON.stringify(last)}`);
}
