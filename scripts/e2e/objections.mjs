/* global document, HTMLElement */
/**
 * Objections and the response memo (renderer/objections/ObjectionsView.tsx): in the sample project,
 * record two objections (who, when, where, the claim, the measures they concern, an assessment
 * and a response), see them kept across a reload, export the response memo (its preview and the
 * Markdown file list both objections with their provisions and responses), print it to PDF
 * through the browser's print dialog, and check the project bundle carries the objections.
 * Saves objections.png into each screenshots folder.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, check } from './harness.mjs';
import { eventually } from './helpers.mjs';

const OBJECTIONS = [
  {
    title: 'Reporting deadlines',
    raisedBy: 'Industry Association',
    date: '2025-08-14',
    source: 'Letter to the AI Office, p. 3',
    claim: 'The fixed deadlines have no basis in the Act.',
    response: 'The Act asks for reporting *without undue delay*; a fixed deadline is stricter. We concede.',
    assessment: 'founded',
  },
  {
    title: 'Scope of the documentation duty',
    raisedBy: 'Cloud Providers Forum',
    date: '2025-09-02',
    source: 'Consultation answer',
    claim: 'The measure documents more than the article requires.',
    response: 'The measure restates the article’s own list.',
    assessment: 'unfounded',
  },
];

/**
 * @param {{ page: import('playwright-core').Page, screenshots?: string[] }} env
 */
export async function objectionScenarios({ page, screenshots = [] }) {
  let open = false;
  await check('objections: two objections recorded in the sample project survive a reload', async () => {
    await page.getByTestId('nav-library').click();
    const row = page.getByTestId('project-row').filter({ has: page.locator('.pill', { hasText: 'sample' }) });
    await row.first().waitFor({ timeout: 20_000 });
    await row.first().locator('.project-open').click();
    await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
    // Settled first: leaving while the workspace still loads its search worker would abort that load.
    await page.getByTestId('unit-title').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await page.getByTestId('nav-objections').click();
    await page.getByTestId('objections').waitFor({ timeout: 20_000 });
    assert(/\/objections/.test(page.url()), `the Objections panel's URL is ${page.url()}`);
    open = true;
    for (const [i, o] of OBJECTIONS.entries()) {
      await page.getByTestId('objection-new').click();
      const editor = page.getByTestId('objection-editor');
      await editor.waitFor();
      await page.getByTestId('objection-title').fill(o.title);
      await page.getByTestId('objection-raised-by').fill(o.raisedBy);
      await page.getByTestId('objection-date').fill(o.date);
      await page.getByTestId('objection-source').fill(o.source);
      await page.getByTestId('objection-claim').fill(o.claim);
      // The first objection concerns the first measure, the second the second.
      const attach = page.getByTestId('objection-attach');
      const values = await attach
        .locator('option')
        .evaluateAll((options) => options.map((el) => el.getAttribute('value') ?? ''));
      const measures = values.filter((v) => v.startsWith('msr_'));
      assert(measures.length > i, `only ${measures.length} measures to attach`);
      await attach.selectOption(measures[i] ?? '');
      await page.getByTestId('objection-attach-add').click();
      await page.getByTestId(`objection-assessment-${o.assessment}`).check();
      await page.getByTestId('objection-response').fill(o.response);
      await page.getByTestId('objection-response').blur();
      await eventually(async () => (await page.getByTestId('objection-item').count()) === i + 1, true);
    }
    // Let the last pause-save land (and background loads settle), then reload: both are read back
    // from IndexedDB.
    await page.waitForTimeout(500);
    await page.waitForLoadState('networkidle');
    await page.reload();
    await page.getByTestId('objections').waitFor({ timeout: 30_000 });
    await eventually(async () => (await page.getByTestId('objection-item').count()) === 2, true);
    await page
      .getByTestId('objection-item')
      .filter({ hasText: OBJECTIONS[0]?.title ?? '' })
      .click();
    const title = await page.getByTestId('objection-title').inputValue();
    assert(title === OBJECTIONS[0]?.title, `title read back: ${title}`);
    const response = await page.getByTestId('objection-response').inputValue();
    assert(response === OBJECTIONS[0]?.response, `response read back: ${response}`);
    assert(
      (await page.getByTestId('objection-units').locator('li').count()) === 1,
      'the attached measure is gone',
    );
    for (const dir of screenshots) {
      mkdirSync(dir, { recursive: true });
      await page.evaluate(
        () => document.activeElement instanceof HTMLElement && document.activeElement.blur(),
      );
      await page.screenshot({ path: join(dir, 'objections.png') });
    }
  });
  if (!open) return;

  await check(
    'objections: the response memo lists both, with provisions and responses; PDF and bundle',
    async () => {
      await page.getByTestId('objections-export').click();
      const dialog = page.getByTestId('export-dialog');
      await dialog.waitFor();
      assert(await page.getByTestId('template-response').isChecked(), 'the response template is not chosen');
      const preview = await page.getByTestId('export-preview').innerText();
      for (const [i, o] of OBJECTIONS.entries()) {
        assert(preview.includes(`## Objection ${i + 1} — ${o.title}`), `preview lacks objection ${i + 1}`);
        assert(preview.includes(o.claim), `preview lacks the claim of objection ${i + 1}`);
      }
      assert(preview.includes('### Provisions concerned'), 'preview lacks the provisions');
      assert(/Founded: /.test(preview) && /Unfounded: /.test(preview), 'preview lacks the assessments');
      const [memo] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-save').click(),
      ]);
      assert(/response\.md$/.test(memo.suggestedFilename()), `memo saved as ${memo.suggestedFilename()}`);
      const text = readFileSync(await memo.path(), 'utf8');
      assert(
        text.includes('We concede.') && text.includes('restates the article'),
        'the memo lacks a response',
      );
      assert(/#{5} Article \d+/.test(text), 'the memo quotes no article under the measures');

      // PDF: the web build hands the memo's HTML to the browser's print dialog, in a sandboxed frame.
      await dialog.getByText('Memo (PDF)').click();
      await page.getByTestId('export-save').click();
      await eventually(
        async () => (await page.getByTestId('export-message').innerText()).includes('Save as PDF'),
        true,
      );
      const frame = await page.evaluate(() => {
        const el = document.querySelector('iframe[data-testid="print-frame"]');
        return el === null
          ? null
          : { sandbox: el.getAttribute('sandbox'), text: el.contentDocument?.body?.innerText ?? '' };
      });
      if (frame !== null) {
        assert(
          !/allow-scripts/.test(frame.sandbox ?? ''),
          `the print frame may run scripts: ${frame.sandbox}`,
        );
        assert(frame.text.includes('Objection 1'), 'the print frame does not hold the response memo');
      }

      await dialog.getByText('Project bundle for a colleague (JSON)').click();
      const [bundle] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-save').click(),
      ]);
      const parsed = JSON.parse(readFileSync(await bundle.path(), 'utf8'));
      assert(parsed.version === 2, `bundle version ${parsed.version}`);
      assert(parsed.objections?.length === 2, `the bundle carries ${parsed.objections?.length} objections`);
      await dialog.getByRole('button', { name: 'Close' }).click();
    },
  );
}
