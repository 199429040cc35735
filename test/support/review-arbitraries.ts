/**
 * Generated reviews (links, annotations, objections) that are valid by the model's rules, for
 * bundle and merge properties. Ids and clause ids come from small pools, so two generated reviews
 * overlap the way two colleagues' work on the same documents does; free text is hostile.
 */
import fc from 'fast-check';
import {
  linkId,
  LINK_STATUSES,
  OBJECTION_ASSESSMENTS,
  RATIONALE_TYPES,
  RELATIONSHIPS,
  REVIEW_STATUSES,
  STANCES,
  type Annotation,
  type LinkRecord,
  type Objection,
} from '../../src/model/review';
import { hostileTag, hostileText } from './hostile-text';

const SOURCES = ['cmt_6', 'msr_6.2', 'msr_9.3', 'msr_9.3__point_1', '__proto__', 'constructor'];
const TARGETS = ['art_3', 'art_55__para_1', 'art_55__para_1__point_c', 'toString'];
const TIMES = ['2025-03-01T10:00:00.000Z', '2025-03-02T10:00:00.000Z', '2025-03-03T10:00:00.000Z'];

const source = fc.constantFrom(...SOURCES);
const target = fc.constantFrom(...TARGETS);
const time = fc.constantFrom(...TIMES);
const nullable = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null });

export function linkArb(projectId: string): fc.Arbitrary<LinkRecord> {
  return fc
    .record({
      source,
      target,
      status: fc.constantFrom(...LINK_STATUSES),
      origin: fc.constantFrom('machine' as const, 'user' as const),
      rank: nullable(fc.integer({ min: 1, max: 20 })),
      score: nullable(fc.double({ min: 0, max: 1, noNaN: true })),
      basis: fc.subarray(['citation', 'citation-inherited', 'similarity', 'definition'] as const),
      evidence: fc.array(hostileText, { maxLength: 2 }),
      suggestedStance: nullable(
        fc.record({
          stance: fc.constantFrom('clarifies', 'expands', 'restates', 'narrows', 'unclear' as const),
          confidence: fc.double({ min: 0, max: 1, noNaN: true }),
          evidence: fc.array(hostileText, { maxLength: 2 }),
        }),
      ),
      createdAt: time,
      updatedAt: time,
    })
    .map((link) => ({ ...link, id: linkId(projectId, link.source, link.target), projectId }));
}

export function annotationArb(projectId: string): fc.Arbitrary<Annotation> {
  return fc.record({
    id: fc.constantFrom('a1', 'a2', 'a3', 'a4', '__proto__', 'hasOwnProperty'),
    projectId: fc.constant(projectId),
    source,
    target: nullable(target),
    quote: fc.record({ exact: hostileText, prefix: fc.constant(''), suffix: hostileText }),
    stance: nullable(fc.constantFrom(...STANCES)),
    relationship: nullable(fc.constantFrom(...RELATIONSHIPS)),
    rationaleType: nullable(fc.constantFrom(...RATIONALE_TYPES)),
    strength: nullable(fc.integer({ min: 1, max: 10 })),
    rationale: hostileText,
    tags: fc.array(hostileTag, { maxLength: 3 }),
    status: fc.constantFrom(...REVIEW_STATUSES),
    author: fc.oneof(fc.constantFrom('Alice', 'Bob'), hostileText),
    fromSuggestion: fc.boolean(),
    createdAt: time,
    updatedAt: time,
  });
}

export function objectionArb(projectId: string): fc.Arbitrary<Objection> {
  return fc.record({
    id: fc.constantFrom('o1', 'o2', 'o3', '__proto__'),
    projectId: fc.constant(projectId),
    title: hostileText,
    raisedBy: hostileText,
    raisedOn: fc.constantFrom('', '2025-08-14'),
    source: hostileText,
    claim: hostileText,
    units: fc.uniqueArray(source, { maxLength: 3 }),
    assessment: nullable(fc.constantFrom(...OBJECTION_ASSESSMENTS)),
    response: hostileText,
    author: hostileText,
    createdAt: time,
    updatedAt: time,
  });
}

/** A project's review: items unique by id, as a store holds them. */
export interface GeneratedReview {
  readonly links: readonly LinkRecord[];
  readonly annotations: readonly Annotation[];
  readonly objections: readonly Objection[];
}

export function reviewArb(projectId: string, max = 6): fc.Arbitrary<GeneratedReview> {
  const byId = { selector: (item: { id: string }) => item.id, maxLength: max };
  return fc.record({
    links: fc.uniqueArray(linkArb(projectId), byId),
    annotations: fc.uniqueArray(annotationArb(projectId), byId),
    objections: fc.uniqueArray(objectionArb(projectId), byId),
  });
}
