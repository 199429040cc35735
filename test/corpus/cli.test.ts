/** `crosswalk compare` on the real documents, as a user runs it. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AI_ACT, CODE_SAFETY, corpusAvailable, skipReason } from './corpus';

const ROOT = join(import.meta.dirname, '..', '..');

describe.skipIf(!corpusAvailable)(`crosswalk compare on the real documents${skipReason}`, () => {
  it('shows the deadlines Measure 9.3 adds to Article 55(1)(c) and suggests expands', () => {
    const result = spawnSync(
      process.execPath,
      [
        join(ROOT, 'scripts', 'crosswalk.mjs'),
        'compare',
        AI_ACT,
        CODE_SAFETY,
        'msr_9.3',
        'art_55__para_1__point_c',
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Law   art_55__para_1__point_c  Article 55(1), point (c)');
    const adds = out.slice(out.indexOf('What the code adds:'), out.indexOf('What the code leaves out:'));
    for (const deadline of [
      'not later than two days',
      'not later than five days',
      'not later than 10 days',
      'not later than 15 days',
    ]) {
      expect(adds).toContain(deadline);
    }
    expect(out).toMatch(/Suggested stance: expands \(confidence 0\.\d+\)/);
    const evidence = out.slice(out.indexOf('Suggested stance:'));
    expect(evidence).toMatch(/deadline/);
  });
});
