/**
 * Words for lexical matching: lowercase, split on anything that is not a
 * letter or digit, legal boilerplate dropped, stemmed with the comparison's
 * stemmer (one stemmer for the project, so that a term the linker shows as
 * shared is one the comparison also counts as shared).
 */
import { stem } from '../compare/text';

/** Function words and the connective tissue of EU drafting, which every provision shares. */
const STOP = new Set(
  (
    'a an the and or nor but of to in on at by for from with without within into onto upon as is are was were be been being ' +
    'it its this that these those such which who whom whose what where when whether while than then there their they them ' +
    'not no any all each every other another same own more most less least also only very can could would should shall will ' +
    'may might must do does did done has have had having if so up out over under about after before between through during ' +
    'against among per via i ii iii iv v vi vii viii ix x ' +
    // drafting vocabulary: says where, not what
    'article articles paragraph paragraphs subparagraph point points annex annexes section recital recitals chapter ' +
    'regulation directive pursuant referred accordance laid down set provided provide provides including include includes ' +
    'relevant appropriate appropriately ensure ensures necessary particular respect regard regards thereof therein ' +
    'following where applicable case cases measure measures commitment commitments signatories signatory ai act ' +
    'e g eg ie etc'
  ).split(' '),
);

/** Content terms of a text, stemmed, in order (with repeats). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2 || STOP.has(raw) || /^\d+$/.test(raw)) continue;
    out.push(stem(raw));
    // `cybersecurity` is also `security`: the law says one where the code says the other.
    if (raw.startsWith('cyber') && raw.length > 8) out.push(stem(raw.slice(5)));
  }
  return out;
}

/** The surface word most often behind each stem, to show evidence in words a reader recognises. */
export function surfaceForms(text: string): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2 || STOP.has(raw)) continue;
    const key = stem(raw);
    const forms = counts.get(key) ?? new Map<string, number>();
    forms.set(raw, (forms.get(raw) ?? 0) + 1);
    counts.set(key, forms);
  }
  const out = new Map<string, string>();
  for (const [key, forms] of counts) {
    let best = key;
    let most = 0;
    for (const [form, n] of forms) {
      if (n > most) {
        most = n;
        best = form;
      }
    }
    out.set(key, best);
  }
  return out;
}
