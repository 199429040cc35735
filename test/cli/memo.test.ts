/**
 * `crosswalk memo` from the outside: `node scripts/crosswalk.mjs memo …` on the synthetic act and
 * code, with and without a bundle, exit codes and messages.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/export/index';
import {
  linkId,
  type Annotation,
  type LinkRecord,
  type Objection,
  type ProjectRecord,
} from '../../src/model/review';
import { parseArgs } from '../../src/cli/args';

const ROOT = join(import.meta.dirname, '..', '..');
const ACT = join(ROOT, 'fixtures', 'act.pdf');
const CODE = join(ROOT, 'fixtures', 'code.pdf');

function crosswalk(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'crosswalk.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function fingerprint(file: string): string {
  const { stdout } = crosswalk('parse', file, '--json');
  return (JSON.parse(stdout) as { document: { fingerprint: string } }).document.fingerprint;
}

describe('crosswalk memo', { timeout: 60_000 }, () => {
  it('without a bundle lists the machine suggestions, labelled as such', () => {
    const { status, stdout } = crosswalk('memo', ACT, CODE, '--format', 'md', '--out', '-');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^# /);
    expect(stdout).toContain('machine suggestion, not reviewed');
    expect(stdout).toMatch(/Article \d+/);
  });

  it('writes the file it is given, and only the commitments asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'memo-'));
    const out = join(dir, 'memo.json');
    const { status, stderr } = crosswalk(
      'memo',
      ACT,
      CODE,
      '--format',
      'json',
      '--out',
      out,
      '--chapter',
      '1',
    );
    expect(status).toBe(0);
    expect(stderr).toContain(`wrote ${out}`);
    const memo = JSON.parse(readFileSync(out, 'utf8')) as {
      sections: { commitment: { id: string } | null }[];
    };
    expect(memo.sections.map((s) => s.commitment?.id)).toEqual(['cmt_1']);
  });

  it('with a bundle speaks for the team: their verdict, no unreviewed suggestions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'memo-'));
    const now = '2025-05-01T00:00:00.000Z';
    const project: ProjectRecord = {
      id: 'p1',
      name: 'Team review',
      lawFingerprint: fingerprint(ACT),
      codeFingerprint: fingerprint(CODE),
      sample: false,
      createdAt: now,
      updatedAt: now,
    };
    const { stdout } = crosswalk('link', ACT, CODE, '--json');
    const first = (JSON.parse(stdout) as { links: { source: string; target: string }[] }).links.find((l) =>
      l.source.startsWith('msr_'),
    )!;
    const link: LinkRecord = {
      id: linkId('p1', first.source, first.target),
      projectId: 'p1',
      source: first.source,
      target: first.target,
      status: 'accepted',
      origin: 'machine',
      rank: 1,
      score: 0.9,
      basis: ['citation'],
      evidence: [],
      suggestedStance: null,
      createdAt: now,
      updatedAt: now,
    };
    const verdict: Annotation = {
      id: 'a1',
      projectId: 'p1',
      source: first.source,
      target: null,
      quote: { exact: 'x', prefix: '', suffix: '' },
      stance: 'expands',
      relationship: 'superset-of',
      rationaleType: 'semantic',
      strength: 7,
      rationale: 'Adds a <b>deadline</b> the law does not set.',
      tags: ['deadlines'],
      status: 'reviewed',
      author: 'Ana',
      fromSuggestion: false,
      createdAt: now,
      updatedAt: now,
    };
    const objection = (id: string, title: string, response: string): Objection => ({
      id,
      projectId: 'p1',
      title,
      raisedBy: 'Industry Association',
      raisedOn: '2025-08-14',
      source: 'Letter, p. 2',
      claim: `${title}: the code goes beyond the law.`,
      units: [first.source],
      assessment: 'founded',
      response,
      author: 'Ana',
      createdAt: now,
      updatedAt: now,
    });
    const bundle = join(dir, 'work.json');
    writeFileSync(
      bundle,
      buildBundle({
        project,
        documents: [],
        links: [link],
        annotations: [verdict],
        objections: [
          objection('o1', 'Deadlines', 'We admit the deadline is new.'),
          objection('o2', 'Scope', 'The scope follows the Act.'),
        ],
        exportedAt: now,
      }),
    );
    const result = crosswalk('memo', ACT, CODE, '--bundle', bundle, '--format', 'csv', '--out', '-');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Adds a <b>deadline</b> the law does not set.');
    expect(result.stdout).toContain('expands');
    expect(result.stdout).not.toContain('machine suggestion');

    // The response memo: both objections, each with its provision quoted, the verdict and the response.
    const response = crosswalk(
      'memo',
      ACT,
      CODE,
      '--bundle',
      bundle,
      '--template',
      'response',
      '--format',
      'md',
      '--out',
      '-',
    );
    expect(response.status).toBe(0);
    expect(response.stdout).toMatch(/^# Response memo: Team review/);
    expect(response.stdout).toContain('## Objection 1 — Deadlines');
    expect(response.stdout).toContain('## Objection 2 — Scope');
    expect(response.stdout).toContain('We admit the deadline is new.');
    expect(response.stdout).toContain('The scope follows the Act.');
    expect(response.stdout.match(/Verdict: \*\*expands\*\*/g)).toHaveLength(2);
    expect(response.stdout).toMatch(/#{5} Article \d+/);
    const noBundle = crosswalk('memo', ACT, CODE, '--template', 'response', '--format', 'md', '--out', '-');
    expect(noBundle.status).toBe(3);
    expect(noBundle.stderr).toMatch(/response memo needs --bundle/);
    expect(
      crosswalk('memo', ACT, CODE, '--template', 'response', '--format', 'oscal', '--out', '-').status,
    ).toBe(2);
    expect(crosswalk('memo', ACT, CODE, '--template', 'letter', '--format', 'md', '--out', '-').status).toBe(
      2,
    );
  });

  it('says plainly what is wrong, with the documented exit codes', () => {
    expect(crosswalk('memo', ACT, CODE, '--out', '-').status).toBe(2);
    expect(crosswalk('memo', ACT, CODE, '--format', 'pdf', '--out', '-').status).toBe(2);
    const stance = crosswalk('memo', ACT, CODE, '--format', 'md', '--out', '-', '--stance', 'maybe');
    expect(stance.status).toBe(3);
    expect(stance.stderr).toMatch(/unknown stance "maybe"/);
    const dir = mkdtempSync(join(tmpdir(), 'memo-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"crosswalk-bundle","version":99}');
    const future = crosswalk('memo', ACT, CODE, '--bundle', bad, '--format', 'md', '--out', '-');
    expect(future.status).toBe(3);
    expect(future.stderr).toMatch(/newer version of Crosswalk/);
  });
});

describe('memo arguments', () => {
  it('accept repeated and comma-separated filters', () => {
    expect(
      parseArgs([
        'memo',
        'a.pdf',
        'b.pdf',
        '--format=md',
        '--out',
        'm.md',
        '--stance',
        'expands',
        '--stance=clarifies,narrows',
      ]),
    ).toMatchObject({
      command: 'memo',
      format: 'md',
      out: 'm.md',
      stances: ['expands', 'clarifies,narrows'],
      bundle: null,
    });
  });
});
