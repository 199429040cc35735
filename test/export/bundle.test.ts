import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildBundle,
  DEFAULT_BUNDLE_LIMITS,
  parseBundle,
  type Bundle,
  type BundleInput,
} from '../../src/export/index';
import { findJsonError } from '../../src/export/bundle';
import {
  annotation,
  ANNOTATIONS,
  CODE_DOC,
  LAW_DOC,
  link,
  LINKS,
  objection,
  OBJECTIONS,
  PROJECT,
  T2,
} from './fixtures';

const INPUT: BundleInput = {
  project: PROJECT,
  documents: [LAW_DOC, CODE_DOC],
  links: LINKS,
  annotations: ANNOTATIONS,
  objections: OBJECTIONS,
  exportedAt: T2,
};

function parsed(text: string): Bundle {
  const result = parseBundle(text);
  if (!result.ok) throw new Error(result.error);
  return result.bundle;
}

function errorOf(text: string, limits?: Parameters<typeof parseBundle>[1]): string {
  const result = parseBundle(text, limits);
  if (result.ok) throw new Error('expected the bundle to be refused');
  return result.error;
}

/** A valid bundle as a plain object, to break one field at a time. */
function raw(): Record<string, unknown> {
  return JSON.parse(buildBundle(INPUT)) as Record<string, unknown>;
}

const byId = <T extends { id: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('buildBundle / parseBundle', () => {
  it('round-trips a project’s review', () => {
    const text = buildBundle(INPUT);
    expect(text).toMatch(/^\{\n {2}"format": "crosswalk-bundle",\n {2}"version": 2,/);
    const bundle = parsed(text);
    expect(bundle.project).toEqual(PROJECT);
    expect(bundle.documents).toEqual([LAW_DOC, CODE_DOC]);
    expect(bundle.links).toEqual(byId(LINKS));
    expect(bundle.annotations).toEqual(byId(ANNOTATIONS));
    expect(bundle.objections).toEqual(byId(OBJECTIONS));
    expect(bundle.exportedAt).toBe(T2);
    expect(text).not.toContain('"files"');
  });

  it('reads a version 1 bundle (before objections) as one with no objections', () => {
    const v1 = raw();
    delete v1['objections'];
    const bundle = parsed(JSON.stringify({ ...v1, version: 1 }));
    expect(bundle.version).toBe(2);
    expect(bundle.objections).toEqual([]);
    expect(bundle.annotations).toEqual(byId(ANNOTATIONS));
    // A version 1 bundle cannot carry what version 2 added.
    expect(errorOf(JSON.stringify({ ...raw(), version: 1 }))).toMatch(/objections/);
  });

  it('carries the PDFs only when asked, checked as base64 with a SHA-256 fingerprint', () => {
    const file = { fingerprint: 'a'.repeat(64), fileName: 'ai-act.pdf', base64: 'JVBERi0xLjcK' };
    const text = buildBundle({ ...INPUT, files: [file, file] });
    expect(parsed(text).files).toEqual([file]);
    const broken = (patch: object): string =>
      errorOf(JSON.stringify({ ...raw(), files: [{ ...file, ...patch }] }));
    expect(broken({ base64: 'not base64!' })).toMatch(/files\[0\]\.base64: is not base64/);
    expect(broken({ fingerprint: 'abc' })).toMatch(/not a SHA-256 fingerprint/);
    expect(broken({ path: '/etc/passwd' })).toMatch(/files\[0\]/);
  });

  it('checks objections: project, unique ids, dates, assessments', () => {
    const withObjections = (list: object[]): string =>
      errorOf(JSON.stringify({ ...raw(), objections: list }));
    expect(withObjections([{ ...objection('o9', []), projectId: 'p2' }])).toMatch(
      /objections\[0\]\.projectId: is not the bundle’s project/,
    );
    expect(withObjections([objection('o9', []), objection('o9', [])])).toMatch(/appears twice/);
    expect(withObjections([objection('o9', [], { raisedOn: 'last week' })])).toMatch(/not a date/);
    expect(withObjections([{ ...objection('o9', []), assessment: 'maybe' }])).toMatch(/assessment/);
  });

  it('leaves out other projects’ records and fields that are not part of the model', () => {
    const stored = { ...LAW_DOC, bytes: [1, 2, 3], tree: { units: [] } };
    const text = buildBundle({
      ...INPUT,
      documents: [stored, CODE_DOC],
      links: [...LINKS, link('msr_6.2', 'art_3', { projectId: 'p2' })],
      annotations: [...ANNOTATIONS, annotation('z9', 'msr_6.2', null, { projectId: 'p2' })],
    });
    expect(text).not.toContain('bytes');
    expect(text).not.toContain('p2');
    expect(parsed(text).documents[0]).toEqual(LAW_DOC);
  });

  it('is the same text for the same review, whatever order the records came in', () => {
    const reversed = { ...INPUT, links: [...LINKS].reverse(), annotations: [...ANNOTATIONS].reverse() };
    expect(buildBundle(reversed)).toBe(buildBundle(INPUT));
  });

  it('refuses what is not a Crosswalk bundle', () => {
    expect(errorOf('{"format":"something-else","version":1}')).toBe('This is not a Crosswalk bundle.');
    expect(errorOf('[1,2]')).toMatch(/not a Crosswalk bundle/);
    expect(errorOf('"crosswalk-bundle"')).toMatch(/not a Crosswalk bundle/);
    expect(errorOf(JSON.stringify({ ...raw(), format: undefined }))).toMatch(/not a Crosswalk bundle/);
  });

  it('refuses a bundle from a newer Crosswalk, saying so', () => {
    expect(errorOf(JSON.stringify({ ...raw(), version: 3, links: 'whatever' }))).toContain(
      'made by a newer version of Crosswalk (bundle version 3); this version reads version 2',
    );
    expect(errorOf(JSON.stringify({ ...raw(), version: 0 }))).toMatch(/unknown version \(0\)/);
    expect(errorOf(JSON.stringify({ ...raw(), version: '1' }))).toMatch(/unknown version \("1"\)/);
  });

  it('says where invalid JSON goes wrong', () => {
    expect(errorOf('{"format": }')).toBe(
      'The file is not valid JSON: unexpected character "}" at line 1, column 12 (position 11).',
    );
    expect(errorOf('{\n  "format": "crosswalk-bundle",\n  "version": 1,,\n}')).toMatch(
      /unexpected character "," at line 3, column 16 \(position 49\)/,
    );
    expect(errorOf('{"format": "crosswalk-bun')).toMatch(/the file ends too early at line 1, column 26/);
    expect(errorOf('')).toMatch(/ends too early/);
  });

  it('reads a bundle saved with a byte order mark', () => {
    expect(parseBundle(`\uFEFF${buildBundle(INPUT)}`).ok).toBe(true);
  });

  it('refuses an oversize file before parsing it, counting UTF-8 bytes', () => {
    // Not even JSON: the size is what it is refused for.
    expect(errorOf('x'.repeat(2_000), { maxBytes: 1_000 })).toBe(
      'The file is larger than 1000 bytes, the most a bundle may be.',
    );
    expect(errorOf('x'.repeat(2_000), { maxBytes: 1_024 })).toMatch(/larger than 1 KB/);
    // 600 characters, 1,200 bytes.
    const wide = JSON.stringify({ format: 'crosswalk-bundle', pad: 'é'.repeat(600) });
    expect(errorOf(wide, { maxBytes: 1_000 })).toMatch(/larger than/);
    expect(errorOf(wide, { maxBytes: 2_000 })).not.toMatch(/larger than/);
    expect(parseBundle(buildBundle(INPUT)).ok).toBe(true);
  });

  it('checks every field: enums, ranges, lengths, counts', () => {
    const withAnnotation = (patch: Record<string, unknown>): string => {
      const bundle = raw();
      const annotations = bundle.annotations as Record<string, unknown>[];
      annotations[0] = { ...annotations[0], ...patch };
      return JSON.stringify(bundle);
    };
    expect(errorOf(withAnnotation({ stance: 'agrees' }))).toMatch(
      /^The bundle is invalid: annotations\[0\]\.stance: /,
    );
    expect(errorOf(withAnnotation({ strength: 11 }))).toMatch(/annotations\[0\]\.strength/);
    expect(errorOf(withAnnotation({ extra: 1 }))).toMatch(/annotations\[0\]: Unrecognized key/);
    expect(errorOf(withAnnotation({ rationale: 'x'.repeat(101) }), { maxRationale: 100 })).toMatch(
      /annotations\[0\]\.rationale: is longer than 100 characters/,
    );
    expect(parseBundle(withAnnotation({ rationale: 'x'.repeat(100) }), { maxRationale: 100 }).ok).toBe(true);
    expect(errorOf(buildBundle(INPUT), { maxAnnotations: 2 })).toMatch(
      /^The bundle is invalid: annotations: /,
    );
    expect(errorOf(buildBundle(INPUT), { maxLinks: 2 })).toMatch(/^The bundle is invalid: links: /);
  });

  it('refuses links and annotations that claim another project or a wrong id', () => {
    const bundle = raw();
    const links = bundle.links as Record<string, unknown>[];
    links[0] = { ...links[0], target: 'art_3' };
    expect(errorOf(JSON.stringify(bundle))).toMatch(/links\[0\]\.id: does not match its source and target/);
    const other = raw();
    (other.annotations as Record<string, unknown>[])[1]!.projectId = 'p2';
    expect(errorOf(JSON.stringify(other))).toMatch(
      /annotations\[1\]\.projectId: is not the bundle’s project/,
    );
    const twice = raw();
    const annotations = twice.annotations as unknown[];
    annotations.push(annotations[0]);
    expect(errorOf(JSON.stringify(twice))).toMatch(/annotations\[3\]\.id: appears twice/);
  });

  it('refuses prototype keys and pollutes nothing', () => {
    const text = buildBundle(INPUT);
    const attacks = [
      text.replace('"format"', '"__proto__": {"polluted": true},\n  "format"'),
      text.replace('"stance": "narrows"', '"stance": "narrows", "__proto__": {"polluted": true}'),
      text.replace(
        '"stance": "narrows"',
        '"stance": "narrows", "constructor": {"prototype": {"polluted": true}}',
      ),
      text.replace('"exact"', '"__proto__": {"polluted": true}, "exact"'),
    ];
    for (const attack of attacks) {
      expect(attack).not.toBe(text);
      expect(errorOf(attack)).toMatch(/contains the key "(__proto__|constructor)"/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives absurd nesting', () => {
    const deep = `{"format":"crosswalk-bundle","version":1,"links":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(errorOf(deep)).toMatch(/^The bundle is invalid/);
    expect(errorOf('['.repeat(100_000))).toMatch(/ends too early/);
  });

  it('never throws, whatever the text', () => {
    const valid = buildBundle(INPUT);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.json(),
          fc
            .jsonValue()
            .map((value) => JSON.stringify({ format: 'crosswalk-bundle', version: 1, project: value })),
          // A valid bundle with a slice cut out or replaced.
          fc
            .tuple(fc.nat(valid.length), fc.nat(40), fc.string())
            .map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut)),
        ),
        (text) => {
          const result = parseBundle(text);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds a JSON error exactly where JSON.parse finds one', () => {
    const accepts = (text: string): boolean => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    const valid = buildBundle(INPUT).slice(0, 400);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 30 }),
          fc.json(),
          fc.stringMatching(/^[[\]{}",:0-9eE.+\-tfnrulase \\]{0,20}$/),
          fc
            .tuple(fc.nat(400), fc.string({ maxLength: 3 }))
            .map(([at, s]) => valid.slice(0, at) + s + valid.slice(at)),
        ),
        (text) => {
          expect(findJsonError(text) === null).toBe(accepts(text));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('bundles carrying real-sized PDFs', () => {
  it('reads a bundle with a 12 MB PDF (base64 checked without running out of regex stack)', () => {
    const base64 = 'JVBERi0x'.repeat(2_000_000); // 16 M characters: 12 MB of bytes
    const text = buildBundle({
      ...INPUT,
      files: [{ fingerprint: 'b'.repeat(64), fileName: 'big.pdf', base64 }],
    });
    const result = parseBundle(text);
    expect(result.ok ? result.bundle.files?.[0]?.base64.length : result.error).toBe(base64.length);
  });

  it('allows the desktop to read every bundle it may write', async () => {
    const { MAX_BUNDLE_BYTES } = await import('../../src/ipc/contract');
    expect(MAX_BUNDLE_BYTES).toBe(DEFAULT_BUNDLE_LIMITS.maxBytes);
  });
});
