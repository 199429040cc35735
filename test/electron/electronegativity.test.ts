/**
 * The Electron security audit (scripts/electronegativity.mjs, `npm run audit:electron`): it passes
 * on this checkout without touching the network, it fails on a deliberately unsafe app, and it
 * fails when .ci/electronegativity.json misses a finding, keeps a stale entry or gives no reason.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'electronegativity.mjs');
const CONFIG = join(ROOT, '.ci', 'electronegativity.json');
const SCAN_TIMEOUT = 90_000;

interface Explanation {
  check: string;
  file: string;
  code?: string;
  reason: string;
}
interface Config {
  skippedChecks: { check: string; reason: string }[];
  explained: Explanation[];
}

const work = mkdtempSync(join(tmpdir(), 'crosswalk-audit-test-'));

/** Any socket or DNS lookup makes the run print NETWORK USED and fail. */
const NO_NETWORK = join(work, 'no-network.cjs');
writeFileSync(
  NO_NETWORK,
  `const net = require('node:net');
const dns = require('node:dns');
const deny = (what) => function () {
  process.stdout.write('NETWORK USED: ' + what + '\\n');
  throw new Error('The network is off in this test.');
};
net.Socket.prototype.connect = deny('net.Socket.connect');
dns.lookup = deny('dns.lookup');
dns.promises.lookup = deny('dns.promises.lookup');
`,
);

function audit(...args: string[]): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, ['--require', NO_NETWORK, SCRIPT, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: SCAN_TIMEOUT,
  });
  return { status: result.status, stdout: `${result.stdout}${result.stderr}` };
}

function committedConfig(): Config {
  return JSON.parse(readFileSync(CONFIG, 'utf8')) as Config;
}

function writeConfig(name: string, config: unknown): string {
  const path = join(work, name);
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}

const report = join(work, 'crosswalk.sarif');
let first: { status: number | null; stdout: string };

beforeAll(() => {
  first = audit('--out', report);
}, SCAN_TIMEOUT);

describe('the audit of this checkout', () => {
  it('passes: every finding is explained in .ci/electronegativity.json', () => {
    expect(first.stdout).not.toContain('FAILED');
    expect(first.stdout.trim().split('\n').at(-1)).toBe('electronegativity: 1 passed, 0 failed');
    expect(first.status).toBe(0);
  });

  it('ran offline: no socket was opened and no name was looked up', () => {
    expect(first.stdout).not.toContain('NETWORK USED');
  });

  it('really scanned: each explanation matched a finding of its own', () => {
    const explained = committedConfig().explained;
    const summary =
      /electronegativity: (\d+) findings, (\d+) explained, 0 not explained, 0 stale entries/.exec(
        first.stdout,
      );
    expect(Number(summary?.[2])).toBeGreaterThanOrEqual(explained.length);
    for (const entry of explained) expect(first.stdout).toContain(`explained  ${entry.check} ${entry.file}:`);
  });

  it('skips only checks that need the network, each with its reason', () => {
    expect(committedConfig().skippedChecks.map((entry) => entry.check)).toEqual([
      'AvailableSecurityFixesGlobalCheck',
    ]);
  });
});

describe('the audit fails', () => {
  it('on a finding the config does not explain, naming the check, the line and the code', () => {
    const config = committedConfig();
    const dropped = config.explained.find((entry) => entry.check === 'CONTEXT_ISOLATION_JS_CHECK');
    const path = writeConfig('missing.json', {
      ...config,
      explained: config.explained.filter((entry) => entry !== dropped),
    });
    const run = audit('--config', path, '--sarif', report);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /FAILED {5}CONTEXT_ISOLATION_JS_CHECK at electron\/main\/index\.ts:\d+ is not explained: .*contextIsolation/,
    );
    expect(run.stdout).toContain('new BrowserWindow(');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('electronegativity: 0 passed, 1 failed');
  });

  it('on an entry that no longer matches any finding', () => {
    const config = committedConfig();
    const stale: Explanation = {
      check: 'NODE_INTEGRATION_JS_CHECK',
      file: 'electron/main/index.ts',
      code: 'nodeIntegration: true',
      reason: 'An old window that is gone.',
    };
    const path = writeConfig('stale.json', { ...config, explained: [...config.explained, stale] });
    const run = audit('--config', path, '--sarif', report);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      'explains NODE_INTEGRATION_JS_CHECK in electron/main/index.ts ("nodeIntegration: true"), but the scan no longer finds it',
    );
  });

  it('on an entry whose code no longer matches the flagged line', () => {
    const config = committedConfig();
    const path = writeConfig('moved.json', {
      ...config,
      explained: config.explained.map((entry) =>
        entry.check === 'SANDBOX_JS_CHECK' ? { ...entry, code: 'new BrowserWindow({' } : entry,
      ),
    });
    const run = audit('--config', path, '--sarif', report);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/SANDBOX_JS_CHECK at electron\/main\/index\.ts:\d+ is not explained/);
  });

  it.each([
    [
      'an entry without a reason',
      { explained: [{ check: 'X', file: 'y.ts', reason: ' ' }] },
      'needs a "check", a "file" and a "reason"',
    ],
    ['an unknown key', { explained: [], extra: true }, 'unknown key "extra"'],
    [
      'a skipped check that does not exist',
      { skippedChecks: [{ check: 'NoSuchCheck', reason: 'r' }], explained: [] },
      'electronegativity has no check called "NoSuchCheck"',
    ],
    ['no list of explanations', { skippedChecks: [] }, '"explained" must be a list'],
  ])('on a config with %s', (_name, config, message) => {
    const run = audit('--config', writeConfig('bad.json', config), '--sarif', report);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(message);
  });

  it('on a config that is not JSON', () => {
    const path = join(work, 'broken.json');
    writeFileSync(path, '{"explained": [');
    const run = audit('--config', path, '--sarif', report);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('could not be read as JSON');
  });
});

describe('the audit of a deliberately unsafe app', () => {
  it(
    'reports Node in the renderer, no isolation, no navigation limits, no CSP and openExternal',
    () => {
      const app = join(work, 'unsafe-app');
      mkdirSync(join(app, 'electron', 'main'), { recursive: true });
      mkdirSync(join(app, 'renderer'), { recursive: true });
      mkdirSync(join(app, 'src'), { recursive: true });
      writeFileSync(
        join(app, 'package.json'),
        JSON.stringify({ name: 'unsafe', devDependencies: { electron: '45.5.0' } }),
      );
      writeFileSync(
        join(app, 'electron', 'main', 'index.ts'),
        `import { app, BrowserWindow, shell } from 'electron';
app.whenReady().then(() => {
  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
  win.webContents.on('did-navigate', (_event, url: string) => void shell.openExternal(url));
  void win.loadURL('https://example.com/');
});
`,
      );
      writeFileSync(
        join(app, 'renderer', 'index.html'),
        '<!doctype html><script src="http://cdn.example/x.js"></script>',
      );
      writeFileSync(join(app, 'src', 'index.ts'), 'export const answer = 42;\n');

      const run = audit(
        '--root',
        app,
        '--config',
        writeConfig('empty.json', { skippedChecks: committedConfig().skippedChecks, explained: [] }),
        '--out',
        join(work, 'unsafe.sarif'),
      );
      expect(run.status).toBe(1);
      for (const check of [
        'NODE_INTEGRATION_JS_CHECK',
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'OPEN_EXTERNAL_JS_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        'CSP_GLOBAL_CHECK',
      ]) {
        expect(run.stdout).toMatch(new RegExp(`FAILED {5}${check} at .+ is not explained`));
      }
      expect(run.stdout).not.toContain('NETWORK USED');
    },
    SCAN_TIMEOUT,
  );
});
