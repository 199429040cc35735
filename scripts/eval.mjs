#!/usr/bin/env node
// `npm run eval`: scores the linking engine on the real corpus.
// - precision and recall of `citation` links from commitments against the gold crosswalk
//   (../shared/corpus/crosswalk-gold-commitments.csv, the links each Commitment states itself);
// - the share of measures with at least one suggestion, with an inherited target, and with a
//   drilled-down target (a part of a provision their commitment cites).
// Usage: node scripts/eval.mjs [law.pdf code.pdf gold.csv]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpus');
const [
  law = join(corpus, 'ai-act-2024-1689.pdf'),
  code = join(corpus, 'gpai-cop-final-safety-security-2025-07.pdf'),
  goldFile = join(corpus, 'crosswalk-gold-commitments.csv'),
] = process.argv.slice(2);
for (const file of [law, code, goldFile]) {
  if (!existsSync(file)) {
    console.error(`eval: ${file} not found (the real corpus lives in ../shared/corpus).`);
    process.exit(2);
  }
}

const run = spawnSync(
  process.execPath,
  [join(root, 'scripts', 'crosswalk.mjs'), 'link', law, code, '--json'],
  {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  },
);
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
const report = JSON.parse(run.stdout);

// Gold: code_unit,law_units (;-separated),stated_as
const gold = new Map();
for (const line of readFileSync(goldFile, 'utf8').trim().split('\n').slice(1)) {
  const [unit, targets] = line.split(',');
  gold.set(unit, new Set(targets.split(';')));
}

let found = 0;
let correct = 0;
let expected = 0;
const misses = [];
const extras = [];
for (const [unit, targets] of gold) {
  const cited = new Set(
    report.links.filter((l) => l.source === unit && l.basis.includes('citation')).map((l) => l.target),
  );
  expected += targets.size;
  found += cited.size;
  for (const t of cited) if (targets.has(t)) correct++;
  for (const t of targets) if (!cited.has(t)) misses.push(`${unit} -> ${t}`);
  for (const t of cited) if (!targets.has(t)) extras.push(`${unit} -> ${t}`);
}
const precision = found === 0 ? 0 : correct / found;
const recall = expected === 0 ? 0 : correct / expected;

const measures = [...new Set(report.links.map((l) => l.source))].filter((s) => /^msr_[^_]+$/.test(s));
const allMeasures = new Set(measures);
const bySource = (id) => report.links.filter((l) => l.source === id);
const withInherited = measures.filter((m) => bySource(m).some((l) => l.basis.includes('citation-inherited')));
const withDrill = measures.filter((m) =>
  bySource(m).some(
    (l) =>
      l.basis.includes('citation-inherited') && l.basis.includes('similarity') && /__point_/.test(l.target),
  ),
);

const pct = (x) => `${(x * 100).toFixed(1)} %`;
console.log(`law:  ${report.law.title.slice(0, 80)}…`);
console.log(`code: ${report.code.title}`);
console.log(
  `links suggested: ${report.links.length} from ${new Set(report.links.map((l) => l.source)).size} units; unresolved references: ${report.unresolved.length}`,
);
console.log('');
console.log(`citation links of commitments vs gold (${gold.size} commitments, ${expected} gold links):`);
console.log(
  `  precision ${pct(precision)} (${correct}/${found})   recall ${pct(recall)} (${correct}/${expected})`,
);
if (misses.length) console.log(`  missed: ${misses.join(', ')}`);
if (extras.length) console.log(`  not in gold: ${extras.join(', ')}`);
console.log('');
console.log(`measures with at least one suggestion: ${allMeasures.size}/32 (${pct(allMeasures.size / 32)})`);
console.log(`  with an inherited target: ${withInherited.length}/32`);
console.log(`  with a drilled-down point of a cited provision: ${withDrill.length}/32`);
console.log('');
console.log('top suggestion per measure:');
for (const m of measures) {
  const first = bySource(m)[0];
  console.log(
    `  ${m.padEnd(9)} ${first.target.padEnd(30)} ${first.score.toFixed(3)}  ${first.basis.join('+')}${first.suggestedStance ? `  (${first.suggestedStance.stance})` : ''}`,
  );
}
