/** Small clause trees built by hand, for testing linking and comparison without PDFs. */
import type { ClauseId, ClauseTree, DocumentKind, PageNumber, Unit, UnitType } from '../../src/model/clause';

export type UnitSpec = [
  id: string,
  type: UnitType,
  num: string | null,
  heading: string | null,
  text: string,
  parent: string | null,
];

export function tree(kind: DocumentKind, title: string, specs: readonly UnitSpec[]): ClauseTree {
  const units: Unit[] = specs.map(([id, type, num, heading, text, parent]) => ({
    id: id as ClauseId,
    type,
    num,
    heading,
    text,
    parent: parent as ClauseId | null,
    page: 1 as PageNumber,
    notes: [],
    boxes: [],
  }));
  return { document: { kind, title, pages: 1, fingerprint: kind.repeat(64).slice(0, 64) }, units };
}

/** Chapter V of the AI Act, trimmed: Articles 3 (two definitions), 53(1) and 55(1), in the Official Journal's words. */
export const MINI_LAW = tree('act', 'Mini AI Act', [
  [
    'rec_114',
    'recital',
    '114',
    null,
    'Providers of general-purpose AI models presenting systemic risks should be subject to obligations aimed at identifying and mitigating those risks.',
    'pre',
  ],
  ['chp_I', 'chapter', 'I', 'GENERAL PROVISIONS', '', null],
  [
    'art_3',
    'article',
    '3',
    'Definitions',
    'For the purposes of this Regulation, the following definitions apply:',
    'chp_I',
  ],
  [
    'art_3__point_49',
    'point',
    '(49)',
    null,
    '‘serious incident’ means an incident or malfunctioning of an AI system that directly or indirectly leads to the death of a person, or serious harm to a person’s health;',
    'art_3',
  ],
  [
    'art_3__point_65',
    'point',
    '(65)',
    null,
    '‘systemic risk’ means a risk that is specific to the high-impact capabilities of general-purpose AI models;',
    'art_3',
  ],
  ['chp_V', 'chapter', 'V', 'GENERAL-PURPOSE AI MODELS', '', null],
  ['art_53', 'article', '53', 'Obligations for providers of general-purpose AI models', '', 'chp_V'],
  ['art_53__para_1', 'paragraph', '1', null, 'Providers of general-purpose AI models shall:', 'art_53'],
  [
    'art_53__para_1__point_a',
    'point',
    '(a)',
    null,
    'draw up and keep up-to-date the technical documentation of the model, including its training and testing process and the results of its evaluation;',
    'art_53__para_1',
  ],
  [
    'art_53__para_1__point_c',
    'point',
    '(c)',
    null,
    'put in place a policy to comply with Union law on copyright and related rights;',
    'art_53__para_1',
  ],
  [
    'art_55',
    'article',
    '55',
    'Obligations of providers of general-purpose AI models with systemic risk',
    '',
    'chp_V',
  ],
  [
    'art_55__para_1',
    'paragraph',
    '1',
    null,
    'In addition to the obligations listed in Articles 53 and 54, providers of general-purpose AI models with systemic risk shall:',
    'art_55',
  ],
  [
    'art_55__para_1__point_a',
    'point',
    '(a)',
    null,
    'perform model evaluation in accordance with standardised protocols and tools reflecting the state of the art, including conducting and documenting adversarial testing of the model with a view to identifying and mitigating systemic risks;',
    'art_55__para_1',
  ],
  [
    'art_55__para_1__point_b',
    'point',
    '(b)',
    null,
    'assess and mitigate possible systemic risks at Union level, including their sources, that may stem from the development, the placing on the market, or the use of general-purpose AI models with systemic risk;',
    'art_55__para_1',
  ],
  [
    'art_55__para_1__point_c',
    'point',
    '(c)',
    null,
    'keep track of, document, and report, without undue delay, to the AI Office and, as appropriate, to national competent authorities, relevant information about serious incidents and possible corrective measures to address them;',
    'art_55__para_1',
  ],
  [
    'art_55__para_1__point_d',
    'point',
    '(d)',
    null,
    'ensure an adequate level of cybersecurity protection for the general-purpose AI model with systemic risk and the physical infrastructure of the model.',
    'art_55__para_1',
  ],
]);

/** Two commitments of a code in the shape of the GPAI Code's Safety and Security chapter (own wording). */
export const MINI_CODE = tree('code', 'Mini Code', [
  [
    'cmt_6',
    'commitment',
    '6',
    'Security mitigations',
    'LEGAL TEXT: Article 55(1), and recitals 114 and 115 AI Act Signatories commit to protecting their models.',
    null,
  ],
  [
    'msr_6.2',
    'measure',
    '6.2',
    'Security measures',
    'Signatories will implement cybersecurity protection for unreleased model weights and the physical infrastructure against insider threats.',
    'cmt_6',
  ],
  [
    'cmt_9',
    'commitment',
    '9',
    'Serious incident reporting',
    'LEGAL TEXT: Article 55(1) and recital 114 AI Act Signatories commit to keeping track of serious incidents.',
    null,
  ],
  [
    'msr_9.3',
    'measure',
    '9.3',
    'Reporting timelines',
    'Signatories will report a serious incident to the AI Office not later than 2 days after becoming aware of it, and will document corrective measures.',
    'cmt_9',
  ],
  [
    'msr_9.3__point_1',
    'point',
    '(1)',
    null,
    'an initial report, as specified in Article 73 AI Act, within 5 days;',
    'msr_9.3',
  ],
]);

/**
 * MINI_CODE's second draft, as revisions go: a new Measure 9.3 inserted (the old one, with its
 * point, is now 9.4) and Measure 6.2 deleted. Its own fingerprint: another PDF.
 */
export const MINI_CODE_REVISED: ClauseTree = (() => {
  const specs: UnitSpec[] = MINI_CODE.units.map((u) => [u.id, u.type, u.num, u.heading, u.text, u.parent]);
  const revised = tree('code', 'Mini Code, second draft', [
    ...specs.filter(([id]) => id !== 'msr_6.2' && !id.startsWith('msr_9.3')),
    ['msr_9.3', 'measure', '9.3', 'Incident logs', 'Signatories will keep a log of incidents.', 'cmt_9'],
    ...specs
      .filter(([id]) => id.startsWith('msr_9.3'))
      .map(([id, type, num, heading, text, parent]): UnitSpec => [
        id.replace('msr_9.3', 'msr_9.4'),
        type,
        num,
        heading,
        text,
        parent === 'msr_9.3' ? 'msr_9.4' : parent,
      ]),
  ]);
  return { ...revised, document: { ...revised.document, fingerprint: 'e'.repeat(64) } };
})();
