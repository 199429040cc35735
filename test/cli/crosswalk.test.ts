/**
 * `crosswalk parse` from the outside, exactly as a user or script runs it:
 * `node scripts/crosswalk.mjs` (what `npx crosswalk` runs), exit codes, stdout, stderr.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'fixtures');

function crosswalk(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'crosswalk.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('crosswalk parse', { timeout: 60_000 }, () => {
  it('prints the documented JSON shape, and nothing on stderr', () => {
    const { status, stdout, stderr } = crosswalk('parse', join(FIXTURES, 'act.pdf'), '--json');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const json = JSON.parse(stdout) as {
      document: Record<string, unknown>;
      units: Record<string, unknown>[];
    };
    expect(Object.keys(json)).toEqual(['document', 'units']);
    expect(Object.keys(json.document)).toEqual(['kind', 'title', 'pages', 'fingerprint']);
    const sha = createHash('sha256')
      .update(readFileSync(join(FIXTURES, 'act.pdf')))
      .digest('hex');
    expect(json.document).toMatchObject({ kind: 'act', pages: 6, fingerprint: sha });
    for (const unit of json.units) {
      expect(Object.keys(unit)).toEqual(['id', 'type', 'num', 'heading', 'text', 'parent', 'page', 'notes']);
    }
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'act.expected.json'), 'utf8')) as {
      units: unknown[];
    };
    expect(json.units).toEqual(expected.units);
  });

  it('prints a readable outline', () => {
    const { status, stdout } = crosswalk('parse', join(FIXTURES, 'code.pdf'), '--outline');
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^code: Code of Practice for General-Purpose AI Models Transparency Chapter \(synthetic\)/,
    );
    expect(stdout).toContain(
      '\ncmt_1  Commitment 1  Documentation of models and information for downstream providers\n',
    );
    expect(stdout).toContain('\n  msr_1.1  Measure 1.1  Drawing up and keeping the model documentation\n');
    expect(stdout).toContain(
      '\n    msr_1.1__point_2  (2)  a record of each version of the model, which will include:\n',
    );
  });

  it('parses a document with no legal structure as kind other', () => {
    const { status, stdout } = crosswalk('parse', join(FIXTURES, 'plain.pdf'));
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as { document: { kind: string } }).document.kind).toBe('other');
  });

  it.each([
    ['empty.pdf', /empty/],
    ['not-a-pdf.pdf', /not a PDF/],
    ['truncated.pdf', /damaged or incomplete/],
    ['header-only.pdf', /damaged or incomplete/],
    ['corrupted.pdf', /damaged/],
    ['encrypted.pdf', /encrypted with a password.*--password/],
    ['scanned.pdf', /no text layer.*OCR/],
  ])('exits 3 with one plain line for broken/%s', (name, message) => {
    const { status, stdout, stderr } = crosswalk('parse', join(FIXTURES, 'broken', name));
    expect(status).toBe(3);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('opens an encrypted PDF with its password, and says so when the password is wrong', () => {
    expect(crosswalk('parse', join(FIXTURES, 'broken', 'encrypted.pdf'), '--password', 'secret').status).toBe(
      0,
    );
    const wrong = crosswalk('parse', join(FIXTURES, 'broken', 'encrypted.pdf'), '--password', 'nope');
    expect(wrong.status).toBe(3);
    expect(wrong.stderr).toMatch(/password .* not correct/);
    // Encrypted without a user password: opens like any PDF.
    expect(crosswalk('parse', join(FIXTURES, 'broken', 'encrypted-nouser.pdf')).status).toBe(0);
  });

  it('exits 3 for a missing file and 2 for bad usage', () => {
    const missing = crosswalk('parse', join(FIXTURES, 'does-not-exist.pdf'));
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/no such file/);
    const usage = crosswalk('parse');
    expect(usage.status).toBe(2);
    expect(usage.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(crosswalk('parse', 'a.pdf', '--frobnicate').status).toBe(2);
    expect(crosswalk('--help').stdout).toMatch(/^Usage:/);
  });
});

// Each case starts Node and pdf.js several times: on 2 busy cores that can pass 15 s.
describe('crosswalk parse on reader threads', { timeout: 60_000 }, () => {
  it('gives the same tree with 3 threads as on one', () => {
    const env = (threads: string): NodeJS.ProcessEnv => ({ ...process.env, CROSSWALK_THREADS: threads });
    const run = (threads: string): string =>
      spawnSync(
        process.execPath,
        [join(ROOT, 'scripts', 'crosswalk.mjs'), 'parse', join(FIXTURES, 'act.pdf')],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: env(threads),
        },
      ).stdout;
    const single = run('1');
    expect(JSON.parse(single)).toMatchObject({ document: { kind: 'act', pages: 6 } });
    expect(run('3')).toBe(single);
  });

  it('reports a damaged file from a reader thread as exit 3, like on one thread', () => {
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts', 'crosswalk.mjs'), 'parse', join(FIXTURES, 'broken', 'corrupted.pdf')],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CROSSWALK_THREADS: '2' } },
    );
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/damaged/);
  });
});

describe('crosswalk link and compare', { timeout: 60_000 }, () => {
  it('prints links in the documented JSON shape, ranked within each source', () => {
    const { status, stdout, stderr } = crosswalk(
      'link',
      join(FIXTURES, 'act.pdf'),
      join(FIXTURES, 'code.pdf'),
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const json = JSON.parse(stdout) as {
      law: Record<string, unknown>;
      code: Record<string, unknown>;
      links: { source: string; rank: number; score: number }[];
      unresolved: { source: string; text: string; reason: string }[];
    };
    expect(Object.keys(json)).toEqual(['law', 'code', 'links', 'unresolved']);
    expect(Object.keys(json.law)).toEqual(['fingerprint', 'title']);
    for (const link of json.links) {
      expect(Object.keys(link)).toEqual([
        'source',
        'target',
        'rank',
        'score',
        'basis',
        'evidence',
        'suggestedStance',
      ]);
    }
    const ranks = new Map<string, number[]>();
    for (const link of json.links) ranks.set(link.source, [...(ranks.get(link.source) ?? []), link.rank]);
    for (const list of ranks.values()) expect(list).toEqual(list.map((_, i) => i + 1));
    // The synthetic code cites Article 53(1) of the AI Act, which the synthetic act does not have.
    expect(
      json.unresolved.some((u) => u.source === 'cmt_1' && /53/.test(u.text) && u.reason.length > 0),
    ).toBe(true);
  });

  it('prints a readable table', () => {
    const { status, stdout } = crosswalk(
      'link',
      join(FIXTURES, 'act.pdf'),
      join(FIXTURES, 'code.pdf'),
      '--table',
      '--top',
      '2',
    );
    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^source\s+rank\s+target\s+provision\s+score\s+basis/);
    expect(stdout).toContain('Unresolved references:');
  });

  it('compares a code unit with a provision, and exits 3 for an id the document does not have', () => {
    const ok = crosswalk(
      'compare',
      join(FIXTURES, 'act.pdf'),
      join(FIXTURES, 'code.pdf'),
      'msr_1.1',
      'art_3__para_1',
    );
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^Code {2}msr_1\.1/);
    expect(ok.stdout).toContain('Suggested stance:');
    const missing = crosswalk(
      'compare',
      join(FIXTURES, 'act.pdf'),
      join(FIXTURES, 'code.pdf'),
      'msr_1.1',
      'art_99',
    );
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/has no unit "art_99"/);
    expect(crosswalk('link', join(FIXTURES, 'act.pdf')).status).toBe(2);
    expect(
      crosswalk('link', join(FIXTURES, 'act.pdf'), join(FIXTURES, 'code.pdf'), '--top', 'lots').status,
    ).toBe(2);
  });
});
