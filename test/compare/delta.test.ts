/**
 * The obligation delta: what the code adds to the law, what it leaves out,
 * and where it softens a duty — compared by meaning, not by spelling.
 */
import { describe, expect, it } from 'vitest';
import { compareObligations, type Addition, type AdditionKind } from '../../src/compare/index';
import {
  ART_51_2,
  ART_55_1_C,
  CMT_1,
  CODE_9_3,
  LAW_55_1_C,
  MSR_1_1_CONFIRM,
  MSR_7_6_UPDATE,
  MSR_9_2_LEAD,
  MSR_9_4,
} from './texts';

const LAW = 'Providers shall report the incident to the AI Office.';

/** The additions of one kind the code makes against a plain law sentence. */
function adds(code: string, kind: AdditionKind, law = LAW): string[] {
  return compareObligations(code, law)
    .adds.filter((addition) => addition.kind === kind)
    .map((addition) => addition.text);
}

describe('additions: each kind', () => {
  it('deadline: fixed periods, events, and the law’s own vague terms', () => {
    expect(adds(MSR_1_1_CONFIRM, 'deadline')).toEqual([
      'no later than four weeks after',
      'no later than two weeks before placing the model on the market',
    ]);
    expect(adds('Signatories will report within 2 days.', 'deadline')).toEqual(['within 2 days']);
    expect(adds('Signatories will report without undue delay.', 'deadline')).toEqual(['without undue delay']);
    expect(adds('Signatories will report immediately.', 'deadline')).toEqual(['immediately']);
    expect(adds('They will report not later than 10 days after the event.', 'deadline')).toEqual([
      'not later than 10 days after the event',
    ]);
    expect(adds('They will report by 2 August 2025.', 'deadline')).toEqual(['by 2 August 2025']);
  });

  it('duration: retention periods and recurring intervals', () => {
    expect(adds(MSR_9_4, 'duration')).toEqual(['for at least five years']);
    expect(adds('Logs are kept for 10 years.', 'duration')).toEqual(['for 10 years']);
    expect(adds('Signatories will test the model every 12 months.', 'duration')).toEqual(['every 12 months']);
    expect(adds(MSR_7_6_UPDATE, 'duration')).toEqual(['at least every six months']);
    expect(adds('The plan is reviewed annually.', 'duration')).toEqual(['annually']);
  });

  it('number: thresholds, percentages and exponents, but not citations or list markers', () => {
    expect(adds('Signatories will run at least five evaluations.', 'number')).toEqual(['at least five']);
    expect(adds('A drop of 10% triggers a review.', 'number')).toEqual(['10%']);
    expect(adds(ART_51_2, 'number')).toEqual(['10²⁵']);
    expect(
      adds(
        'Pursuant to Articles 53 and 54, points (1) to (7) of Measure 9.2, Article 52(1) and Regulation (EU) 2024/1689, recitals 110, 114, and 115.',
        'number',
      ),
    ).toEqual([]);
  });

  it('actor: parties the law does not name', () => {
    expect(
      adds(
        'Signatories will invite independent external evaluators, inform the Scientific Panel, downstream providers, third parties and their management bodies.',
        'actor',
      ),
    ).toEqual([
      'independent external evaluators',
      'Scientific Panel',
      'management bodies',
      'downstream providers',
      'third parties',
    ]);
    // The AI Office is in the law sentence too: not an addition.
    expect(adds('Signatories will notify the AI Office.', 'actor')).toEqual([]);
  });

  it('document: named documents, capitalised names, and reports and documentation', () => {
    expect(
      adds(
        'Signatories commit to creating a Safety and Security Model Report and keep a changelog.',
        'document',
      ),
    ).toEqual(['Safety and Security Model Report', 'changelog']);
    expect(adds(CMT_1, 'document')).toEqual(['Safety and Security Framework']);
    expect(adds('They submit an initial report and documentation.', 'document')).toEqual([
      'initial report',
      'documentation',
    ]);
    // "report" as a verb is not a document.
    expect(adds('Signatories will report and record the incidents.', 'document')).toEqual([]);
  });

  it('procedure: notifications, confirmations, publication, assessment, review, audit', () => {
    expect(
      adds(
        'Signatories will notify the AI Office, confirm the Framework, publish a summary, conduct an assessment, review sources and audit the process.',
        'procedure',
        'Providers shall keep the information.',
      ),
    ).toEqual(['notify', 'confirm', 'publish', 'assessment', 'review', 'audit']);
    // "make publicly available" in the law is the same procedure as "publish".
    expect(
      adds('Signatories will publish it.', 'procedure', 'Providers shall make publicly available it.'),
    ).toEqual([]);
  });

  it('scope: widening words', () => {
    expect(
      adds(
        'Signatories will report all incidents, any near misses, each failure, including cyberattacks, along the entire model lifecycle, whether or not the model caused them.',
        'scope',
      ),
    ).toEqual(['all', 'any', 'each', 'including', 'along the entire model lifecycle', 'whether or not']);
  });

  it('keeps the clause around an addition as its context', () => {
    const [addition] = compareObligations(MSR_9_4, LAW).adds.filter((a) => a.kind === 'duration');
    expect(addition?.context).toContain('for at least five years from the date of the documentation');
  });
});

describe('additions: the same thing worded differently is not an addition', () => {
  it('"two weeks" and "2 weeks", "14 days"', () => {
    const law =
      'Providers shall notify the Commission no later than 2 weeks before placing the model on the market.';
    const delta = compareObligations(
      'Signatories will notify the Commission no later than two weeks before placing the model on the market.',
      law,
    );
    expect(delta.adds.filter((a) => a.kind === 'deadline')).toEqual([]);
    expect(delta.omits.filter((a) => a.kind === 'deadline')).toEqual([]);
    expect(
      adds(
        'Signatories will notify it no later than 14 days before placing the model on the market.',
        'deadline',
        law,
      ),
    ).toEqual([]);
  });

  it('"within 2 days" and "not later than two days after"', () => {
    expect(
      adds(
        'Signatories will report within 2 days of the incident.',
        'deadline',
        'Providers shall report not later than two days after the incident.',
      ),
    ).toEqual([]);
  });

  it('"without delay" and "without undue delay"; "every year" and "annually"', () => {
    expect(
      adds('They will report without delay.', 'deadline', 'Providers shall report without undue delay.'),
    ).toEqual([]);
    expect(adds('They will test annually.', 'duration', 'Providers shall test every year.')).toEqual([]);
  });

  it('"Model Report" and "Safety and Security Model Report"', () => {
    expect(
      adds(
        'Signatories will update the Model Report.',
        'document',
        'Providers shall keep a Safety and Security Model Report.',
      ),
    ).toEqual([]);
  });

  it('a different figure is an addition', () => {
    expect(
      adds('They will report within 3 days.', 'deadline', 'Providers shall report within 2 days.'),
    ).toEqual(['within 3 days']);
  });
});

describe('omits', () => {
  it('lists what the law says and the code does not', () => {
    const delta = compareObligations(MSR_9_4, LAW_55_1_C);
    const omitted = (kind: AdditionKind): string[] =>
      delta.omits.filter((a: Addition) => a.kind === kind).map((a) => a.text);
    expect(omitted('deadline')).toEqual(['without undue delay']);
    expect(omitted('actor')).toEqual(['AI Office', 'national competent authorities']);
  });

  it('Measure 9.3 replaces "without undue delay" with its own deadlines', () => {
    const delta = compareObligations(CODE_9_3, LAW_55_1_C);
    expect(delta.omits.filter((a) => a.kind === 'deadline').map((a) => a.text)).toEqual([
      'without undue delay',
    ]);
    expect(delta.adds.filter((a) => a.kind === 'deadline').map((a) => a.text)).toEqual([
      'not later than 60 days after the serious incident has been resolved',
      'not later than two days after',
      'not later than 10 days after',
    ]);
    // Both name the AI Office and national competent authorities.
    expect(delta.adds.filter((a) => a.kind === 'actor')).toEqual([]);
    expect(delta.omits.filter((a) => a.kind === 'actor')).toEqual([]);
  });
});

describe('softens', () => {
  it('"shall" in the law against "should" or "may" in the code', () => {
    const law = 'Providers shall report serious incidents to the AI Office.';
    const should = compareObligations('Signatories should report serious incidents to the AI Office.', law);
    expect(should.softens).toHaveLength(1);
    expect(should.softens[0]?.note).toBe('the law says "shall report"; the code says "should report"');
    expect(should.softens[0]?.law.modality).toBe('shall');
    expect(should.softens[0]?.code.modality).toBe('should');
    const may = compareObligations('Signatories may report serious incidents.', law);
    expect(may.softens.map((s) => s.note)).toEqual([
      'the law says "shall report"; the code says "may report"',
    ]);
  });

  it('a hedge the law does not have: "as appropriate", "where appropriate", "to the extent", "reasonable"', () => {
    const law = 'Providers shall document serious incidents.';
    for (const [code, hedge] of [
      ['Signatories will document serious incidents as appropriate.', 'as appropriate'],
      ['Where appropriate, Signatories will document serious incidents.', 'where appropriate'],
      ['Signatories will document serious incidents to the extent possible.', 'to the extent'],
      [
        'Signatories will make reasonable efforts to document incidents and will document them.',
        'reasonable',
      ],
    ] as const) {
      const { softens } = compareObligations(code, law);
      expect(
        softens.map((s) => s.note),
        code,
      ).toEqual([`the law says "shall document"; the code qualifies "document" with "${hedge}"`]);
    }
  });

  it('Measure 9.2 redacts "to the extent necessary" what Article 55(1)(c) requires in full', () => {
    const { softens } = compareObligations(MSR_9_2_LEAD, ART_55_1_C.replace(/^/, 'Providers shall: '));
    expect(softens.map((s) => s.note)).toEqual([
      'the law says "shall keep track of, document, and report"; the code qualifies "keep track of, document, and report" with "to the extent"',
    ]);
  });

  it('not when the law carries the same hedge, the code binds as firmly, or the actions differ', () => {
    const law = 'Providers shall report, as appropriate, to national competent authorities.';
    expect(compareObligations('Signatories will report, as appropriate, to them.', law).softens).toEqual([]);
    expect(compareObligations('Signatories will report serious incidents.', law).softens).toEqual([]);
    expect(compareObligations('Signatories may publish a summary.', law).softens).toEqual([]);
  });
});

describe('compareObligations', () => {
  it('returns both sides’ obligations', () => {
    const delta = compareObligations(MSR_9_2_LEAD, LAW_55_1_C);
    expect(delta.code.map((o) => o.actor)).toEqual(['Signatories']);
    expect(delta.law.map((o) => o.actor)).toEqual([
      'Providers of general-purpose AI models with systemic risk',
    ]);
  });

  it('is empty for empty texts', () => {
    expect(compareObligations('', '')).toEqual({ code: [], law: [], adds: [], omits: [], softens: [] });
  });
});
