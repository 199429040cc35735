/**
 * Short excerpts of the real texts, copied verbatim so the unit tests run in a
 * clone without ../shared: Regulation (EU) 2024/1689 (the AI Act, OJ L,
 * 12.7.2024) and the General-Purpose AI Code of Practice, Safety and Security
 * chapter (July 2025). Both are public EU texts.
 */

/** Article 55(1), lead-in. */
export const ART_55_1 =
  'In addition to the obligations listed in Articles 53 and 54, providers of general-purpose AI models with systemic risk shall:';

/** Article 55(1), point (c). */
export const ART_55_1_C =
  'keep track of, document, and report, without undue delay, to the AI Office and, as appropriate, to national competent authorities, relevant information about serious incidents and possible corrective measures to address them;';

/** Article 55(1), point (b). */
export const ART_55_1_B =
  'assess and mitigate possible systemic risks at Union level, including their sources, that may stem from the development, the placing on the market, or the use of general-purpose AI models with systemic risk;';

/** Article 53(1), lead-in, point (b) with its own lead-in and sub-points, and point (c). */
export const ART_53_1 = 'Providers of general-purpose AI models shall:';
export const ART_53_1_B =
  'draw up, keep up-to-date and make available information and documentation to providers of AI systems who intend to integrate the general-purpose AI model into their AI systems. Without prejudice to the need to observe and protect intellectual property rights and confidential business information or trade secrets in accordance with Union and national law, the information and documentation shall:';
export const ART_53_1_B_I =
  'enable providers of AI systems to have a good understanding of the capabilities and limitations of the general-purpose AI model and to comply with their obligations pursuant to this Regulation; and';
export const ART_53_1_B_II = 'contain, at a minimum, the elements set out in Annex XII;';
export const ART_53_1_C =
  'put in place a policy to comply with Union law on copyright and related rights, and in particular to identify and comply with, including through state-of-the-art technologies, a reservation of rights expressed pursuant to Article 4(3) of Directive (EU) 2019/790;';

/** Measure 9.3 (Reporting timelines): the first sentence of its own text, two of its points, and its final-report sentence. */
export const MSR_9_3_LEAD =
  'Signatories will provide the information in points (1) to (7) of Measure 9.2 in an initial report that is submitted to the AI Office and, as applicable, to national competent authorities, at the following points in time, save in exceptional circumstances, if the involvement of their model (directly or indirectly) led to:';
export const MSR_9_3_FINAL =
  'Signatories will submit a final report, covering all the information required by Measure 9.2, to the AI Office and, as applicable, to national competent authorities, not later than 60 days after the serious incident has been resolved. If multiple similar serious incidents occur within the reporting timelines, Signatories may include them in the report(s) of the first serious incident, while respecting the timelines for reporting for the first serious incident.';
export const MSR_9_3_POINT_1 =
  'a serious and irreversible disruption of the management or operation of critical infrastructure, or if the Signatories establish or suspect with reasonable likelihood such a causal relationship between their model and the disruption, not later than two days after the Signatories become aware of the involvement of their model in the incident;';
export const MSR_9_3_POINT_3 =
  'a death of a person, or if the Signatories establish or suspect with reasonable likelihood such a causal relationship between their model and the death, not later than 10 days after the Signatories become aware of the involvement of their model in the incident; and';

/** Measure 9.2, first sentence. */
export const MSR_9_2_LEAD =
  'Signatories will keep track of, document, and report to the AI Office and, as applicable, to national competent authorities, at least the following information to the best of their knowledge, redacted to the extent necessary to comply with other Union law applicable to such information:';

/** Measure 9.4 (Retention period). */
export const MSR_9_4 =
  'Signatories will keep documentation of all relevant information gathered in adhering to this Commitment for at least five years from the date of the documentation or the date of the serious incident, whichever is later, without prejudice to Union law applicable to such information.';

/** Commitment 1, opening (with its LEGAL TEXT line) and Measure 1.1's confirmation deadline. */
export const CMT_1 =
  'LEGAL TEXT: Articles 55(1) and 56(5), and recitals 110, 114, and 115 AI Act Signatories commit to adopting a state-of-the-art Safety and Security Framework (“Framework”). Signatories commit to a Framework adoption process that involves three steps: Further, Signatories commit to notifying the AI Office of their Framework (as specified in Measure 1.4).';
export const MSR_1_1_CONFIRM =
  'Signatories will have confirmed the Framework no later than four weeks after having notified the Commission pursuant to Article 52(1) AI Act and no later than two weeks before placing the model on the market.';

/** Measure 7.6, the six-monthly update sentence. */
export const MSR_7_6_UPDATE =
  'Further, if the model is amongst their respective most capable models available on the market, Signatories will provide the AI Office with an updated Model Report at least every six months.';

/** Article 51(2), the compute threshold. */
export const ART_51_2 =
  'A general-purpose AI model shall be presumed to have high impact capabilities pursuant to paragraph 1, point (a), when the cumulative amount of computation used for its training measured in floating point operations is greater than 10²⁵.';

/** The whole lead-in and point (c) of Article 55(1), as a caller joins them. */
export const LAW_55_1_C = `${ART_55_1} ${ART_55_1_C}`;

/** The Measure 9.3 excerpt, own text first and then its points, as a caller joins them. */
export const CODE_9_3 = [MSR_9_3_LEAD, MSR_9_3_FINAL, MSR_9_3_POINT_1, MSR_9_3_POINT_3].join(' ');
