/** A small review of MINI_CODE against MINI_LAW: a project, its documents, links and verdicts. */
import type { MemoInput, MemoOptions } from '../../src/export/index';
import {
  linkId,
  type Annotation,
  type DocumentRecord,
  type LinkRecord,
  type Objection,
  type ProjectRecord,
} from '../../src/model/review';
import { MINI_CODE, MINI_LAW } from '../support/trees';

export const T0 = '2025-03-01T10:00:00.000Z';
export const T1 = '2025-03-02T10:00:00.000Z';
export const T2 = '2025-03-03T10:00:00.000Z';

export const PROJECT: ProjectRecord = {
  id: 'p1',
  name: 'GPAI Code v. AI Act',
  lawFingerprint: MINI_LAW.document.fingerprint,
  codeFingerprint: MINI_CODE.document.fingerprint,
  sample: false,
  createdAt: T0,
  updatedAt: T0,
};

export const LAW_DOC: DocumentRecord = {
  fingerprint: MINI_LAW.document.fingerprint,
  fileName: 'ai-act.pdf',
  title: MINI_LAW.document.title,
  kind: 'act',
  pages: 1,
  unitCount: MINI_LAW.units.length,
  byteLength: 1000,
  importedAt: T0,
};

export const CODE_DOC: DocumentRecord = {
  fingerprint: MINI_CODE.document.fingerprint,
  fileName: 'code.pdf',
  title: MINI_CODE.document.title,
  kind: 'code',
  pages: 1,
  unitCount: MINI_CODE.units.length,
  byteLength: 800,
  importedAt: T0,
};

export function link(source: string, target: string, patch: Partial<LinkRecord> = {}): LinkRecord {
  const projectId = patch.projectId ?? PROJECT.id;
  return {
    id: linkId(projectId, source, target),
    projectId,
    source,
    target,
    status: 'accepted',
    origin: 'machine',
    rank: 1,
    score: 0.8,
    basis: ['citation-inherited', 'similarity'],
    evidence: ['Commitment 9’s LEGAL TEXT cites “Article 55(1) and recital 114 AI Act”'],
    suggestedStance: null,
    createdAt: T0,
    updatedAt: T0,
    ...patch,
  };
}

export function annotation(
  id: string,
  source: string,
  target: string | null,
  patch: Partial<Annotation> = {},
): Annotation {
  return {
    id,
    projectId: PROJECT.id,
    source,
    target,
    quote: { exact: 'Signatories will', prefix: '', suffix: ' report' },
    stance: 'clarifies',
    relationship: 'subset-of',
    rationaleType: 'semantic',
    strength: 7,
    rationale: 'Sets a deadline the Act leaves open.',
    tags: ['deadline'],
    status: 'reviewed',
    author: 'Alice',
    fromSuggestion: false,
    createdAt: T1,
    updatedAt: T1,
    ...patch,
  };
}

export const LINKS: readonly LinkRecord[] = [
  link('msr_9.3', 'art_55__para_1__point_c'),
  link('msr_9.3', 'art_53__para_1__point_a', {
    status: 'suggested',
    rank: 2,
    score: 0.4,
    basis: ['similarity'],
    evidence: ['shares key terms: document, report'],
    suggestedStance: { stance: 'expands', confidence: 0.55, evidence: ['adds a deadline'] },
  }),
  link('msr_9.3', 'art_55__para_1__point_a', { status: 'rejected', rank: 3, score: 0.3 }),
  link('msr_6.2', 'art_55__para_1__point_d', { basis: ['citation-inherited'] }),
  link('cmt_9', 'art_55__para_1', { basis: ['citation'], evidence: ['cites “Article 55(1)”'] }),
  link('msr_9.3__point_1', 'art_3__point_49', {
    status: 'accepted',
    origin: 'user',
    rank: null,
    score: null,
    basis: [],
    evidence: [],
  }),
];

export const ANNOTATIONS: readonly Annotation[] = [
  annotation('a1', 'msr_9.3', null),
  annotation('a2', 'msr_9.3', 'art_55__para_1__point_c', {
    stance: 'expands',
    rationale: 'Two days is stricter than “without undue delay”.',
    tags: ['deadline', 'stricter'],
  }),
  annotation('a3', 'msr_6.2', null, {
    stance: 'narrows',
    relationship: 'intersects-with',
    status: 'draft',
    tags: ['security'],
    rationale: 'Only insider threats.',
  }),
];

export function objection(id: string, units: readonly string[], patch: Partial<Objection> = {}): Objection {
  return {
    id,
    projectId: PROJECT.id,
    title: 'Incident deadlines',
    raisedBy: 'Industry Association',
    raisedOn: '2025-08-14',
    source: 'Letter to the AI Office, p. 3',
    claim: 'The two-day reporting deadline has no basis in the AI Act.',
    units,
    assessment: 'founded',
    response: 'Article 55(1)(c) requires reporting *without undue delay*; a fixed deadline goes further.',
    author: 'Regulator',
    createdAt: T1,
    updatedAt: T1,
    ...patch,
  };
}

export const OBJECTIONS: readonly Objection[] = [
  objection('o1', ['msr_9.3']),
  objection('o2', ['msr_6.2', 'cmt_6'], {
    title: 'Security scope',
    raisedBy: 'Cloud Providers Forum',
    raisedOn: '',
    source: 'Consultation answer',
    claim: 'Commitment 6 imposes security duties beyond Article 55(1)(d).',
    assessment: 'unfounded',
    response: 'Article 55(1)(d) asks for an adequate level of cybersecurity protection.',
  }),
];

export const INPUT: MemoInput = {
  law: MINI_LAW,
  code: MINI_CODE,
  project: PROJECT,
  lawDocument: LAW_DOC,
  codeDocument: CODE_DOC,
  links: LINKS,
  annotations: ANNOTATIONS,
  objections: OBJECTIONS,
};

export const OPTIONS: MemoOptions = {
  includeSuggestions: false,
  quoteLength: 2_000,
  author: 'Alice Example',
  date: '2025-03-04',
};
