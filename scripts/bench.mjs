#!/usr/bin/env node
// `npm run bench`: how fast Crosswalk reads the AI Act, on the command line and in the app.
//
// 1. CLI: the whole `crosswalk parse --json` (process start-up included), N runs, median, next to
//    `pdftotext` (poppler) on the same file; then `crosswalk link`'s own stage timings.
// 2. UI (scripts/bench/ui.mjs): the web build in headless Chromium through the e2e harness. Per
//    run, in a fresh browser context (empty IndexedDB): the law imported through the real file
//    chooser, timed from `chooser.setFiles` to the `import-done` status, with the main thread's
//    responsiveness meanwhile (frame gaps, long tasks, delay of keypresses sent every 100 ms;
//    scripts/bench/probes.mjs); then, with the code imported too, the project creation, timed from
//    the click on `create-project` to the workspace. The UI runs alternate with CLI parses, so that
//    drift in machine load hits both alike; the goal is UI import ≤ 1.5 × the CLI's parse.
//    out/web is rebuilt first when it is missing or older than its sources (`--build` forces it).
// Speed is reported, never asserted: the exit code is non-zero only when the bench itself fails.
// The numbers also go to test-results/bench.json.
// Usage: node scripts/bench.mjs [file.pdf] [--runs N] [--build] [--no-ui]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchNotes, summariseNotes } from './bench/notes.mjs';
import { benchUi } from './bench/ui.mjs';
import { median, medianOf, millis, round, seconds } from './bench/stats.mjs';
import { ensureWebBuild } from './bench/web-build.mjs';

const UI_GOAL = 1.5;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const file = resolve(
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ??
    join(root, '..', 'shared', 'corpus', 'ai-act-2024-1689.pdf'),
);
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

if (!Number.isInteger(runs) || runs < 1) {
  console.error('bench: --runs takes a whole number ≥ 1.');
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`bench: ${file} not found (the real corpus lives in ../shared/corpus). Pass a PDF path.`);
  process.exit(2);
}

const noUi = args.includes('--no-ui');
if (!noUi && !existsSync(chromiumPath)) {
  console.error(
    `bench: ${chromiumPath} not found (apt-get install chromium, or CHROMIUM_PATH); --no-ui skips the UI part.`,
  );
  process.exit(1);
}

/** Wall-clock milliseconds of one run of a command (its output discarded). */
function time(command, commandArgs) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} exited ${result.status}: ${result.stderr.toString()}`);
  return ms;
}

const fmt = seconds;
const cli = join(root, 'scripts', 'crosswalk.mjs');
const cliParse = () => time(process.execPath, [cli, 'parse', file, '--json']);
const report = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  file,
  runs,
  /** @type {Record<string, unknown>} */ cli: {},
  /** @type {Record<string, unknown> | null} */ ui: null,
};

// ---- 1. CLI -----------------------------------------------------------------------------------
const hasPdftotext = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
// One untimed run of each builds the CLI bundle if needed and warms the file cache.
cliParse();
if (hasPdftotext) time('pdftotext', [file, '/dev/null']);
// The runs alternate, so that a change in machine load (shared CPUs) hits both tools alike.
const ours = [];
const reference = hasPdftotext ? [] : null;
for (let i = 0; i < runs; i++) {
  ours.push(cliParse());
  reference?.push(time('pdftotext', [file, '/dev/null']));
}

console.log(`file: ${file}`);
console.log(`runs: ${runs}`);
console.log(`crosswalk parse --json  median ${fmt(median(ours))}  (runs: ${ours.map(fmt).join(', ')})`);
report.cli['parseMs'] = { median: round(median(ours)), runs: ours.map(round) };
if (reference) {
  console.log(
    `pdftotext               median ${fmt(median(reference))}  (runs: ${reference.map(fmt).join(', ')})`,
  );
  console.log(`ratio crosswalk/pdftotext: ${(median(ours) / median(reference)).toFixed(2)}`);
  report.cli['pdftotextMs'] = { median: round(median(reference)), runs: reference.map(round) };
} else {
  console.log('pdftotext not installed (apt-get install poppler-utils): no reference figure.');
}

// Link suggestions for the whole code against the whole law, after parsing (the CLI reports the
// time of that stage alone on stderr when CROSSWALK_TIMINGS is set).
const code = resolve(join(root, '..', 'shared', 'corpus', 'gpai-cop-final-safety-security-2025-07.pdf'));
const withCode = existsSync(code) && file.endsWith('ai-act-2024-1689.pdf');
if (withCode) {
  const linkTimes = [];
  const stanceTimes = [];
  for (let i = 0; i < runs; i++) {
    const result = spawnSync(process.execPath, [cli, 'link', file, code, '--json'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CROSSWALK_TIMINGS: '1' },
      encoding: 'utf8',
    });
    const match = /^timing: link (\d+) ms \((\d+) links\); stances (\d+) ms$/m.exec(result.stderr ?? '');
    if (result.status !== 0 || !match) throw new Error(`crosswalk link failed: ${result.stderr}`);
    linkTimes.push(Number(match[1]));
    stanceTimes.push(Number(match[3]));
    if (i === 0) {
      console.log(`link: ${match[2]} suggestions for the Safety and Security chapter`);
      report.cli['links'] = Number(match[2]);
    }
  }
  console.log(
    `crosswalk link: ranked suggestions (after parsing)  median ${median(linkTimes)} ms  (runs: ${linkTimes.join(', ')} ms)`,
  );
  console.log(
    `crosswalk link: suggested stances for the top links  median ${median(stanceTimes)} ms  (runs: ${stanceTimes.join(', ')} ms)`,
  );
  report.cli['linkStageMs'] = { median: median(linkTimes), runs: linkTimes };
  report.cli['stanceStageMs'] = { median: median(stanceTimes), runs: stanceTimes };
}

// ---- 2. UI ------------------------------------------------------------------------------------
const resultsDir = join(root, 'test-results');
const jsonPath = join(resultsDir, 'bench.json');
const writeReport = () => {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
};

if (noUi) {
  console.log('\nUI: skipped (--no-ui).');
  writeReport();
  process.exit(0);
}

try {
  const build = ensureWebBuild(root, { force: args.includes('--build') });
  console.log(`\nUI: out/web ${build}; ${runs} runs in headless Chromium, each after a CLI parse…`);
  const measured = await benchUi({
    root,
    outDir: join(root, 'out', 'web'),
    chromiumPath,
    lawPath: file,
    codePath: withCode ? code : null,
    runs,
    between: cliParse,
    onRun: (i, cliMs, run) =>
      console.log(
        `  run ${i + 1}: CLI parse ${fmt(cliMs)}, UI import ${fmt(run.import.ms)}` +
          (run.linking ? `, linking ${fmt(run.linking.ms)}` : '') +
          `; max frame gap ${millis(run.import.maxFrameGapMs)}, longest long task ${millis(run.import.longestLongTaskMs)}, p95 input delay ${millis(run.import.p95InputDelayMs)}`,
      ),
  });
  printUi(measured);
  if (withCode) {
    // A project with 1,000 notes and all links of the real documents: open, type, search.
    console.log(`\nUI with 1,000 notes: ${runs} runs…`);
    const notes = await benchNotes({
      root,
      outDir: join(root, 'out', 'web'),
      chromiumPath,
      lawPath: file,
      codePath: code,
      runs,
    });
    const { summary, lines } = summariseNotes(notes);
    for (const line of lines) console.log(line);
    report.notes = summary;
  }
  writeReport();
  console.log(`\nwritten: ${jsonPath}`);
} catch (error) {
  console.error(
    `\nbench: the UI measurement failed:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
}

/** @param {Awaited<ReturnType<typeof benchUi>>} measured */
function printUi(measured) {
  const imports = measured.ui.map((r) => r.import);
  const links = measured.ui.map((r) => r.linking).filter((l) => l !== null);
  const uiMedian = median(imports.map((r) => r.ms));
  const cliMedian = median(measured.cli);
  const ratio = uiMedian / cliMedian;
  const paired = imports.map((r, i) => r.ms / /** @type {number} */ (measured.cli[i]));
  const column = (
    /** @type {(typeof imports)[number][]} */ rows,
    /** @type {keyof (typeof imports)[number]} */ key,
  ) => {
    const values = rows.map((r) => /** @type {number | null} */ (r[key]));
    return { median: medianOf(values), runs: values.map((v) => (v === null ? null : round(v))) };
  };
  const responsiveness = (/** @type {(typeof imports)[number][]} */ rows) => ({
    maxFrameGapMs: column(rows, 'maxFrameGapMs'),
    longestLongTaskMs: column(rows, 'longestLongTaskMs'),
    longTasks: column(rows, 'longTasks'),
    p95InputDelayMs: column(rows, 'p95InputDelayMs'),
    maxInputDelayMs: column(rows, 'maxInputDelayMs'),
    keysPressed: column(rows, 'keysPressed'),
    keysSeen: column(rows, 'keysSeen'),
  });
  report.ui = {
    chromium: measured.chromium,
    method:
      'fresh browser context per run (empty IndexedDB, first-run sample project avoided); the law picked by path through the file chooser, timed from chooser.setFiles to import-done visible; linking from the create-project click to the workspace visible; each UI run follows a `crosswalk parse --json` run; frame gaps from requestAnimationFrame, long tasks from PerformanceObserver, input delay = keydown handler time - event.timeStamp for a key pressed every 100 ms',
    importMs: { median: round(uiMedian), runs: imports.map((r) => round(r.ms)) },
    cliParseMs: { median: round(cliMedian), runs: measured.cli.map(round) },
    ratio: Math.round(ratio * 100) / 100,
    // Each UI run over the CLI parse just before it: drift between runs cancels out.
    pairedRatios: {
      median: Math.round(median(paired) * 100) / 100,
      runs: paired.map((r) => Math.round(r * 100) / 100),
    },
    goal: UI_GOAL,
    goalMet: ratio <= UI_GOAL,
    duringImport: responsiveness(imports),
    linking: links.length > 0 ? { ms: column(links, 'ms'), ...responsiveness(links) } : null,
    problems: measured.ui.flatMap((r) => r.problems),
    status: imports[0]?.status ?? null,
  };

  const d = report.ui.duringImport;
  const rows = [
    ['UI import (setFiles → import-done)', fmt(uiMedian), imports.map((r) => fmt(r.ms)).join(', ')],
    ['CLI parse, alternated with it', fmt(cliMedian), measured.cli.map(fmt).join(', ')],
    [
      'ratio UI / CLI (of the medians)',
      ratio.toFixed(2),
      `goal ≤ ${UI_GOAL}: ${ratio <= UI_GOAL ? 'met' : 'NOT met'}; run by run ${paired.map((r) => r.toFixed(2)).join(', ')}`,
    ],
    [
      'during the import: max frame gap',
      millis(d.maxFrameGapMs.median),
      d.maxFrameGapMs.runs.map(millis).join(', '),
    ],
    [
      '  longest long task (> 50 ms)',
      millis(d.longestLongTaskMs.median),
      `${d.longestLongTaskMs.runs.map(millis).join(', ')}; count ${d.longTasks.runs.join(', ')}`,
    ],
    [
      '  p95 input delay (keypress / 100 ms)',
      millis(d.p95InputDelayMs.median),
      `${d.p95InputDelayMs.runs.map(millis).join(', ')}; max ${d.maxInputDelayMs.runs.map(millis).join(', ')}`,
    ],
  ];
  const l = report.ui.linking;
  if (l !== null) {
    rows.push(
      [
        'linking (create-project → workspace)',
        fmt(/** @type {number} */ (l.ms.median)),
        l.ms.runs.map((v) => fmt(v ?? 0)).join(', '),
      ],
      [
        'during linking: max frame gap',
        millis(l.maxFrameGapMs.median),
        l.maxFrameGapMs.runs.map(millis).join(', '),
      ],
      [
        '  longest long task',
        millis(l.longestLongTaskMs.median),
        l.longestLongTaskMs.runs.map(millis).join(', '),
      ],
      ['  p95 input delay', millis(l.p95InputDelayMs.median), l.p95InputDelayMs.runs.map(millis).join(', ')],
    );
  }
  const widths = [0, 1].map((c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(`\nUI bench: Chromium ${measured.chromium}, ${runs} runs, medians (runs in brackets)`);
  // "Imported <file>: <long title> (read as a law), 144 pages, 1625 clauses." without the title.
  const outcome = /^Imported ([^:]+):.*\(([^()]+)\), (\d+ pages, \d+ clauses)/.exec(report.ui.status ?? '');
  console.log(`imported: ${outcome ? `${outcome[1]} (${outcome[2]}), ${outcome[3]}` : report.ui.status}`);
  for (const [label, value, detail] of rows)
    console.log(`  ${label.padEnd(widths[0])}  ${value.padStart(widths[1])}  (${detail})`);
  for (const problem of report.ui.problems) console.log(`  warning: ${problem}`);
}
