import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildBundle,
  derivedAnnotationId,
  fingerprintsMatch,
  parseBundle,
  planMerge,
  type Bundle,
  type ExistingReview,
  type MergePlan,
} from '../../src/export/index';
import type { Annotation, LinkRecord } from '../../src/model/review';
import {
  annotation,
  ANNOTATIONS,
  CODE_DOC,
  LAW_DOC,
  link,
  LINKS,
  objection,
  PROJECT,
  T1,
  T2,
} from './fixtures';

/** The colleague's project: same PDFs, another id. */
const THEIRS = { ...PROJECT, id: 'theirs' };

function bundleOf(links: readonly LinkRecord[], annotations: readonly Annotation[]): Bundle {
  const result = parseBundle(
    buildBundle({
      project: THEIRS,
      documents: [LAW_DOC, CODE_DOC],
      links: links.map((l) =>
        link(l.source, l.target, { ...l, projectId: 'theirs', id: `theirs|${l.source}|${l.target}` }),
      ),
      annotations: annotations.map((a) => ({ ...a, projectId: 'theirs' })),
      exportedAt: T2,
    }),
  );
  if (!result.ok) throw new Error(result.error);
  return result.bundle;
}

function apply(existing: ExistingReview, plan: MergePlan): ExistingReview {
  return {
    links: [...existing.links, ...plan.addLinks],
    annotations: [...existing.annotations, ...plan.addAnnotations],
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const EMPTY: ExistingReview = { links: [], annotations: [] };

describe('planMerge', () => {
  it('adds everything to an empty project, re-keyed into it', () => {
    const plan = planMerge(EMPTY, bundleOf(LINKS, ANNOTATIONS), 'p1');
    expect(plan.report).toEqual({
      linksAdded: LINKS.length,
      linksUnchanged: 0,
      linksDecided: 0,
      annotationsAdded: ANNOTATIONS.length,
      annotationsUnchanged: 0,
      objectionsAdded: 0,
      objectionsUnchanged: 0,
      conflicts: 0,
    });
    for (const l of plan.addLinks) {
      expect(l.projectId).toBe('p1');
      expect(l.id).toBe(`p1|${l.source}|${l.target}`);
    }
    expect(plan.addAnnotations.map((a) => [a.id, a.projectId])).toEqual([
      ['a1', 'p1'],
      ['a2', 'p1'],
      ['a3', 'p1'],
    ]);
  });

  it('adds nothing when the same bundle is imported a second time', () => {
    const incoming = bundleOf(LINKS, ANNOTATIONS);
    const once = apply(EMPTY, planMerge(EMPTY, incoming, 'p1'));
    const again = planMerge(once, incoming, 'p1');
    expect(again.addLinks).toEqual([]);
    expect(again.addAnnotations).toEqual([]);
    expect(again.conflicts).toEqual([]);
    expect(again.report).toMatchObject({
      linksUnchanged: LINKS.length,
      annotationsUnchanged: ANNOTATIONS.length,
    });
  });

  it('keeps our decision on a link decided differently, and reports it', () => {
    const ours = link('msr_9.3', 'art_55__para_1__point_c', { status: 'accepted' });
    const plan = planMerge(
      { links: [ours], annotations: [] },
      bundleOf([link('msr_9.3', 'art_55__para_1__point_c', { status: 'rejected' })], []),
      'p1',
    );
    expect(plan.addLinks).toEqual([]);
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0]).toMatchObject({
      kind: 'link',
      source: 'msr_9.3',
      target: 'art_55__para_1__point_c',
      ours,
      theirs: { status: 'rejected', projectId: 'p1', id: ours.id },
    });
    expect(plan.report.conflicts).toBe(1);
  });

  it('lets our undecided machine suggestion take their decision, and nothing else', () => {
    const ours = link('msr_9.3', 'art_55__para_1__point_c', { status: 'suggested', origin: 'machine' });
    const plan = planMerge(
      { links: [ours], annotations: [] },
      bundleOf([link('msr_9.3', 'art_55__para_1__point_c', { status: 'accepted', updatedAt: T2 })], []),
      'p1',
    );
    expect(plan.conflicts).toEqual([]);
    expect(plan.addLinks).toEqual([]);
    expect(plan.decideLinks).toEqual([{ ...ours, status: 'accepted', updatedAt: T2 }]);
    expect(plan.report.linksDecided).toBe(1);
  });

  it('takes their open suggestion for our decision as agreement, not a conflict', () => {
    const ours = link('msr_9.3', 'art_55__para_1__point_c', { status: 'accepted' });
    const plan = planMerge(
      { links: [ours], annotations: [] },
      bundleOf([link('msr_9.3', 'art_55__para_1__point_c', { status: 'suggested' })], []),
      'p1',
    );
    expect(plan.conflicts).toEqual([]);
    expect(plan.report.linksUnchanged).toBe(1);
  });

  it('keeps both versions of an annotation edited on each side, theirs under a derived id, once', () => {
    const ours = annotation('a1', 'msr_9.3', null, { stance: 'clarifies', updatedAt: T1 });
    const theirs = annotation('a1', 'msr_9.3', null, { stance: 'conflicts', updatedAt: T2 });
    const existing = { links: [], annotations: [ours] };
    const incoming = bundleOf([], [theirs]);
    const plan = planMerge(existing, incoming, 'p1');
    expect(plan.addAnnotations).toEqual([
      { ...theirs, id: derivedAnnotationId('a1', 'p1', T2), projectId: 'p1' },
    ]);
    expect(plan.conflicts).toEqual([
      { kind: 'annotation', source: 'msr_9.3', target: null, ours, theirs: plan.addAnnotations[0] },
    ]);
    // Importing it again finds it under its derived id.
    const again = planMerge(apply(existing, plan), incoming, 'p1');
    expect(again.addAnnotations).toEqual([]);
    expect(again.report).toMatchObject({ annotationsUnchanged: 1, conflicts: 0 });
  });

  it('reports verdicts by different authors on the same unit or link as parallel, keeping both', () => {
    const ours = annotation('a1', 'msr_9.3', 'art_55__para_1__point_c', { author: 'Alice' });
    const bob = annotation('b1', 'msr_9.3', 'art_55__para_1__point_c', { author: 'Bob', stance: 'narrows' });
    const alice2 = annotation('a9', 'msr_9.3', 'art_55__para_1__point_c', { author: 'Alice' });
    const elsewhere = annotation('b2', 'msr_6.2', null, { author: 'Bob' });
    const plan = planMerge({ links: [], annotations: [ours] }, bundleOf([], [bob, alice2, elsewhere]), 'p1');
    expect(plan.addAnnotations.map((a) => a.id)).toEqual(['a9', 'b1', 'b2']);
    expect(plan.conflicts).toEqual([
      {
        kind: 'parallel',
        source: 'msr_9.3',
        target: 'art_55__para_1__point_c',
        ours,
        theirs: { ...bob, projectId: 'p1' },
      },
    ]);
  });

  it('never changes or overwrites anything that exists, even in another project', () => {
    const ours = annotation('a1', 'msr_9.3', null, { stance: 'clarifies' });
    // Same id in another project of the same database: ids are storage keys.
    const foreign = annotation('a2', 'msr_6.2', null, { projectId: 'p9' });
    const existing = deepFreeze({
      links: [link('msr_9.3', 'art_55__para_1__point_c', { status: 'accepted' })],
      annotations: [ours, foreign],
    });
    const before = JSON.stringify(existing);
    const incoming = bundleOf(
      [link('msr_9.3', 'art_55__para_1__point_c', { status: 'rejected' }), link('msr_6.2', 'art_3')],
      [
        annotation('a1', 'msr_9.3', null, { stance: 'conflicts', updatedAt: T2 }),
        annotation('a2', 'msr_6.2', null),
      ],
    );
    const plan = planMerge(existing, incoming, 'p1');
    expect(JSON.stringify(existing)).toBe(before);
    const taken = new Set([...existing.links, ...existing.annotations].map((x) => x.id));
    for (const added of [...plan.addLinks, ...plan.addAnnotations]) expect(taken.has(added.id)).toBe(false);
    expect(plan.addAnnotations.find((a) => a.source === 'msr_6.2')?.id).toBe(
      derivedAnnotationId('a2', 'p1', T1),
    );
    // The other project's annotation is not ours: no conflict is reported against it.
    expect(plan.conflicts.map((c) => c.kind)).toEqual(['link', 'annotation']);
  });

  it('for any two reviews: adds no taken id, and a second import adds nothing', () => {
    const source = fc.constantFrom('cmt_6', 'msr_6.2', 'msr_9.3');
    const target = fc.constantFrom('art_3', 'art_55__para_1', 'art_55__para_1__point_c');
    const linkArb = fc
      .record({ source, target, status: fc.constantFrom('suggested', 'accepted', 'rejected' as const) })
      .map(({ source: s, target: t, status }) => link(s, t, { status }));
    const annotationArb = fc
      .record({
        id: fc.constantFrom('a1', 'a2', 'a3', 'a4'),
        source,
        target: fc.option(target),
        author: fc.constantFrom('Alice', 'Bob'),
        stance: fc.constantFrom('clarifies', 'narrows' as const),
        updatedAt: fc.constantFrom(T1, T2),
        projectId: fc.constantFrom('p1', 'p1', 'p9'),
      })
      .map(({ id, source: s, target: t, ...rest }) => annotation(id, s, t, rest));
    const unique = <T extends { id: string }>(items: T[]): T[] => [
      ...new Map(items.map((i) => [i.id, i])).values(),
    ];
    fc.assert(
      fc.property(
        fc.array(linkArb, { maxLength: 6 }),
        fc.array(annotationArb, { maxLength: 6 }),
        fc.array(linkArb, { maxLength: 6 }),
        fc.array(annotationArb, { maxLength: 6 }),
        (ourLinks, ourAnnotations, theirLinks, theirAnnotations) => {
          const existing = { links: unique(ourLinks), annotations: unique(ourAnnotations) };
          const incoming = bundleOf(unique(theirLinks), unique(theirAnnotations));
          const plan = planMerge(existing, incoming, 'p1');
          const taken = new Set([...existing.links, ...existing.annotations].map((x) => x.id));
          for (const added of [...plan.addLinks, ...plan.addAnnotations]) {
            expect(taken.has(added.id)).toBe(false);
            expect(added.projectId).toBe('p1');
          }
          expect(new Set(plan.addAnnotations.map((a) => a.id)).size).toBe(plan.addAnnotations.length);
          const again = planMerge(apply(existing, plan), incoming, 'p1');
          expect(again.addLinks).toEqual([]);
          expect(again.addAnnotations).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('fingerprintsMatch', () => {
  it('merges objections like verdicts: new ones added, the same once, both sides of an edit kept', () => {
    const ours = [objection('o1', ['msr_9.3']), objection('o2', ['msr_6.2'])];
    const incoming: Bundle = {
      ...bundleOf([], []),
      objections: [
        { ...objection('o1', ['msr_9.3']), projectId: 'theirs' },
        {
          ...objection('o2', ['msr_6.2'], { response: 'Their answer.', updatedAt: T2 }),
          projectId: 'theirs',
        },
        { ...objection('o3', ['cmt_9'], { title: 'New one' }), projectId: 'theirs' },
      ],
    };
    const existing = { links: [], annotations: [], objections: ours };
    const plan = planMerge(existing, incoming, PROJECT.id);
    expect(plan.report).toMatchObject({ objectionsAdded: 2, objectionsUnchanged: 1, conflicts: 1 });
    expect(plan.addObjections.map((o) => o.id)).toEqual([derivedAnnotationId('o2', PROJECT.id, T2), 'o3']);
    expect(plan.addObjections.every((o) => o.projectId === PROJECT.id)).toBe(true);
    const conflict = plan.conflicts[0];
    expect(conflict?.kind).toBe('objection');
    if (conflict?.kind === 'objection') {
      expect(conflict.ours.response).toBe(ours[1]?.response);
      expect(conflict.theirs.response).toBe('Their answer.');
    }
    // A second import finds both versions here and adds nothing.
    const again = planMerge(
      { ...existing, objections: [...ours, ...plan.addObjections] },
      incoming,
      PROJECT.id,
    );
    expect(again.addObjections).toEqual([]);
    expect(again.report.objectionsUnchanged).toBe(3);
  });

  it('says whether a bundle was made against the same two PDFs', () => {
    const bundle = bundleOf([], []);
    expect(fingerprintsMatch(PROJECT, bundle)).toEqual({ matches: true, law: true, code: true, message: '' });
    const revised = fingerprintsMatch({ ...PROJECT, codeFingerprint: 'f'.repeat(64) }, bundle);
    expect(revised).toMatchObject({ matches: false, law: true, code: false });
    expect(revised.message).toMatch(/different code PDF/);
  });
});

describe('ids derived by the earlier version', () => {
  it('recognise a verdict kept under `id@time` before ids named their project: a re-import adds nothing', () => {
    const theirs = annotation('a1', 'msr_9.3', null, { stance: 'expands', updatedAt: T2 });
    const ours = annotation('a1', 'msr_9.3', null);
    const keptEarlier = { ...theirs, id: `a1@${T2}` };
    const plan = planMerge(
      { links: [], annotations: [ours, keptEarlier] },
      bundleOf([], [theirs]),
      PROJECT.id,
    );
    expect(plan.addAnnotations).toEqual([]);
    expect(plan.report.annotationsUnchanged).toBe(1);
    expect(plan.conflicts).toEqual([]);
  });
});
