#!/usr/bin/env node
// A heavy review for the bench: a Crosswalk project bundle (src/export/bundle.ts, `buildBundle`)
// over the real AI Act and the Code's Safety and Security chapter, with every link the linker
// suggests (some accepted, some rejected, as a reviewer would have left them) and 1,000 notes
// (annotations) spread over the code's units and the accepted links: random stances, statuses,
// NIST fields, tags, and rationales of 50–400 words made of the documents' own words. A few
// planted phrases (SEARCH_PHRASES) are in exactly three notes each, for timing a search.
//
// The same seed gives the same bundle, byte for byte. The fingerprints are those of the PDFs, so
// the app accepts the bundle once both PDFs are in its library (Library › Import bundle…).
//
// Usage: node scripts/make-notes-bundle.mjs [--law law.pdf|law.json] [--code code.pdf|code.json]
//          [--links links.json] [--notes 1000] [--seed 1] [--out bundle.json]
// A .json for --law / --code is the output of `crosswalk parse --json`; --links takes the output of
// `crosswalk link --json` (without it, the linker runs on the two PDFs). The bundle goes to --out
// (default test-results/notes-bundle.crosswalk.json); a summary goes to stderr.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
export const DEFAULT_LAW = join(CORPUS, 'ai-act-2024-1689.pdf');
export const DEFAULT_CODE = join(CORPUS, 'gpai-cop-final-safety-security-2025-07.pdf');

/** Phrases planted in exactly {@link PLANTED_EACH} notes each: a search for one must find those notes. */
export const SEARCH_PHRASES = [
  'tabletop escalation drill',
  'quarterly red-team debrief',
  'whistleblower channel audit',
  'compute threshold recalibration',
  'model card addendum',
];
export const PLANTED_EACH = 3;

/** The unit whose own note the bench types into: it always gets a long one. */
export const HEAVY_UNIT = 'msr_9.3';

const STANCES = ['clarifies', 'expands', 'restates', 'narrows', 'conflicts', 'unclear'];
const RELATIONSHIPS = ['equal', 'subset-of', 'superset-of', 'intersects-with', 'no-relationship'];
const RATIONALE_TYPES = ['syntactic', 'semantic', 'functional'];
const TAGS = [
  'deadlines',
  'reporting',
  'security',
  'evaluation',
  'systemic-risk',
  'documentation',
  'gap',
  'follow-up',
  'incident',
  'governance',
  'transparency',
  'scope',
];
const AUTHORS = ['', '', '', '', '', 'Colleague B'];
const CONNECTIVES = [
  'Compared with the Act,',
  'In practice',
  'As written,',
  'Read with the recitals,',
  'Note that',
  'By contrast,',
  'The measure',
  'The provision',
];

/** mulberry32: a small seeded generator, so the same seed gives the same bundle. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {() => number} rand */
function helpers(rand) {
  const int = (min, max) => min + Math.floor(rand() * (max - min + 1));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chance = (p) => rand() < p;
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  return { int, pick, chance, uuid };
}

/** The pure core's own bundle writer and quote function (TypeScript), bundled once with esbuild. */
async function loadCore(root) {
  const out = join(root, 'out', 'bench', 'notes-core.mjs');
  const { build } = await import('esbuild');
  await build({
    stdin: {
      contents: [
        "export { buildBundle, parseBundle } from './src/export/bundle';",
        "export { unitQuote } from './src/model/quote';",
        "export { linkId } from './src/model/review';",
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'notes-core.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: out,
    logLevel: 'error',
  });
  return import(`${pathToFileURL(out).href}?t=${statSync(out).mtimeMs}`);
}

/** @param {string[]} args */
function crosswalk(root, args) {
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'crosswalk.mjs'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 29,
  });
  if (run.status !== 0) throw new Error(`crosswalk ${args[0]} failed (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** A document's parse (`crosswalk parse --json`), from its PDF or a saved JSON. */
function readDocument(root, path) {
  const isJson = path.endsWith('.json');
  const parsed = isJson ? JSON.parse(readFileSync(path, 'utf8')) : crosswalk(root, ['parse', path, '--json']);
  return {
    parsed,
    fileName: basename(path).replace(/\.json$/, '.pdf'),
    byteLength: isJson ? 0 : statSync(path).size,
  };
}

/** Words of a text fit to build sentences from (no numbers, no stray punctuation). */
function words(text) {
  return (text.match(/[A-Za-z][A-Za-z'-]{2,}/g) ?? []).map((w) => w.toLowerCase());
}

/**
 * A rationale of about `count` words: sentences of 8–22 words from `pool`, each opened now and then
 * by a connective, in paragraphs of 2–5 sentences (Markdown keeps them).
 */
function rationale(h, pool, count) {
  const paragraphs = [];
  let sentences = [];
  let written = 0;
  let inParagraph = h.int(2, 5);
  while (written < count) {
    const length = Math.min(h.int(8, 22), count - written);
    const body = Array.from({ length }, () => h.pick(pool));
    let sentence = body.join(' ');
    if (length > 3 && h.chance(0.3)) sentence = `${h.pick(CONNECTIVES)} ${sentence}`;
    sentences.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
    written += length;
    if (sentences.length >= inParagraph) {
      paragraphs.push(sentences.join(' '));
      sentences = [];
      inParagraph = h.int(2, 5);
    }
  }
  if (sentences.length > 0) paragraphs.push(sentences.join(' '));
  return paragraphs.join('\n\n');
}

/**
 * Builds the bundle's text. `law` and `code` are PDF paths or `crosswalk parse --json` outputs;
 * `links` a `crosswalk link --json` output (else the linker runs on the two PDFs).
 * @param {{ root?: string, law?: string, code?: string, links?: string | null, notes?: number, seed?: number }} options
 */
export async function makeNotesBundle(options = {}) {
  const root = options.root ?? ROOT;
  const lawPath = resolve(options.law ?? DEFAULT_LAW);
  const codePath = resolve(options.code ?? DEFAULT_CODE);
  const notes = options.notes ?? 1000;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(notes) || notes < 0) throw new Error('--notes takes a whole number ≥ 0');
  for (const path of [lawPath, codePath]) if (!existsSync(path)) throw new Error(`${path} not found`);
  const core = await loadCore(root);
  const law = readDocument(root, lawPath);
  const code = readDocument(root, codePath);
  let linkReport;
  if (options.links) linkReport = JSON.parse(readFileSync(resolve(options.links), 'utf8'));
  else if (lawPath.endsWith('.pdf') && codePath.endsWith('.pdf'))
    linkReport = crosswalk(root, ['link', lawPath, codePath, '--json']);
  else throw new Error('with a parse .json for --law or --code, give the link report with --links');
  if (
    linkReport.law?.fingerprint !== law.parsed.document.fingerprint ||
    linkReport.code?.fingerprint !== code.parsed.document.fingerprint
  )
    throw new Error('the link report is not for these two documents (fingerprints differ)');

  const rand = random(seed);
  const h = helpers(rand);
  const base = Date.UTC(2026, 0, 5, 9, 0, 0);
  let clock = 0;
  /** Times move forward through the review, a few minutes per record. */
  const tick = () => new Date(base + (clock += h.int(1, 9)) * 60_000).toISOString();

  const projectId = h.uuid();
  const created = tick();
  const document = (doc) => ({
    fingerprint: doc.parsed.document.fingerprint,
    fileName: doc.fileName,
    title: doc.parsed.document.title,
    kind: doc.parsed.document.kind,
    pages: doc.parsed.document.pages,
    unitCount: doc.parsed.units.length,
    byteLength: doc.byteLength,
    importedAt: created,
  });

  // Links: the reviewer accepted most first-ranked suggestions, fewer further down, rejected some.
  const links = linkReport.links.map((link) => {
    const [accept, reject] = link.rank === 1 ? [0.75, 0.05] : link.rank === 2 ? [0.35, 0.15] : [0.1, 0.25];
    const roll = rand();
    const status = roll < accept ? 'accepted' : roll < accept + reject ? 'rejected' : 'suggested';
    const at = status === 'suggested' ? created : tick();
    return {
      id: core.linkId(projectId, link.source, link.target),
      projectId,
      source: link.source,
      target: link.target,
      status,
      origin: 'machine',
      rank: link.rank,
      score: link.score,
      basis: link.basis,
      evidence: link.evidence,
      suggestedStance: link.suggestedStance ?? null,
      createdAt: created,
      updatedAt: at,
    };
  });

  const codeUnits = code.parsed.units;
  const codeIndex = new Map(codeUnits.map((unit, i) => [unit.id, i]));
  const lawText = new Map(law.parsed.units.map((unit) => [unit.id, `${unit.heading ?? ''} ${unit.text}`]));
  const generic = words(
    'the provider shall ensure documentation evaluation mitigation systemic risk incident reporting ' +
      'serious cybersecurity protection model capabilities assessment obligation measure commitment ' +
      'timeline deadline authority office notification adequate appropriate proportionate',
  );

  // Spots: each unit with links gets its own note; accepted links take the rest.
  const sources = [...new Set(links.map((link) => link.source))].filter((id) => codeIndex.has(id));
  const accepted = links.filter((link) => link.status === 'accepted');
  const spots = [];
  const onUnits = Math.min(sources.length, Math.round(notes * 0.35));
  const unitSpots = [HEAVY_UNIT, ...sources.filter((id) => id !== HEAVY_UNIT)].filter((id) =>
    codeIndex.has(id),
  );
  for (const source of unitSpots.slice(0, onUnits)) spots.push({ source, target: null });
  for (const link of accepted) {
    if (spots.length >= notes) break;
    spots.push({ source: link.source, target: link.target });
  }
  // More notes than spots: colleagues' verdicts on the same spots.
  for (let i = 0; spots.length < notes && i < notes * 4; i += 1) {
    const spot = spots[i % Math.max(1, spots.length)];
    if (spot === undefined) break;
    spots.push({ ...spot, second: true });
  }

  const planted = new Map();
  SEARCH_PHRASES.forEach((phrase, p) => {
    for (let k = 0; k < PLANTED_EACH; k += 1) planted.set(1 + p * 97 + k * 31, phrase);
  });

  const annotations = spots.slice(0, notes).map((spot, i) => {
    const unit = codeUnits[codeIndex.get(spot.source) ?? 0];
    const pool = [
      ...words(`${unit.heading ?? ''} ${unit.text}`),
      ...(spot.target === null ? [] : words(lawText.get(spot.target) ?? '')),
      ...generic,
    ];
    const heavy = spot.source === HEAVY_UNIT && spot.target === null && !spot.second;
    let text = rationale(h, pool.length > 0 ? pool : generic, heavy ? 400 : h.int(50, 400));
    const phrase = planted.get(i);
    if (phrase !== undefined) text = `${text}\n\nFollow-up: a ${phrase} is planned.`;
    const at = tick();
    return {
      id: h.uuid(),
      projectId,
      source: spot.source,
      target: spot.target,
      quote: core.unitQuote(codeUnits, codeIndex.get(spot.source) ?? -1),
      stance: h.chance(0.9) ? h.pick(STANCES) : null,
      relationship: h.chance(0.5) ? h.pick(RELATIONSHIPS) : null,
      rationaleType: h.chance(0.5) ? h.pick(RATIONALE_TYPES) : null,
      strength: h.chance(0.5) ? h.int(1, 10) : null,
      rationale: text,
      tags: [...new Set(Array.from({ length: h.int(0, 3) }, () => h.pick(TAGS)))],
      status: h.chance(0.5) ? 'draft' : h.chance(0.8) ? 'reviewed' : 'disputed',
      author: spot.second ? 'Colleague C' : heavy ? '' : h.pick(AUTHORS),
      fromSuggestion: h.chance(0.2),
      createdAt: at,
      updatedAt: at,
    };
  });

  const text = core.buildBundle({
    project: {
      id: projectId,
      name: `Bench: ${notes.toLocaleString('en')} notes`,
      lawFingerprint: law.parsed.document.fingerprint,
      codeFingerprint: code.parsed.document.fingerprint,
      sample: false,
      createdAt: created,
      updatedAt: tick(),
    },
    documents: [document(law), document(code)],
    links,
    annotations,
    exportedAt: new Date(base + (clock + 60) * 60_000).toISOString(),
  });
  const check = core.parseBundle(text);
  if (!check.ok) throw new Error(`the generated bundle does not read back: ${check.error}`);
  return {
    text,
    projectId,
    counts: {
      links: links.length,
      accepted: accepted.length,
      annotations: annotations.length,
      onUnits: annotations.filter((a) => a.target === null).length,
      words: annotations.reduce((n, a) => n + a.rationale.split(/\s+/).length, 0),
    },
  };
}

function argValue(args, name) {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main() {
  const args = process.argv.slice(2);
  const out = resolve(argValue(args, '--out') ?? join(ROOT, 'test-results', 'notes-bundle.crosswalk.json'));
  const notes = argValue(args, '--notes');
  const seed = argValue(args, '--seed');
  const result = await makeNotesBundle({
    law: argValue(args, '--law'),
    code: argValue(args, '--code'),
    links: argValue(args, '--links') ?? null,
    notes: notes === undefined ? undefined : Number(notes),
    seed: seed === undefined ? undefined : Number(seed),
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, result.text);
  const c = result.counts;
  console.error(
    `make-notes-bundle: ${out}\n  ${c.annotations} notes (${c.onUnits} on units, ${c.annotations - c.onUnits} on links; ${c.words.toLocaleString('en')} words), ${c.links} links (${c.accepted} accepted), ${(result.text.length / 1e6).toFixed(1)} MB`,
  );
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`make-notes-bundle: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
