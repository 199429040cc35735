/* global indexedDB, requestAnimationFrame */
/**
 * Broken and hostile PDFs through the library's import, as a user meets them: every case gives a
 * plain message, leaves the app usable, and changes nothing stored (every IndexedDB store's
 * records are hashed before and after). The encrypted PDF asks for its password (Cancel, a wrong
 * one, then the right one), which is stored nowhere. A PDF full of actions opens no window, no
 * download, no dialog and no request. A 1,200-page document shows progress, keeps the page
 * responsive and is cancelled. Documents this scenario adds are removed again at its end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { largePdf } from '../make-hostile.mjs';
import { assert, check } from './harness.mjs';
import { IMPORT_TIMEOUT_MS } from './helpers.mjs';

/**
 * Per store: the number of records and a SHA-256 of all of them (keys and values, bytes included).
 * Read with the raw IndexedDB API, not the app's own code, so a bug there cannot hide a change.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Record<string, { count: number, digest: string, text: string }>>}
 */
export function storedSnapshot(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('crosswalk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    /** @param {unknown} _key @param {unknown} value */
    const bytes = (_key, value) => {
      if (ArrayBuffer.isView(value)) return `bytes:${Array.from(new Uint8Array(value.buffer)).join(',')}`;
      if (value instanceof ArrayBuffer) return `bytes:${Array.from(new Uint8Array(value)).join(',')}`;
      if (value instanceof Blob) return `blob:${value.size}`;
      return value;
    };
    /** @type {Record<string, { count: number, digest: string, text: string }>} */
    const out = {};
    try {
      for (const name of Array.from(db.objectStoreNames).sort()) {
        const store = db.transaction(name, 'readonly').objectStore(name);
        const [keys, values] = await Promise.all(
          [store.getAllKeys(), store.getAll()].map(
            (request) =>
              new Promise((resolve, reject) => {
                request.onsuccess = () => resolve(request.result);
                request.onerror = () => reject(request.error);
              }),
          ),
        );
        const text = JSON.stringify([keys, values], bytes);
        const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
        out[name] = {
          count: /** @type {unknown[]} */ (keys).length,
          digest: Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join(''),
          // Kept for the password search below; not compared (the digest is).
          text: text.length > 2_000_000 ? '' : text,
        };
      }
    } finally {
      db.close();
    }
    return out;
  });
}

/** @param {Awaited<ReturnType<typeof storedSnapshot>>} before @param {Awaited<ReturnType<typeof storedSnapshot>>} after */
export function assertUnchanged(before, after) {
  const changed = Object.keys({ ...before, ...after }).filter(
    (name) => before[name]?.digest !== after[name]?.digest,
  );
  assert(
    changed.length === 0,
    `stored data changed in ${changed
      .map((name) => `${name} (${before[name]?.count ?? 0} → ${after[name]?.count ?? 0} records)`)
      .join(', ')}`,
  );
}

/** Every record of every store, and local and session storage, as one text. @param {import('playwright-core').Page} page */
async function everythingStored(page) {
  const stores = Object.values(await storedSnapshot(page)).map((store) => store.text);
  const web = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  return `${stores.join('\n')}\n${web}`;
}

/** @param {string} text @param {string} word */
const occurrences = (text, word) => text.split(word).length - 1;

/** @param {string} name @param {Buffer | Uint8Array} buffer */
const pdf = (name, buffer) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(buffer) });

/**
 * Picks a file with the library's Import button; waits for the outcome without judging it.
 * @param {import('playwright-core').Page} page
 * @param {ReturnType<typeof pdf>} file
 * @returns {Promise<'done' | 'error' | 'password'>}
 */
async function startImport(page, file, role = 'law') {
  await page.getByTestId('nav-library').click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 10_000 }),
    page.getByTestId(`import-${role}`).click(),
  ]);
  // The previous import's message is still on screen until this one starts: wait for it to go, or
  // its "done" would be read as this import's outcome.
  const stale = await page.$('[data-testid="import-done"], [data-testid="error"]');
  await chooser.setFiles(file);
  if (stale !== null) await stale.waitForElementState('hidden', { timeout: 30_000 }).catch(() => undefined);
  return outcome(page);
}

/** @param {import('playwright-core').Page} page @returns {Promise<'done' | 'error' | 'password'>} */
async function outcome(page) {
  const done = page.getByTestId('import-done');
  const error = page.getByTestId('error');
  const password = page.getByRole('dialog', { name: 'Password needed' });
  await done.or(error).or(password).first().waitFor({ timeout: IMPORT_TIMEOUT_MS });
  if (await password.isVisible()) return 'password';
  return (await error.isVisible()) ? 'error' : 'done';
}

/** The app still works: the Import buttons are back and the sample project opens. @param {import('playwright-core').Page} page */
async function assertUsable(page) {
  assert(await page.getByTestId('import-law').isEnabled(), 'Import law stays disabled');
  assert(await page.getByTestId('import-code').isEnabled(), 'Import code stays disabled');
}

/**
 * Removes a document this scenario imported, through the library's Remove button.
 * @param {import('playwright-core').Page} page @param {string} fingerprint
 */
async function removeDocument(page, fingerprint) {
  const row = page.locator(`[data-testid="doc-row"][data-fingerprint="${fingerprint}"]`);
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: 'Remove' }).click();
  await row.waitFor({ state: 'detached', timeout: 10_000 });
}

/** The fingerprint of the newest row. @param {import('playwright-core').Page} page @param {string} fileName */
async function rowFor(page, fileName) {
  const row = page.getByTestId('doc-row').filter({ hasText: fileName });
  await row.waitFor({ timeout: 10_000 });
  return {
    fingerprint: (await row.getAttribute('data-fingerprint')) ?? '',
    kind: (await row.getAttribute('data-kind')) ?? '',
  };
}

/**
 * Watches for anything a hostile PDF could make happen: a new window or tab, a download, a
 * JavaScript dialog, a request for one of its addresses or to another origin, its script's mark
 * on the page. `settle()` waits for scheduled actions to fire, then fails on any of them.
 * @param {import('playwright-core').Page} page
 * @param {Awaited<ReturnType<typeof import('./harness.mjs').watchTraffic>>} traffic
 */
function watchSideEffects(page, traffic) {
  const context = page.context();
  /** @type {string[]} */ const events = [];
  const onPage = (/** @type {import('playwright-core').Page} */ opened) =>
    events.push(`new page ${opened.url()}`);
  const onDownload = (/** @type {import('playwright-core').Download} */ d) =>
    events.push(`download ${d.suggestedFilename()}`);
  const onDialog = (/** @type {import('playwright-core').Dialog} */ d) => {
    events.push(`dialog ${d.type()}: ${d.message()}`);
    void d.dismiss();
  };
  const onRequest = (/** @type {import('playwright-core').Request} */ r) => {
    if (/198\.51\.100\.|beacon|run-me/.test(r.url())) events.push(`request ${r.url()}`);
  };
  context.on('page', onPage);
  page.on('download', onDownload);
  page.on('dialog', onDialog);
  context.on('request', onRequest);
  const foreignBefore = traffic.foreign.length;
  const pagesBefore = context.pages().length;
  const stop = () => {
    context.off('page', onPage);
    page.off('download', onDownload);
    page.off('dialog', onDialog);
    context.off('request', onRequest);
  };
  return {
    stop,
    async settle() {
      await page.waitForTimeout(1500);
      assert(
        !(await page.evaluate(() => 'crosswalkHostileScriptRan' in globalThis)),
        "the PDF's script ran in the page",
      );
      assert(events.length === 0, events.join('\n'));
      assert(context.pages().length === pagesBefore, 'a window was opened');
      assert(traffic.foreign.length === foreignBefore, traffic.foreign.slice(foreignBefore).join('\n'));
      // The app's own confirmations (Remove) must get through again.
      stop();
    },
  };
}

/**
 * @param {{ page: import('playwright-core').Page, root: string, traffic: Awaited<ReturnType<typeof import('./harness.mjs').watchTraffic>> }} env
 */
export async function hostileScenarios({ page, root, traffic }) {
  const fixture = (/** @type {string} */ path) => readFileSync(join(root, 'fixtures', path));
  await page.getByTestId('nav-library').click();
  await page.getByTestId('import-law').waitFor();
  const initial = await storedSnapshot(page);

  const broken = [
    ['empty.pdf', /The file is empty/],
    ['not-a-pdf.pdf', /The file is not a PDF/],
    ['truncated.pdf', /damaged or incomplete/],
    ['header-only.pdf', /damaged or incomplete/],
    ['corrupted.pdf', /damaged/],
    ['scanned.pdf', /no text layer .*OCR/],
  ];
  for (const [name, message] of broken) {
    await check(`broken/${name}: a plain message, the app usable, nothing stored`, async () => {
      const before = await storedSnapshot(page);
      const rows = await page.getByTestId('doc-row').count();
      const consoleBefore = traffic.consoleErrors.length;
      const result = await startImport(page, pdf(name, fixture(join('broken', name))));
      assert(result === 'error', `the import ended with "${result}", not an error`);
      const shown = await page.getByTestId('error').innerText();
      assert(message.test(shown), `message: ${shown}`);
      assert(
        /Nothing was stored\.$/.test(shown.trim()),
        `the message does not say nothing was stored: ${shown}`,
      );
      assert(!/\bat\s+\S+\s+\(|Exception|undefined|\[object/.test(shown), `reads like a crash: ${shown}`);
      await assertUsable(page);
      assert((await page.getByTestId('doc-row').count()) === rows, 'a document row was added');
      assertUnchanged(before, await storedSnapshot(page));
      // pdf.js may log why it rejected a damaged file; an uncaught error of ours would still fail.
      const logged = traffic.consoleErrors.splice(consoleBefore);
      assert(!logged.some((line) => line.startsWith('page error:')), logged.join('\n'));
    });
  }

  await check('encrypted.pdf: asks for the password; Cancel stores nothing', async () => {
    const before = await storedSnapshot(page);
    const result = await startImport(page, pdf('encrypted.pdf', fixture('broken/encrypted.pdf')));
    assert(result === 'password', `no password dialog (${result})`);
    const dialog = page.getByRole('dialog', { name: 'Password needed' });
    const field = dialog.getByLabel('Password');
    assert((await field.getAttribute('type')) === 'password', 'the field shows what is typed');
    assert(
      await field.evaluate((element) => element === element.ownerDocument.activeElement),
      'the password field does not have the focus',
    );
    assertUnchanged(before, await storedSnapshot(page));
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page
      .getByText('Import of encrypted.pdf cancelled. Nothing was stored.')
      .waitFor({ timeout: 10_000 });
    assert(!(await dialog.isVisible()), 'the dialog stayed open');
    await assertUsable(page);
    assertUnchanged(before, await storedSnapshot(page));
  });

  await check('encrypted.pdf: Escape cancels the question too', async () => {
    const before = await storedSnapshot(page);
    assert(
      (await startImport(page, pdf('encrypted.pdf', fixture('broken/encrypted.pdf')))) === 'password',
      'no password dialog',
    );
    await page.keyboard.press('Escape');
    await page
      .getByText('Import of encrypted.pdf cancelled. Nothing was stored.')
      .waitFor({ timeout: 10_000 });
    assertUnchanged(before, await storedSnapshot(page));
  });

  await check(
    'encrypted.pdf: a wrong password is said so, the right one imports; the password is stored nowhere',
    async () => {
      const before = await storedSnapshot(page);
      const storedBefore = await everythingStored(page);
      const rows = await page.getByTestId('doc-row').count();
      assert(
        (await startImport(page, pdf('encrypted.pdf', fixture('broken/encrypted.pdf')))) === 'password',
        'no password dialog',
      );
      const dialog = page.getByRole('dialog', { name: 'Password needed' });
      await dialog.getByLabel('Password').fill('not-the-password');
      await dialog.getByRole('button', { name: 'Open' }).click();
      await dialog
        .getByRole('alert')
        .filter({ hasText: 'Wrong password, try again.' })
        .waitFor({ timeout: 30_000 });
      assert(
        (await dialog.getByLabel('Password').inputValue()) === '',
        'the wrong password is still in the field',
      );
      assertUnchanged(before, await storedSnapshot(page));
      await dialog.getByLabel('Password').fill('secret');
      await dialog.getByRole('button', { name: 'Open' }).click();
      assert((await outcome(page)) === 'done', 'the right password did not import the PDF');
      const done = await page.getByTestId('import-done').innerText();
      assert(/^Imported encrypted\.pdf: .*no legal structure found/.test(done), `status: ${done}`);
      assert((await page.getByTestId('doc-row').count()) === rows + 1, 'no document row was added');
      // The wrong password must appear nowhere in what is stored (IndexedDB, local and session
      // storage). "secret" is also an ordinary word ("trade secrets" in the sample code), so it may
      // only appear as often as before: the encrypted memo's own text does not contain it.
      const now = await everythingStored(page);
      assert(!now.includes('not-the-password'), 'the wrong password was stored');
      assert(
        occurrences(now, 'secret') === occurrences(storedBefore, 'secret'),
        `"secret" is stored ${occurrences(now, 'secret')} times, ${occurrences(storedBefore, 'secret')} before`,
      );
      const { fingerprint } = await rowFor(page, 'encrypted.pdf');
      await removeDocument(page, fingerprint);
      assertUnchanged(before, await storedSnapshot(page));
    },
  );

  await check('encrypted-nouser.pdf (no user password) imports without asking', async () => {
    const result = await startImport(
      page,
      pdf('encrypted-nouser.pdf', fixture('broken/encrypted-nouser.pdf')),
    );
    assert(result === 'done', `the import ended with "${result}"`);
    const { fingerprint } = await rowFor(page, 'encrypted-nouser.pdf');
    await removeDocument(page, fingerprint);
  });

  await check(
    'a PDF with JavaScript, Launch, URI actions and an embedded file: nothing runs or opens',
    async () => {
      const watch = watchSideEffects(page, traffic);
      try {
        const result = await startImport(page, pdf('actions.pdf', fixture('hostile/actions.pdf')));
        assert(result === 'done', `the import ended with "${result}"`);
        const { fingerprint, kind } = await rowFor(page, 'actions.pdf');
        assert(kind === 'act', `read as ${kind}, not as the act it prints`);
        await watch.settle();
        await removeDocument(page, fingerprint);
      } finally {
        watch.stop();
      }
    },
  );

  await check('plain.pdf (no legal structure) is imported as kind other', async () => {
    const result = await startImport(page, pdf('plain-memo.pdf', fixture('plain.pdf')), 'code');
    assert(result === 'done', `the import ended with "${result}"`);
    const done = await page.getByTestId('import-done').innerText();
    assert(
      /no legal structure found; kept as plain text/.test(done) || /already in your library/.test(done),
      done,
    );
    const { fingerprint, kind } = await rowFor(page, 'plain-memo.pdf');
    assert(kind === 'other', `kind ${kind}`);
    await removeDocument(page, fingerprint);
  });

  await check('a 5,001-page PDF is refused in plain words, nothing stored', async () => {
    const before = await storedSnapshot(page);
    const result = await startImport(page, pdf('huge.pdf', await largePdf(5001, { lines: 0 })));
    assert(result === 'error', `the import ended with "${result}"`);
    const shown = await page.getByTestId('error').innerText();
    assert(/has 5001 pages; Crosswalk reads at most 5000 pages/.test(shown), shown);
    await assertUsable(page);
    assertUnchanged(before, await storedSnapshot(page));
  });

  await check(
    'a 1,200-page PDF: progress by page, the page stays responsive, Cancel stores nothing',
    async () => {
      const before = await storedSnapshot(page);
      await page.getByTestId('nav-library').click();
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByTestId('import-law').click(),
      ]);
      await chooser.setFiles(pdf('long-1200.pdf', await largePdf(1200)));
      const progress = page.getByTestId('progress');
      await progress.filter({ hasText: /page \d+ of 1200$/ }).waitFor({ timeout: 60_000 });
      const first = Number(/page (\d+) of/.exec(await progress.innerText())?.[1]);
      // The longest gap between animation frames while the worker reads: the page's thread is free.
      const longestFrameGap = await page.evaluate(
        () =>
          new Promise((resolve) => {
            let last = performance.now();
            let longest = 0;
            const until = last + 1500;
            const frame = (/** @type {number} */ now) => {
              longest = Math.max(longest, now - last);
              last = now;
              if (now < until) requestAnimationFrame(frame);
              else resolve(longest);
            };
            requestAnimationFrame(frame);
          }),
      );
      const text = await progress.innerText();
      const later = Number(/page (\d+) of/.exec(text)?.[1]);
      assert(later > first, `progress did not move (${first} → ${text})`);
      assert(later < 1200, 'the document was read to the end before Cancel');
      assert(
        /** @type {number} */ (longestFrameGap) < 250,
        `the page froze for ${Math.round(/** @type {number} */ (longestFrameGap))} ms`,
      );
      console.log(
        `      progress page ${first} → ${later} of 1200 in 1.5 s; longest frame gap ${Math.round(/** @type {number} */ (longestFrameGap))} ms`,
      );
      await page.getByTestId('cancel-import').click();
      await page
        .getByText('Import of long-1200.pdf cancelled. Nothing was stored.')
        .waitFor({ timeout: 10_000 });
      await assertUsable(page);
      assertUnchanged(before, await storedSnapshot(page));
    },
  );

  await check(
    'after every hostile and broken import, the stored data is as it was and the app works',
    async () => {
      assertUnchanged(initial, await storedSnapshot(page));
      const open = page.getByTestId('project-row').first().locator('.project-open');
      await open.click();
      await page.getByTestId('workspace').waitFor({ timeout: 30_000 });
      assert((await page.getByTestId('tree-unit').count()) > 0, 'the project opens with an empty tree');
      await page.getByTestId('nav-library').click();
    },
  );

  await check('the hostile PDF drawn in the page view: nothing runs or opens either', async () => {
    // The page view draws the PDF with pdf.js on the page's own thread, so it gets the same watch.
    // Stores are compared without `settings`: opening and deleting a project moves lastProjectId.
    const { settings: _before, ...before } = await storedSnapshot(page);
    const result = await startImport(page, pdf('actions.pdf', fixture('hostile/actions.pdf')));
    assert(result === 'done', `the import ended with "${result}"`);
    const { fingerprint } = await rowFor(page, 'actions.pdf');
    const code = page.locator('[data-testid="doc-row"][data-kind="code"]').first();
    await page.getByTestId('project-law').selectOption(fingerprint);
    await page.getByTestId('project-code').selectOption((await code.getAttribute('data-fingerprint')) ?? '');
    await page.getByRole('form', { name: 'New project' }).getByLabel('Name').fill('Hostile page view');
    await page.getByTestId('create-project').click();
    await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
    const projectId = decodeURIComponent(/^#\/p\/([^/]+)/.exec(new URL(page.url()).hash)?.[1] ?? '');
    assert(projectId !== '', `no project in ${page.url()}`);
    const watch = watchSideEffects(page, traffic);
    try {
      await page.goto(`${new URL(page.url()).origin}/#/p/${encodeURIComponent(projectId)}/page/law/art_1`);
      await page.getByTestId('page-canvas').first().waitFor({ timeout: 30_000 });
      // Where the PDF's link annotations sit (top left of page 1): a click on them must do nothing.
      await page
        .getByTestId('page-canvas')
        .first()
        .click({ position: { x: 40, y: 20 } });
      await watch.settle();
    } finally {
      watch.stop();
    }
    await page.getByTestId('nav-library').click();
    const row = page.getByTestId('project-row').filter({ hasText: 'Hostile page view' });
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Delete' }).click();
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    await removeDocument(page, fingerprint);
    const { settings: _after, ...after } = await storedSnapshot(page);
    assertUnchanged(before, after);
  });
}
