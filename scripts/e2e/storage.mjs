/* global window, IDBObjectStore */
/**
 * Data safety in the real browser: IndexedDB is made to refuse every write with the
 * QuotaExceededError a full disk gives (IDBObjectStore's put and add are replaced in the page), a
 * rationale is typed, the storage banner says so and the edit stays in the editor and in the
 * localStorage mirror; once "space is freed", Retry now saves it and a reload shows it stored.
 * Then the same with a reload during the outage: the mirrored edit is saved on the next start.
 * Last, backups on the web: Back up now downloads the project's bundle, and Restore from backup
 * turns that file into a new project.
 */
import { readFile } from 'node:fs/promises';
import { assert, check } from './harness.mjs';
import { eventually, setUnitRationale } from './helpers.mjs';

/** Makes every IndexedDB write in the page fail as a full disk does (until `liftDiskFull`). */
const fillDisk = (/** @type {import('playwright-core').Page} */ page) =>
  page.evaluate(() => {
    const proto = IDBObjectStore.prototype;
    const w = /** @type {Record<string, any>} */ (/** @type {unknown} */ (window));
    w['__crosswalkOriginal'] ??= { put: proto.put, add: proto.add };
    w['__crosswalkDiskFull'] = true;
    for (const method of /** @type {const} */ (['put', 'add'])) {
      proto[method] = function (/** @type {unknown[]} */ ...args) {
        if (w['__crosswalkDiskFull'])
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return w['__crosswalkOriginal'][method].apply(this, args);
      };
    }
  });

const liftDiskFull = (/** @type {import('playwright-core').Page} */ page) =>
  page.evaluate(() => {
    /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window))['__crosswalkDiskFull'] = false;
  });

/** The edits the page keeps in localStorage while IndexedDB refuses them (its last resort). */
const mirrored = (/** @type {import('playwright-core').Page} */ page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('crosswalk:unsaved:'))
      .map((key) => localStorage.getItem(key) ?? '')
      .join('\n'),
  );

/**
 * A reload that waits for the page to finish loading first (its search worker included): a
 * reload while the worker's script is still coming would abort that request, which the harness
 * counts as a failure. (`waitForLoadState('networkidle')` does not do: it returns at once once the
 * page has been idle a single time.)
 * @param {import('playwright-core').Page} page
 */
function settledReloader(page) {
  /** @type {Set<import('playwright-core').Request>} */
  const inFlight = new Set();
  page.on('request', (request) => inFlight.add(request));
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => inFlight.delete(request));
  return async () => {
    const deadline = Date.now() + 30_000;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      const worker = page.workers().some((w) => /search\.worker/.test(w.url()));
      if (!worker || inFlight.size > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= 500) break;
      await page.waitForTimeout(50);
    }
    inFlight.clear();
    await page.reload();
  };
}

/**
 * @param {{ page: import('playwright-core').Page }} env
 */
export async function storageScenarios({ page }) {
  const rationale = () => page.getByTestId('unit-editor').getByTestId('rationale');
  const banner = page.getByTestId('storage-banner');
  const reloadWhenSettled = settledReloader(page);

  let opened = false;
  await check('storage: the sample project opens', async () => {
    await page.getByTestId('nav-library').click();
    const row = page.getByTestId('project-row').filter({ has: page.locator('.pill', { hasText: 'sample' }) });
    await row.first().locator('.project-open').click();
    await rationale().waitFor({ timeout: 30_000 });
    opened = true;
  });
  if (!opened) return;

  const first = `Typed while the disk was full (${Date.now()}).`;
  await check(
    'storage: a full disk is said in plain words, and the edit is kept in memory and mirrored',
    async () => {
      await fillDisk(page);
      await setUnitRationale(page, first);
      await banner.waitFor({ timeout: 10_000 });
      assert((await banner.getAttribute('role')) === 'alert', 'the storage banner is not an alert');
      const said = await banner.innerText();
      assert(said.includes('Your disk is full'), `the banner says: ${said}`);
      assert(said.includes('waiting to be saved'), `the banner does not count the waiting edits: ${said}`);
      assert((await rationale().inputValue()) === first, 'the editor lost the text typed during the outage');
      assert((await mirrored(page)).includes(first), 'the waiting edit is not mirrored in localStorage');
      // Still failing: Retry now keeps it waiting (and the banner up).
      await page.getByTestId('storage-retry').click();
      await page.waitForTimeout(300);
      assert(await banner.isVisible(), 'the banner went away while writes still fail');
    },
  );

  await check(
    'storage: once space is freed, Retry now saves the edit; after a reload it is there',
    async () => {
      await liftDiskFull(page);
      await page.getByTestId('storage-retry').click();
      await banner.waitFor({ state: 'detached', timeout: 10_000 });
      await eventually(() => mirrored(page), '');
      await reloadWhenSettled();
      await rationale().waitFor({ timeout: 30_000 });
      await eventually(() => rationale().inputValue(), first);
    },
  );

  const second = `Typed before a reload during the outage (${Date.now()}).`;
  await check(
    'storage: an edit still unsaved when the window reloads is saved on the next start',
    async () => {
      await fillDisk(page);
      await setUnitRationale(page, second);
      await banner.waitFor({ timeout: 10_000 });
      assert((await mirrored(page)).includes(second), 'the waiting edit is not mirrored in localStorage');
      // The reload loads a fresh page, whose IndexedDB works: the mirror is read back and saved.
      await reloadWhenSettled();
      await rationale().waitFor({ timeout: 30_000 });
      await eventually(() => rationale().inputValue(), second);
      const recovered = await banner.innerText();
      assert(recovered.includes('earlier session'), `no word of the recovered edit: ${recovered}`);
      await eventually(() => mirrored(page), '');
      await reloadWhenSettled();
      await rationale().waitFor({ timeout: 30_000 });
      await eventually(() => rationale().inputValue(), second);
    },
  );

  /** @type {string | null} */ let backupPath = null;
  await check('backups (web): Back up now downloads the project as a bundle', async () => {
    await page.getByTestId('open-backups').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('backup-now').click(),
    ]);
    assert(
      / backup \d{4}-\d{2}-\d{2} \d{2}-\d{2}\.crosswalk\.json$/.test(download.suggestedFilename()),
      download.suggestedFilename(),
    );
    backupPath = await download.path();
    const bundle = JSON.parse(await readFile(backupPath, 'utf8'));
    assert(bundle.format === 'crosswalk-bundle', 'the backup is not a bundle');
    assert(
      bundle.annotations.some((/** @type {{ rationale: string }} */ a) => a.rationale === second),
      'the backup lacks the latest rationale',
    );
    await page.getByTestId('backup-notice').waitFor();
  });

  await check(
    'backups (web): Restore from a backup file makes a new project beside the current one',
    async () => {
      assert(backupPath !== null, 'no backup was downloaded');
      await page.getByTestId('nav-library').click();
      await page.getByTestId('project-row').first().waitFor();
      const rowsBefore = await page.getByTestId('project-row').count();
      await page.getByTestId('open-backups').click();
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByTestId('restore-file').click(),
      ]);
      await chooser.setFiles(backupPath);
      await page.getByTestId('restore-merge').waitFor();
      await page.getByTestId('restore-copy').click();
      const report = page.getByTestId('merge-report');
      await report.waitFor({ timeout: 30_000 });
      const counts = await report.getByTestId('merge-counts').innerText();
      assert(/[1-9]\d* verdicts added/.test(counts), `the restore added no verdicts: ${counts}`);
      await report.getByRole('button', { name: 'Close' }).click();
      await page.getByTestId('nav-library').click();
      await eventually(() => page.getByTestId('project-row').count(), rowsBefore + 1);
      const names = await page.getByTestId('project-row').allInnerTexts();
      assert(
        names.some((name) => name.includes('(restored')),
        `no restored project in ${names.join(' | ')}`,
      );
    },
  );
}
