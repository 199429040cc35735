#!/usr/bin/env node
/**
 * The Electron security audit: runs @doyensec/electronegativity over the app's own sources and
 * compares every finding with .ci/electronegativity.json, where each accepted finding is listed
 * with the reason it is acceptable. Fails (exit 1) on a finding the file does not explain, on an
 * entry that no longer matches any finding (so the file cannot rot), on a file the tool could not
 * parse (its checks did not run there) and on a malformed config.
 *
 * Offline by construction: electronegativity fetches translations on start-up and Electron's
 * release list in one check. The translation fetch is answered locally (as a 404, so the bundled
 * English texts are used); the release check is skipped in the config, and its request would be
 * refused all the same. Nothing is fetched and nothing waits for a network that is not there.
 *
 * Usage: node scripts/electronegativity.mjs [--config FILE] [--root DIR] [--out FILE] [--sarif FILE]
 *   --config  the explanations (default .ci/electronegativity.json)
 *   --root    scan this checkout instead of this one (the tests scan a deliberately unsafe app)
 *   --out     where the SARIF report goes (default test-results/electronegativity.sarif)
 *   --sarif   compare this SARIF report instead of scanning
 * The last line is `electronegativity: 1 passed, 0 failed` (or `0 passed, 1 failed`); .ci/run reads it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What is scanned: main and preload, the renderer (its index.html carries the CSP `<meta>` tag,
 * its code could call window.open or eval), the core it bundles, and package.json, from which the
 * tool learns the Electron version (its checks depend on that version's defaults). Scanned
 * together because the global checks (navigation limits, permission handler, CSP) look across
 * files. The sources rather than out/: findings then point at lines someone can edit, and the
 * bundles in out/renderer hold library syntax the tool's parser cannot read.
 */
const SCANNED = ['electron', 'renderer', 'src', 'package.json'];

/** How long the scan may take before it is reported as stuck (it takes a few seconds). */
const TIME_LIMIT_MS = 120_000;

const DEFAULT_CONFIG = join(ROOT, '.ci', 'electronegativity.json');
const DEFAULT_SARIF = join(ROOT, 'test-results', 'electronegativity.sarif');

const toolRequire = createRequire(
  join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'package.json'),
);
const TOOL_DIR = dirname(toolRequire.resolve('@doyensec/electronegativity/package.json'));

/**
 * @typedef {{ check: string; reason: string }} SkippedCheck
 * @typedef {{ check: string; file: string; code?: string; reason: string }} Explanation
 * @typedef {{ skippedChecks: SkippedCheck[]; explained: Explanation[] }} Config
 * @typedef {{ check: string; file: string; line: number; code: string; message: string }} Finding
 */

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ config: string; sarif: string | null; root: string; out: string }} */
  const options = { config: DEFAULT_CONFIG, sarif: null, root: ROOT, out: DEFAULT_SARIF };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined || !['--config', '--sarif', '--root', '--out'].includes(flag ?? '')) {
      throw new Error(
        `Unknown argument "${flag}". Usage: node scripts/electronegativity.mjs [--config FILE] [--root DIR] [--out FILE] [--sarif FILE]`,
      );
    }
    if (flag === '--config') options.config = resolve(value);
    else if (flag === '--sarif') options.sarif = resolve(value);
    else if (flag === '--out') options.out = resolve(value);
    else options.root = resolve(value);
    i += 1;
  }
  return options;
}

/** The tool's check names (class names, e.g. `AuxclickJSCheck`), to catch a misspelt skip. */
function knownCheckNames() {
  const dirs = ['AtomicChecks', 'GlobalChecks'].map((name) =>
    join(TOOL_DIR, 'dist', 'finder', 'checks', name),
  );
  return new Set(
    dirs.flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => /Check\.js$/.test(f))
        .map((f) => f.slice(0, -3)),
    ),
  );
}

/**
 * Reads and checks the config; every problem is collected so one run names them all.
 * @param {string} path
 * @returns {{ config: Config; problems: string[] }}
 */
function readConfig(path) {
  /** @type {string[]} */
  const problems = [];
  /** @type {Config} */
  const config = { skippedChecks: [], explained: [] };
  let raw;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(
      `${relative(ROOT, path)} could not be read as JSON: ${error instanceof Error ? error.message : error}`,
    );
    return { config, problems };
  }
  const name = relative(ROOT, path);
  const allowedTop = new Set(['$comment', 'skippedChecks', 'explained']);
  for (const key of Object.keys(raw ?? {})) {
    if (!allowedTop.has(key)) problems.push(`${name}: unknown key "${key}"`);
  }
  const isText = (/** @type {unknown} */ value) => typeof value === 'string' && value.trim() !== '';
  const known = knownCheckNames();
  for (const [index, entry] of (Array.isArray(raw?.skippedChecks) ? raw.skippedChecks : []).entries()) {
    const label = `${name}: skippedChecks[${index}]`;
    if (!isText(entry?.check) || !isText(entry?.reason)) {
      problems.push(`${label} needs a "check" and a "reason"`);
    } else if (!known.has(entry.check)) {
      problems.push(`${label}: electronegativity has no check called "${entry.check}"`);
    } else {
      config.skippedChecks.push({ check: entry.check, reason: entry.reason });
    }
  }
  const seen = new Set();
  for (const [index, entry] of (Array.isArray(raw?.explained) ? raw.explained : []).entries()) {
    const label = `${name}: explained[${index}]`;
    const extra = Object.keys(entry ?? {}).filter(
      (key) => !['check', 'file', 'code', 'reason'].includes(key),
    );
    if (!isText(entry?.check) || !isText(entry?.file) || !isText(entry?.reason)) {
      problems.push(`${label} needs a "check", a "file" and a "reason"`);
    } else if (entry.code !== undefined && !isText(entry.code)) {
      problems.push(`${label}: "code" must be a piece of the flagged line`);
    } else if (extra.length > 0) {
      problems.push(`${label}: unknown key "${extra[0]}"`);
    } else {
      const key = `${entry.check}\u0000${entry.file}\u0000${entry.code ?? ''}`;
      if (seen.has(key)) problems.push(`${label} repeats an earlier entry`);
      seen.add(key);
      config.explained.push(entry);
    }
  }
  if (!Array.isArray(raw?.explained)) problems.push(`${name}: "explained" must be a list`);
  return { config, problems };
}

/**
 * Answers the tool's network calls locally. The translations request gets a 404, which makes the
 * tool keep its bundled English texts without printing a warning; anything else is refused.
 * @param {string[]} requested collects the URLs asked for
 */
function stubNetwork(requested) {
  const users = [
    'dist/locales/i18n.js',
    'dist/finder/checks/GlobalChecks/AvailableSecurityFixesGlobalCheck.js',
  ];
  for (const user of users) {
    const gotPath = createRequire(join(TOOL_DIR, user)).resolve('got');
    /** @param {unknown} url */
    const offline = (url) => {
      requested.push(String(url));
      return String(url).endsWith('.json') && String(url).includes('i18n')
        ? Promise.resolve({ statusCode: 404, body: '', headers: {} })
        : Promise.reject(new Error('The Electron audit runs offline.'));
    };
    const stub = Object.assign(offline, { head: offline, get: offline, default: offline });
    const cached = new Module(gotPath);
    cached.filename = gotPath;
    cached.loaded = true;
    cached.exports = stub;
    toolRequire.cache[gotPath] = cached;
  }
}

/**
 * Copies the scanned paths into a fresh folder, so the tool sees them together and nothing else.
 * @param {string} root
 * @returns {string}
 */
function stage(root) {
  const dir = mkdtempSync(join(tmpdir(), 'crosswalk-electronegativity-'));
  for (const path of SCANNED) {
    const from = join(root, path);
    if (!existsSync(from)) throw new Error(`${path} is missing, so it cannot be scanned.`);
    cpSync(from, join(dir, path), { recursive: true });
  }
  return dir;
}

/**
 * Runs the scan and writes the SARIF report to `sarifPath`.
 * @param {string} root
 * @param {Config} config
 * @param {string} sarifPath
 * @returns {Promise<string[]>} problems that make the audit fail (files the tool could not parse)
 */
async function scan(root, config, sarifPath) {
  /** @type {string[]} */
  const requested = [];
  stubNetwork(requested);
  const run = toolRequire('@doyensec/electronegativity/dist/runner.js');
  const input = stage(root);
  try {
    mkdirSync(dirname(sarifPath), { recursive: true });
    // An old report must not pass for this run's (see waitForReport).
    rmSync(sarifPath, { force: true });
    const result = await run(
      {
        input,
        output: sarifPath,
        isSarif: true,
        isRelative: true,
        customScan: [],
        excludeFromScan: config.skippedChecks.map((entry) => entry.check.toLowerCase()),
        parserPlugins: [],
      },
      false,
    );
    /** @type {string[]} */
    const problems = [];
    for (const error of result.errors ?? []) {
      const file = relative(input, error.file).split(sep).join('/');
      if (error.tolerable)
        console.log(`  note: electronegativity read ${file} with a warning: ${error.message}`);
      else
        problems.push(
          `electronegativity could not parse ${file} (${error.message}), so its checks did not run there`,
        );
    }
    await waitForReport(sarifPath);
    const unexpected = requested.filter((url) => !url.includes('i18n'));
    if (unexpected.length > 0) console.log(`  note: refused network requests: ${unexpected.join(', ')}`);
    return problems;
  } finally {
    rmSync(input, { recursive: true, force: true });
  }
}

/**
 * The tool writes its report with a fire-and-forget `fs.writeFile`, so the file may still be
 * incomplete when the run resolves: wait until it is whole JSON.
 * @param {string} path
 */
async function waitForReport(path) {
  for (let waited = 0; waited < 10_000; waited += 50) {
    try {
      JSON.parse(readFileSync(path, 'utf8'));
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  throw new Error(`electronegativity did not finish writing ${relative(ROOT, path)}.`);
}

/**
 * The findings in a SARIF report, each with the text of the line it points at (under `root`).
 * @param {string} sarifPath
 * @param {string} root
 * @returns {Finding[]}
 */
function readFindings(sarifPath, root) {
  const report = JSON.parse(readFileSync(sarifPath, 'utf8'));
  /** @type {Map<string, string[]>} */
  const sources = new Map();
  const lineOf = (/** @type {string} */ file, /** @type {number} */ line) => {
    if (!sources.has(file)) {
      const path = join(root, file);
      sources.set(file, existsSync(path) ? readFileSync(path, 'utf8').split(/\r?\n/) : []);
    }
    return (sources.get(file)?.[line - 1] ?? '').trim();
  };
  return (report.runs ?? []).flatMap((/** @type {any} */ run) =>
    (run.results ?? []).map((/** @type {any} */ result) => {
      const location = result.locations?.[0]?.physicalLocation;
      // A finding about the application as a whole has no file; the tool writes `file:///` then.
      const uri = String(location?.artifactLocation?.uri ?? 'file:///');
      const file = uri === 'file:///' ? 'N/A' : uri.split('\\').join('/');
      const line = Number(location?.region?.startLine ?? 0);
      return {
        check: String(result.ruleId),
        file,
        line,
        code: file === 'N/A' ? '' : lineOf(file, line),
        message: String(result.message?.text ?? ''),
      };
    }),
  );
}

/**
 * Pairs findings with explanations.
 * @param {Finding[]} findings
 * @param {Explanation[]} explained
 */
function compare(findings, explained) {
  const matches = (/** @type {Explanation} */ entry, /** @type {Finding} */ finding) =>
    entry.check === finding.check &&
    entry.file === finding.file &&
    (entry.code === undefined || finding.code.includes(entry.code));
  const used = new Set();
  /** @type {{ finding: Finding; entry: Explanation }[]} */
  const accepted = [];
  /** @type {Finding[]} */
  const unexplained = [];
  for (const finding of findings) {
    const entry = explained.find((candidate) => matches(candidate, finding));
    if (entry === undefined) unexplained.push(finding);
    else {
      used.add(entry);
      accepted.push({ finding, entry });
    }
  }
  const stale = explained.filter((entry) => !used.has(entry));
  return { accepted, unexplained, stale };
}

/** Where a finding is: `file:line`, or the whole app for a global check that found something missing. */
const where = (/** @type {Finding} */ finding) =>
  finding.file === 'N/A' ? '(the app as a whole)' : `${finding.file}:${finding.line}`;

/** The reason's first sentence, shortened for the log; the config has the whole text. */
function firstSentence(/** @type {string} */ text) {
  const sentence = /^.*?\.(?=\s+[A-Z(]|$)/.exec(text)?.[0] ?? text;
  return sentence.length > 120 ? `${sentence.slice(0, 119)}…` : sentence;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const configName = relative(ROOT, options.config);
  const { config, problems } = readConfig(options.config);
  const sarifPath = options.sarif ?? options.out;
  const version = JSON.parse(readFileSync(join(TOOL_DIR, 'package.json'), 'utf8')).version;
  if (options.sarif === null) {
    console.log(`electronegativity ${version} over ${SCANNED.join(', ')} (offline)`);
    for (const entry of config.skippedChecks)
      console.log(`  skipped    ${entry.check}: ${firstSentence(entry.reason)}`);
    problems.push(...(await scan(options.root, config, sarifPath)));
  }
  const findings = readFindings(sarifPath, options.root);
  const { accepted, unexplained, stale } = compare(findings, config.explained);
  for (const { finding, entry } of accepted) {
    console.log(`  explained  ${finding.check} ${where(finding)}: ${firstSentence(entry.reason)}`);
  }
  for (const finding of unexplained) {
    problems.push(
      `${finding.check} at ${where(finding)} is not explained: ${finding.message}` +
        (finding.code ? `\n      ${finding.code}` : '') +
        `\n    Fix it, or add an entry with the reason to ${configName}.`,
    );
  }
  for (const entry of stale) {
    problems.push(
      `${configName} explains ${entry.check} in ${entry.file}${entry.code ? ` ("${entry.code}")` : ''}, ` +
        'but the scan no longer finds it: remove the entry.',
    );
  }
  for (const problem of problems) console.log(`  FAILED     ${problem}`);
  console.log(
    `electronegativity: ${findings.length} findings, ${accepted.length} explained, ` +
      `${unexplained.length} not explained, ${stale.length} stale entries`,
  );
  return problems.length === 0;
}

const timer = setTimeout(() => {
  console.log(`  FAILED     the scan did not finish within ${TIME_LIMIT_MS / 1000} s`);
  console.log('electronegativity: 0 passed, 1 failed');
  process.exit(1);
}, TIME_LIMIT_MS);
timer.unref();

let passed = false;
try {
  passed = await main();
} catch (error) {
  console.log(`  FAILED     ${error instanceof Error ? error.message : String(error)}`);
}
clearTimeout(timer);
console.log(`electronegativity: ${passed ? '1 passed, 0 failed' : '0 passed, 1 failed'}`);
process.exitCode = passed ? 0 : 1;
