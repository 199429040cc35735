/**
 * `crosswalk parse` on hostile and oversized PDFs, run as a user runs it (a child process):
 * a PDF full of actions is read for its text and nothing it asks for happens; a 1,200-page
 * document is read within a bounded heap; one over the page limit is refused in one plain line;
 * passwords are asked for, and a wrong one is told apart from a missing one.
 * (The broken fixtures' exit codes and messages are in crosswalk.test.ts.)
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'fixtures');
const CLI = join(ROOT, 'scripts', 'crosswalk.mjs');
const MAKE = join(ROOT, 'scripts', 'make-hostile.mjs');
const run = promisify(execFile);

interface Outcome {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI without blocking this process (the test's own server must keep answering meanwhile). */
async function crosswalk(args: readonly string[], nodeArgs: readonly string[] = []): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...nodeArgs, CLI, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: { ...process.env, CROSSWALK_THREADS: '1' },
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    return {
      status: typeof failed.code === 'number' ? failed.code : -1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
    };
  }
}

function make(...args: string[]): void {
  const made = spawnSync(process.execPath, [MAKE, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`make-hostile ${args.join(' ')}: ${made.stderr}`);
}

function expectOnePlainLine(outcome: Outcome, message: RegExp): void {
  expect(outcome.stdout).toBe('');
  const lines = outcome.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^crosswalk: /);
  expect(lines[0]).toMatch(message);
  expect(outcome.stderr).not.toMatch(/\n\s+at |Exception|\[object/);
}

interface ActExpected {
  readonly document: { readonly kind: string; readonly pages: number };
  readonly units: readonly unknown[];
}
const actExpected = JSON.parse(readFileSync(join(FIXTURES, 'act.expected.json'), 'utf8')) as ActExpected;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosswalk-hostile-'));
});
afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe(
  'a PDF with JavaScript, Launch, URI and SubmitForm actions and an embedded file',
  { timeout: 60_000 },
  () => {
    it('parses the committed fixture to exactly the clauses of the plain act', async () => {
      const outcome = await crosswalk(['parse', join(FIXTURES, 'hostile', 'actions.pdf')]);
      expect(outcome.stderr).toBe('');
      expect(outcome.status).toBe(0);
      const json = JSON.parse(outcome.stdout) as ActExpected;
      expect(json.document).toMatchObject(actExpected.document);
      expect(json.units).toEqual(actExpected.units);
    });

    describe('pointed at a server and a program of the test', () => {
      let server: Server;
      const hits: string[] = [];
      let launch = '';

      beforeAll(async () => {
        server = createServer((request, response) => {
          hits.push(request.url ?? '');
          response.end('seen');
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const address = server.address();
        const port = typeof address === 'object' && address !== null ? address.port : 0;
        launch = join(dir, 'launch-me.sh');
        // The program the Launch action names: it would leave launch-me.sh.ran behind if anything ran it.
        writeFileSync(launch, `#!/bin/sh\ntouch "${launch}.ran"\n`, { mode: 0o755 });
        make(
          '--actions',
          '--out',
          join(dir, 'armed.pdf'),
          '--uri',
          `http://127.0.0.1:${port}/beacon`,
          '--launch',
          launch,
        );
      });
      afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

      it('fetches no address, launches nothing and writes no file', async () => {
        // The server answers: a request from the parse would be recorded, not lost to a timeout.
        const probe = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/probe`);
        expect(await probe.text()).toBe('seen');
        hits.length = 0;
        const before = readdirSync(dir).sort();
        for (const format of ['--json', '--outline']) {
          const outcome = await crosswalk(['parse', join(dir, 'armed.pdf'), format]);
          expect(outcome.status).toBe(0);
          expect(outcome.stderr).toBe('');
          expect(outcome.stdout).not.toMatch(/beacon|launch-me|run-me|launchURL/);
        }
        // Give a stray request time to arrive before looking.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(hits).toEqual([]);
        expect(existsSync(`${launch}.ran`)).toBe(false);
        expect(readdirSync(dir).sort()).toEqual(before);
      });
    });
  },
);

describe('a very large document', { timeout: 60_000 }, () => {
  it('reads 1,200 pages inside a 192 MB JavaScript heap', { timeout: 120_000 }, async () => {
    const file = join(dir, 'large.pdf');
    make('--large', '1200', '--out', file);
    // A parse that kept every page's pdf.js objects alive would run out of heap and crash here.
    const outcome = await crosswalk(['parse', file, '--outline'], ['--max-old-space-size=192']);
    expect(outcome.stderr).toBe('');
    expect(outcome.status).toBe(0);
    expect(outcome.stdout.split('\n')[0]).toMatch(/\(1200 pages, sha256 /);
  });

  it('refuses a document over 5,000 pages before reading it, in one plain line', async () => {
    const file = join(dir, 'huge.pdf');
    make('--large', '5001', '--lines', '0', '--out', file);
    const outcome = await crosswalk(['parse', file]);
    expect(outcome.status).toBe(3);
    expectOnePlainLine(outcome, /has 5001 pages; Crosswalk reads at most 5000 pages/);
  });
});

describe('passwords', { timeout: 60_000 }, () => {
  const encrypted = join(FIXTURES, 'broken', 'encrypted.pdf');

  it('tells a missing password from a wrong one, both exit 3 in one line', async () => {
    const missing = await crosswalk(['parse', encrypted]);
    expect(missing.status).toBe(3);
    expectOnePlainLine(missing, /encrypted with a password .*Pass the password with --password/);
    const wrong = await crosswalk(['parse', encrypted, '--password', 'not-it']);
    expect(wrong.status).toBe(3);
    expectOnePlainLine(wrong, /password for this encrypted PDF is not correct/);
    expect(wrong.stderr).not.toMatch(/not-it/);
  });

  it('takes --password=VALUE and the owner password too', async () => {
    for (const args of [['--password=secret'], ['--password', 'owner']]) {
      const outcome = await crosswalk(['parse', encrypted, ...args, '--outline']);
      expect(outcome.status).toBe(0);
      expect(outcome.stdout).toMatch(/^other: /);
    }
  });

  it('is a usage error (exit 2) without its value', async () => {
    const outcome = await crosswalk(['parse', encrypted, '--password']);
    expect(outcome.status).toBe(2);
    expectOnePlainLine(outcome, /--password needs a value/);
  });

  it('is ignored for a PDF that has none', async () => {
    const outcome = await crosswalk(['parse', join(FIXTURES, 'plain.pdf'), '--password', 'x']);
    expect(outcome.status).toBe(0);
  });
});
