#!/usr/bin/env node
// `npm run bench`: the whole `crosswalk parse` (process start-up included) on
// the AI Act, 5 runs, median, next to `pdftotext` (poppler) on the same file.
// Usage: node scripts/bench.mjs [file.pdf] [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const file = resolve(
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ??
    join(root, '..', 'shared', 'corpus', 'ai-act-2024-1689.pdf'),
);

if (!existsSync(file)) {
  console.error(`bench: ${file} not found (the real corpus lives in ../shared/corpus). Pass a PDF path.`);
  process.exit(2);
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

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const cli = join(root, 'scripts', 'crosswalk.mjs');
const hasPdftotext = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
// One untimed run of each builds the CLI bundle if needed and warms the file cache.
time(process.execPath, [cli, 'parse', file, '--json']);
if (hasPdftotext) time('pdftotext', [file, '/dev/null']);
// The runs alternate, so that a change in machine load (shared CPUs) hits both tools alike.
const ours = [];
const reference = hasPdftotext ? [] : null;
for (let i = 0; i < runs; i++) {
  ours.push(time(process.execPath, [cli, 'parse', file, '--json']));
  reference?.push(time('pdftotext', [file, '/dev/null']));
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`file: ${file}`);
console.log(`runs: ${runs}`);
console.log(`crosswalk parse --json  median ${fmt(median(ours))}  (runs: ${ours.map(fmt).join(', ')})`);
if (reference) {
  console.log(
    `pdftotext               median ${fmt(median(reference))}  (runs: ${reference.map(fmt).join(', ')})`,
  );
  console.log(`ratio crosswalk/pdftotext: ${(median(ours) / median(reference)).toFixed(2)}`);
} else {
  console.log('pdftotext not installed (apt-get install poppler-utils): no reference figure.');
}

// Link suggestions for the whole code against the whole law, after parsing (the CLI reports the
// time of that stage alone on stderr when CROSSWALK_TIMINGS is set).
const code = resolve(join(root, '..', 'shared', 'corpus', 'gpai-cop-final-safety-security-2025-07.pdf'));
if (existsSync(code) && file.endsWith('ai-act-2024-1689.pdf')) {
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
    if (i === 0) console.log(`link: ${match[2]} suggestions for the Safety and Security chapter`);
  }
  console.log(
    `crosswalk link: ranked suggestions (after parsing)  median ${median(linkTimes)} ms  (runs: ${linkTimes.join(', ')} ms)`,
  );
  console.log(
    `crosswalk link: suggested stances for the top links  median ${median(stanceTimes)} ms  (runs: ${stanceTimes.join(', ')} ms)`,
  );
}
