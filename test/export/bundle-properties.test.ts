/**
 * Bundle import on hostile input: whatever a file holds — not JSON, the wrong JSON, a valid bundle
 * with fields removed, retyped, blown up or nested absurdly deep, `__proto__`/`constructor` keys at
 * any depth, a future version — `parseBundle` answers with a checked bundle or a sentence, never
 * throws, and never touches a prototype. Merging any two valid reviews loses nothing silently and
 * a second import of the same bundle adds nothing.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BUNDLE_VERSION,
  buildBundle,
  parseBundle,
  planMerge,
  type Bundle,
  type ExistingReview,
  type MergePlan,
  type ParseBundleResult,
} from '../../src/export/index';
import type { Annotation, LinkRecord, Objection } from '../../src/model/review';
import { hostileText } from '../support/hostile-text';
import { reviewArb, type GeneratedReview } from '../support/review-arbitraries';
import { CODE_DOC, LAW_DOC, PROJECT, T2 } from './fixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const THEIRS = { ...PROJECT, id: 'theirs' };
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'] as const;

function bundleText(review: GeneratedReview, projectId = THEIRS.id): string {
  return buildBundle({
    project: { ...THEIRS, id: projectId },
    documents: [LAW_DOC, CODE_DOC],
    ...review,
    exportedAt: T2,
  });
}

function parsedOrThrow(text: string): Bundle {
  const result = parseBundle(text);
  if (!result.ok) throw new Error(result.error);
  return result.bundle;
}

// ---- Prototype pollution -----------------------------------------------------------------------

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const before = PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort().join());

function expectNoPollution(): void {
  PROTOTYPES.forEach((prototype, i) => {
    expect(Object.getOwnPropertyNames(prototype).sort().join(), 'a prototype gained a property').toBe(
      before[i],
    );
  });
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(typeof probe.toString).toBe('function');
  expect(typeof probe.hasOwnProperty).toBe('function');
}

afterEach(expectNoPollution);

/** Any key anywhere in a value that could reach a prototype. */
function hasForbiddenKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next !== 'object' || next === null) continue;
    for (const key of Object.keys(next)) {
      if ((FORBIDDEN as readonly string[]).includes(key)) return true;
      stack.push((next as Record<string, unknown>)[key]);
    }
  }
  return false;
}

/** The answer is one of the two promised shapes, and a refusal is a sentence, not a stack trace. */
function expectAnswer(result: ParseBundleResult): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    expect(hasForbiddenKey(result.bundle)).toBe(false);
    expect(Object.getPrototypeOf(result.bundle)).toBe(Object.prototype);
    // What was accepted is accepted again: the checks are not order- or state-dependent.
    expect(parseBundle(JSON.stringify(result.bundle), LIMITS).ok).toBe(true);
  } else {
    expect(typeof result.error).toBe('string');
    expect(result.error.length).toBeGreaterThan(0);
    expect(result.error).not.toMatch(/\n\s+at |Error:|\[object Object\]/);
  }
}

// ---- Mutations of a valid bundle ---------------------------------------------------------------

/** A path to a value inside a JSON tree: keys and indices. */
type Path = readonly (string | number)[];

function paths(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...paths(item, [...prefix, i])));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) out.push(...paths(item, [...prefix, key]));
  return out;
}

function getAt(value: Json, path: Path): Json | undefined {
  let current: Json | undefined = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[Number(step)] : current[String(step)];
  }
  return current;
}

/** A copy of `value` with the node at `path` replaced (or removed, when `replacement` is undefined). */
function setAt(value: Json, path: Path, replacement: Json | undefined): Json | undefined {
  if (path.length === 0) return replacement;
  const [step, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = setAt(copy[Number(step)] ?? null, rest, replacement);
    if (next === undefined) copy.splice(Number(step), 1);
    else copy[Number(step)] = next;
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const copy: { [key: string]: Json } = { ...value };
    const next = setAt(copy[String(step)] ?? null, rest, replacement);
    if (next === undefined) delete copy[String(step)];
    else copy[String(step)] = next;
    return copy;
  }
  return value;
}

const MARK = '"@@inject@@"';

/**
 * Small limits make "huge" cheap to test: the checks are the same at any size, and the default
 * limits are tested with real sizes in bundle.test.ts.
 */
const LIMITS = {
  maxBytes: 2_000_000,
  maxDocuments: 4,
  maxLinks: 100,
  maxAnnotations: 100,
  maxObjections: 100,
  maxRationale: 10_000,
};
const HUGE_STRING = 'x'.repeat(50_000);
const HUGE_ARRAY: Json[] = Array.from({ length: 2_000 }, () => 0);

/** Nested arrays and objects `depth` levels deep, as JSON text (too deep to build recursively). */
function deepText(depth: number, objects: boolean): string {
  return objects
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

type Mutation =
  | { readonly kind: 'remove'; readonly at: number }
  | { readonly kind: 'retype'; readonly at: number; readonly value: Json }
  | { readonly kind: 'inject'; readonly at: number; readonly key: (typeof FORBIDDEN)[number] }
  | { readonly kind: 'huge-string'; readonly at: number }
  | { readonly kind: 'huge-array'; readonly at: number }
  | { readonly kind: 'deep'; readonly at: number; readonly depth: number; readonly objects: boolean }
  | { readonly kind: 'version'; readonly value: Json };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('retype' as const),
    at: fc.nat(),
    value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  }),
  fc.record({ kind: fc.constant('inject' as const), at: fc.nat(), key: fc.constantFrom(...FORBIDDEN) }),
  fc.record({ kind: fc.constant('huge-string' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('huge-array' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('deep' as const),
    at: fc.nat(),
    depth: fc.integer({ min: 500, max: 5_000 }),
    objects: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('version' as const),
    value: fc.oneof(
      fc.integer({ min: BUNDLE_VERSION + 1, max: 2 ** 40 }),
      fc.constantFrom(0, -1, 1.5, BUNDLE_VERSION + 0.5, '2', 'latest', null, true, [2], { major: 2 }),
    ),
  }),
);

/**
 * Applies a mutation to a valid bundle, returning the JSON text. Keys that reach prototypes are
 * written into the text, since `JSON.parse` (unlike an object literal) makes them own properties.
 */
function mutate(bundle: Json, mutation: Mutation): string {
  const all = paths(bundle);
  const pick = (at: number): Path => all[at % all.length] ?? [];
  const containers = all.filter((p) => typeof getAt(bundle, p) === 'object' && getAt(bundle, p) !== null);
  switch (mutation.kind) {
    case 'remove':
      return JSON.stringify(
        setAt(bundle, pick(mutation.at).length === 0 ? ['format'] : pick(mutation.at), undefined) ?? null,
      );
    case 'retype':
      return JSON.stringify(setAt(bundle, pick(mutation.at), mutation.value) ?? null);
    case 'huge-string':
      return JSON.stringify(setAt(bundle, pick(mutation.at), HUGE_STRING) ?? null);
    case 'huge-array':
      return JSON.stringify(setAt(bundle, pick(mutation.at), HUGE_ARRAY) ?? null);
    case 'deep':
      return JSON.stringify(setAt(bundle, pick(mutation.at), '@@inject@@') ?? null).replace(
        MARK,
        deepText(mutation.depth, mutation.objects),
      );
    case 'inject': {
      const where = containers[mutation.at % containers.length] ?? [];
      const node = getAt(bundle, where);
      const payload = { polluted: true, toString: 'polluted', isAdmin: true };
      const replaced = Array.isArray(node)
        ? [...node, '@@inject@@']
        : { ...(node as object), '@@key@@': '@@inject@@' };
      const text = JSON.stringify(setAt(bundle, where, replaced) ?? null);
      const object = `{${JSON.stringify(mutation.key)}: ${JSON.stringify(payload)}}`;
      return Array.isArray(node)
        ? text.replace(MARK, object)
        : text.replace(`"@@key@@":${MARK}`, `${JSON.stringify(mutation.key)}: ${JSON.stringify(payload)}`);
    }
    case 'version':
      return JSON.stringify(setAt(bundle, ['version'], mutation.value) ?? null);
    default: {
      const never: never = mutation;
      return never;
    }
  }
}

describe('parseBundle on hostile input', () => {
  it('answers any text, any JSON and any bundle-shaped JSON with a bundle or a sentence', () => {
    const head = fc
      .record({
        format: fc.constantFrom('crosswalk-bundle', 'other', 1),
        version: fc.constantFrom(1, BUNDLE_VERSION, BUNDLE_VERSION + 1, '1'),
        rest: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })),
      })
      .map(({ format, version, rest }) => JSON.stringify({ ...rest, format, version }));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.json({ maxDepth: 4 }), head, hostileText),
        (text) => expectAnswer(parseBundle(text)),
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a valid bundle with any one field broken, and never throws or pollutes', () => {
    const kinds = new Map<Mutation['kind'], number>();
    fc.assert(
      fc.property(reviewArb(THEIRS.id, 3), mutationArb, (review, mutation) => {
        const valid = JSON.parse(bundleText(review)) as Json;
        const text = mutate(valid, mutation);
        const result = parseBundle(text, LIMITS);
        expectAnswer(result);
        expectNoPollution();
        kinds.set(mutation.kind, (kinds.get(mutation.kind) ?? 0) + 1);
        switch (mutation.kind) {
          case 'inject':
            expect(result.ok).toBe(false);
            if (!result.ok)
              expect(result.error).toMatch(/contains the key "(__proto__|constructor|prototype)"/);
            break;
          case 'deep':
          case 'huge-array':
            // Nothing of a bundle is an array longer than the limits or nested hundreds deep.
            expect(result.ok).toBe(false);
            break;
          case 'version':
            expect(result.ok).toBe(false);
            if (!result.ok && typeof mutation.value === 'number' && Number.isInteger(mutation.value))
              expect(result.error).toMatch(/newer version of Crosswalk|unknown version/);
            break;
          case 'remove':
          case 'retype':
          case 'huge-string':
            // Some of these still make a valid bundle (an optional field removed, a string for a
            // string, a long rationale): only the answer's shape is promised.
            break;
          default: {
            const never: never = mutation;
            return never;
          }
        }
      }),
      { numRuns: 300 },
    );
    for (const kind of [
      'remove',
      'retype',
      'inject',
      'huge-string',
      'huge-array',
      'deep',
      'version',
    ] as const)
      expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(15);
  });

  it('keeps every refusal short and specific, whatever the version field holds', () => {
    // The message is shown in a dialog: it must not echo megabytes of the file back to the user,
    // and a value too deep to print must not fall through to the generic "could not be read".
    const version: fc.Arbitrary<string> = fc.oneof(
      fc.string({ minLength: 10_000, maxLength: 20_000 }).map((s) => JSON.stringify(s)),
      fc.array(fc.integer(), { minLength: 5_000, maxLength: 6_000 }).map((a) => JSON.stringify(a)),
      fc.integer({ min: 5_000, max: 20_000 }).map((depth) => deepText(depth, true)),
    );
    fc.assert(
      fc.property(version, (value) => {
        const result = parseBundle(`{"format":"crosswalk-bundle","version":${value}}`);
        expectAnswer(result);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.length).toBeLessThan(500);
          expect(result.error).not.toMatch(/could not be read/);
        }
      }),
      // Shrinking a 5,000-item array takes longer than the counterexample is worth.
      { numRuns: 20, endOnFailure: true },
    );
  });

  it('reads back every valid review it wrote, hostile text included, field for field', () => {
    fc.assert(
      fc.property(reviewArb(THEIRS.id), (review) => {
        const bundle = parsedOrThrow(bundleText(review));
        const sorted = <T extends { id: string }>(items: readonly T[]): T[] =>
          [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        expect(bundle.links).toEqual(sorted(review.links));
        // Lone surrogates included: JSON.stringify writes them as `\udXXX`, which reads back the same.
        expect(bundle.annotations).toEqual(sorted(review.annotations));
        expect(bundle.objections).toEqual(sorted(review.objections));
      }),
      { numRuns: 80 },
    );
  });
});

// ---- Merge ---------------------------------------------------------------------------------------

/** Everything an item says but its id and project. */
function contentOf(item: Annotation | Objection): string {
  const fields = Object.entries(item).filter(([key]) => key !== 'id' && key !== 'projectId');
  return JSON.stringify(fields.sort(([a], [b]) => (a < b ? -1 : 1)));
}

function apply(existing: Required<ExistingReview>, plan: MergePlan): Required<ExistingReview> {
  const decided = new Map(plan.decideLinks.map((l) => [l.id, l]));
  return {
    links: [...existing.links.map((l) => decided.get(l.id) ?? l), ...plan.addLinks],
    annotations: [...existing.annotations, ...plan.addAnnotations],
    objections: [...existing.objections, ...plan.addObjections],
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('planMerge on any two valid reviews', () => {
  it('accounts for every incoming item, changes nothing, and adds nothing on a second import', () => {
    fc.assert(
      fc.property(reviewArb('p1'), reviewArb('p9', 3), reviewArb(THEIRS.id), (ours, otherProject, theirs) => {
        // Ours came in as a bundle too (so it is valid); another project shares the id space.
        const existing: Required<ExistingReview> = deepFreeze({
          links: [...ours.links],
          annotations: [
            ...ours.annotations,
            ...otherProject.annotations.filter((a) => !ours.annotations.some((b) => b.id === a.id)),
          ],
          objections: [
            ...ours.objections,
            ...otherProject.objections.filter((o) => !ours.objections.some((p) => p.id === o.id)),
          ],
        });
        const incoming = deepFreeze(parsedOrThrow(bundleText(theirs)));
        const plan = planMerge(existing, incoming, 'p1');
        const { report } = plan;

        // Every incoming item lands in exactly one bucket: nothing is dropped without being counted.
        const linkConflicts = plan.conflicts.filter((c) => c.kind === 'link').length;
        expect(report.linksAdded + report.linksUnchanged + report.linksDecided + linkConflicts).toBe(
          incoming.links.length,
        );
        expect(report.annotationsAdded + report.annotationsUnchanged).toBe(incoming.annotations.length);
        expect(report.objectionsAdded + report.objectionsUnchanged).toBe(incoming.objections.length);
        expect(report.conflicts).toBe(plan.conflicts.length);

        // Added ids are new and unique; every added item is in the target project.
        // Ids are keys per table (links, annotations, objections), shared by all projects.
        const takenIn = (items: readonly { id: string }[]): Set<string> => new Set(items.map((x) => x.id));
        const tables = [
          [takenIn(existing.links), plan.addLinks],
          [takenIn(existing.annotations), plan.addAnnotations],
          [takenIn(existing.objections), plan.addObjections],
        ] as const;
        for (const [taken, added] of tables)
          for (const item of added) {
            expect(taken.has(item.id), item.id).toBe(false);
            expect(item.projectId).toBe('p1');
          }
        expect(new Set(plan.addAnnotations.map((a) => a.id)).size).toBe(plan.addAnnotations.length);
        expect(new Set(plan.addObjections.map((o) => o.id)).size).toBe(plan.addObjections.length);

        // After the merge, everything the colleague wrote is in the project, word for word.
        const after = apply(existing, plan);
        const mine = <T extends Annotation | Objection>(items: readonly T[]): Set<string> =>
          new Set(items.filter((i) => i.projectId === 'p1').map(contentOf));
        const annotationsAfter = mine(after.annotations);
        for (const a of incoming.annotations) expect(annotationsAfter.has(contentOf(a)), a.id).toBe(true);
        const objectionsAfter = mine(after.objections);
        for (const o of incoming.objections) expect(objectionsAfter.has(contentOf(o)), o.id).toBe(true);
        const linksAfter = new Set(
          after.links.filter((l) => l.projectId === 'p1').map((l) => `${l.source}|${l.target}`),
        );
        for (const l of incoming.links) expect(linksAfter.has(`${l.source}|${l.target}`)).toBe(true);

        // A decided link only ever replaces one of our undecided machine suggestions.
        for (const decided of plan.decideLinks) {
          const was = existing.links.find((l: LinkRecord) => l.id === decided.id);
          expect(was?.status).toBe('suggested');
          expect(was?.origin).toBe('machine');
        }

        const again = planMerge(after, incoming, 'p1');
        expect(again.addLinks).toEqual([]);
        expect(again.decideLinks).toEqual([]);
        expect(again.addAnnotations).toEqual([]);
        expect(again.addObjections).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
