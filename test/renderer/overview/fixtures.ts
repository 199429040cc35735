/** Links and verdicts on the mini law and code, shared by the overview's component tests. */
import type {
  Annotation,
  LinkRecord,
  LinkStatus,
  ProjectRecord,
  ReviewStance,
} from '../../../src/model/review';

export function link(source: string, target: string, status: LinkStatus, score = 0.5): LinkRecord {
  return {
    id: `p|${source}|${target}`,
    projectId: 'p',
    source,
    target,
    status,
    origin: 'machine',
    rank: 1,
    score,
    basis: ['similarity'],
    evidence: [],
    suggestedStance: null,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  };
}

export function verdict(
  source: string,
  stance: ReviewStance | null,
  status: Annotation['status'] = 'draft',
): Annotation {
  return {
    id: `a-${source}`,
    projectId: 'p',
    source,
    target: null,
    quote: { exact: '', prefix: '', suffix: '' },
    stance,
    relationship: null,
    rationaleType: null,
    strength: null,
    rationale: '',
    tags: [],
    status,
    author: 'Ana',
    fromSuggestion: false,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  };
}

export const PROJECT: ProjectRecord = {
  id: 'p',
  name: 'Mini Act vs Mini Code',
  lawFingerprint: 'law',
  codeFingerprint: 'code',
  sample: false,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

export const LINKS: readonly LinkRecord[] = [
  link('msr_9.3', 'art_55__para_1__point_c', 'accepted', 0.9),
  link('cmt_9', 'art_55__para_1', 'accepted', 0.8),
  link('msr_6.2', 'art_55__para_1__point_d', 'suggested', 0.7),
  link('msr_9.3', 'art_53__para_1__point_a', 'rejected', 0.4),
  link('cmt_6', 'rec_114', 'suggested', 0.3),
];
