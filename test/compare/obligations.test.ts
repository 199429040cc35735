/**
 * Obligations as the memo lists them: who must do what, with which force.
 */
import { describe, expect, it } from 'vitest';
import { obligations, type Obligation } from '../../src/compare/index';
import {
  ART_53_1,
  ART_53_1_B,
  ART_53_1_B_I,
  ART_53_1_B_II,
  ART_53_1_C,
  ART_55_1,
  ART_55_1_B,
  ART_55_1_C,
  CMT_1,
  MSR_9_2_LEAD,
  MSR_9_3_FINAL,
} from './texts';

const brief = (list: readonly Obligation[]): [string, string | null, string][] =>
  list.map((obligation) => [obligation.modality, obligation.actor, obligation.action]);

describe('obligations: modal verbs and actors', () => {
  it('reads each modal form with its actor', () => {
    const cases: [string, Obligation['modality'], string, string][] = [
      ['Providers shall report the incident.', 'shall', 'Providers', 'report'],
      ['The provider must notify the Commission.', 'must', 'The provider', 'notify'],
      ['Signatories will publish a summary.', 'will', 'Signatories', 'publish'],
      ['Signatories commit to reporting serious incidents.', 'commit', 'Signatories', 'reporting'],
      ['Each Signatory commits to keeping records.', 'commit', 'Each Signatory', 'keeping'],
      ['Providers should inform deployers.', 'should', 'Providers', 'inform'],
      ['Signatories may include them in the report.', 'may', 'Signatories', 'include'],
      ['Providers are required to keep logs.', 'required', 'Providers', 'keep'],
      ['The deployer is required to inform the provider.', 'required', 'The deployer', 'inform'],
      ['Providers shall not place the model on the market.', 'shall-not', 'Providers', 'place'],
      ['Signatories will not take any retaliation.', 'shall-not', 'Signatories', 'take'],
      [
        'This member must not also be responsible for business.',
        'shall-not',
        'This member',
        'be responsible',
      ],
      ['Member States may not impose further requirements.', 'may-not', 'Member States', 'impose'],
      ['The AI Office should not disclose it.', 'may-not', 'The AI Office', 'disclose'],
    ];
    for (const [text, modality, actor, action] of cases) {
      expect(brief(obligations(text)), text).toEqual([[modality, actor, action]]);
    }
  });

  it('takes the actor from its own clause, after an opening phrase', () => {
    const [found] = obligations(MSR_9_3_FINAL.split('. ')[1] ?? '');
    expect(found?.actor).toBe('Signatories');
    expect(found?.modality).toBe('may');
    expect(found?.action).toBe('include');
    expect(found?.object).toBe('them in the report(s) of the first serious incident');
  });

  it('capitalises the actor and cuts a relative clause off a long one', () => {
    const [found] = obligations(
      'Providers of general-purpose AI models with systemic risks who do not adhere to an approved code of practice or do not comply with a European harmonised standard shall demonstrate alternative adequate means of compliance for assessment by the Commission.',
    );
    expect(found?.actor).toBe('Providers of general-purpose AI models with systemic risks');
    expect(found?.action).toBe('demonstrate');
  });

  it('points "they" back to the last actor and leaves "which" without one', () => {
    const list = obligations(
      'Signatories will investigate the causes. If information is missing, they will record that in their reports. The documentation, which shall contain the elements, is kept.',
    );
    expect(brief(list)).toEqual([
      ['will', 'Signatories', 'investigate'],
      ['will', 'Signatories', 'record'],
      ['shall', null, 'contain'],
    ]);
  });

  it('keeps "shall be …" passives and adverbs out of the way', () => {
    expect(brief(obligations('Any information shall be treated in accordance with Article 78.'))).toEqual([
      ['shall', 'Any information', 'be treated'],
    ]);
    expect(brief(obligations('Signatories will also continuously monitor the model.'))).toEqual([
      ['will', 'Signatories', 'monitor'],
    ]);
  });

  it('does not read "the will of" or "May 2025" as modal verbs', () => {
    expect(
      obligations('This reflects the will of the legislator. It entered into force in May 2025.'),
    ).toEqual([]);
  });

  it('skips the LEGAL TEXT line that opens a commitment', () => {
    const list = obligations(CMT_1);
    expect(list.map((obligation) => obligation.actor)).toEqual(['Signatories', 'Signatories', 'Signatories']);
    expect(list.map((obligation) => obligation.action)).toEqual(['adopting', 'commit to', 'notifying']);
    expect(list[1]?.object).toBe('a Framework adoption process that involves three steps');
  });
});

describe('obligations: verb phrases and objects', () => {
  it('reads coordinated verbs as one action, and the rest of the clause as its object', () => {
    const [found] = obligations(`${ART_55_1} ${ART_55_1_C}`);
    expect(found).toEqual({
      modality: 'shall',
      actor: 'Providers of general-purpose AI models with systemic risk',
      action: 'keep track of, document, and report',
      object:
        'without undue delay, to the AI Office and, as appropriate, to national competent authorities, relevant information about serious incidents and possible corrective measures to address them',
      sentence: `${ART_55_1} ${ART_55_1_C}`,
    });
  });

  it('reads "assess and mitigate" and a code sentence with the same verbs', () => {
    expect(obligations(`${ART_55_1} ${ART_55_1_B}`)[0]?.action).toBe('assess and mitigate');
    expect(obligations(MSR_9_2_LEAD)[0]?.action).toBe('keep track of, document, and report');
  });

  it('ends the object at a subordinate clause', () => {
    const [found] = obligations(
      'Signatories will update the Model Report, which they keep, if the risk changes.',
    );
    expect(found?.object).toBe('the Model Report');
  });

  it('gives "commit to" a noun phrase as its object', () => {
    const [found] = obligations('Signatories commit to a Framework adoption process.');
    expect(found?.action).toBe('commit to');
    expect(found?.object).toBe('a Framework adoption process');
  });

  it('gives a text without modal verbs no obligations, and never throws on odd input', () => {
    expect(obligations('')).toEqual([]);
    expect(obligations('Definitions and scope.')).toEqual([]);
    expect(obligations('shall')).toEqual([]);
    expect(obligations(': ; . shall: will: may:')).toEqual([]);
  });
});

describe('obligations: lists after a lead-in', () => {
  it('lends the lead-in’s actor and modality to each point, through nested lists', () => {
    const text = [ART_53_1, ART_53_1_B, ART_53_1_B_I, ART_53_1_B_II, ART_53_1_C].join(' ');
    expect(brief(obligations(text))).toEqual([
      ['shall', 'Providers of general-purpose AI models', 'draw up, keep up-to-date and make available'],
      ['shall', 'The information and documentation', 'enable'],
      ['shall', 'The information and documentation', 'contain'],
      // The sub-list closed after its "; and" item: point (c) belongs to the outer lead-in again.
      ['shall', 'Providers of general-purpose AI models', 'put in place'],
    ]);
  });

  it('quotes the lead-in with the point as the obligation’s sentence', () => {
    const [found] = obligations(`${ART_55_1} ${ART_55_1_C}`);
    expect(found?.sentence.startsWith(ART_55_1)).toBe(true);
    expect(found?.sentence.endsWith(ART_55_1_C)).toBe(true);
  });

  it('does not turn listed noun phrases into obligations', () => {
    const list = obligations(
      'The Framework will contain: a description of the trigger points; documentation of the process; and a changelog.',
    );
    // The lead-in is an obligation of its own; its points are what the Framework contains.
    expect(brief(list)).toEqual([['will', 'The Framework', 'contain']]);
    const led = obligations(
      'Providers shall: a description of the trigger points; documentation of the process.',
    );
    expect(led).toEqual([]);
  });

  it('stops lending once prose with its own obligation resumes', () => {
    const list = obligations(
      'Signatories will: review other sources; and facilitate reporting. Signatories will keep records. assess the sources.',
    );
    expect(brief(list)).toEqual([
      ['will', 'Signatories', 'review'],
      ['will', 'Signatories', 'facilitate'],
      ['will', 'Signatories', 'keep'],
    ]);
  });
});
