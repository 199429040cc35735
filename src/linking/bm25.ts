/**
 * Okapi BM25 over the law's provisions. Hand-written rather than a search
 * library because the linker needs what a search box does not expose: each
 * term's contribution (the evidence shown to the user), scoring restricted to
 * a chosen set of provisions (drill-down into a cited paragraph's points), and
 * deterministic, normalisable scores.
 */
import { terms } from './text';

const K1 = 1.2;
const B = 0.75;
/**
 * A query keeps its most informative terms only (highest IDF): a long measure
 * shares dozens of common words with half the law, and scanning their postings
 * was most of the linker's time while changing no top result.
 */
const QUERY_TERMS = 24;

export interface Scored {
  readonly id: string;
  readonly score: number;
  /** Stemmed terms that matched, by contribution, largest first. */
  readonly matched: readonly string[];
}

export class Bm25 {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly lengths: number[] = [];
  /** term -> (document number -> term frequency) */
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly avgLength: number;

  constructor(documents: ReadonlyMap<string, string>) {
    let total = 0;
    for (const [id, text] of documents) {
      const doc = this.ids.length;
      this.ids.push(id);
      this.index.set(id, doc);
      const words = terms(text);
      this.lengths.push(words.length);
      total += words.length;
      for (const word of words) {
        let posting = this.postings.get(word);
        if (!posting) this.postings.set(word, (posting = new Map<number, number>()));
        posting.set(doc, (posting.get(doc) ?? 0) + 1);
      }
    }
    this.avgLength = this.ids.length > 0 ? total / this.ids.length : 1;
  }

  /** Inverse document frequency (BM25's, floored at a small positive value). */
  idf(term: string): number {
    const n = this.postings.get(term)?.size ?? 0;
    return Math.max(0.01, Math.log(1 + (this.ids.length - n + 0.5) / (n + 0.5)));
  }

  /**
   * Scores documents against a query text, highest first, at most `limit`;
   * only documents in `within` when given. Documents sharing no term are left out.
   */
  search(
    query: string | readonly string[],
    options: { within?: ReadonlySet<string>; limit?: number } = {},
  ): Scored[] {
    // A caller that searches with one text many times passes its terms, tokenised once.
    const words = typeof query === 'string' ? terms(query) : query;
    const queryTerms = [...new Set(words)]
      .filter((term) => this.postings.has(term))
      .map((term) => ({ term, idf: this.idf(term) }))
      .sort((a, b) => b.idf - a.idf)
      // Pruning is for walking postings across the whole law; among a few documents every term counts.
      .slice(0, options.within ? Number.POSITIVE_INFINITY : QUERY_TERMS);
    const scores = new Map<number, number>();
    const weigh = (doc: number, tf: number, idf: number): number =>
      (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * (this.lengths[doc] ?? 0)) / this.avgLength));
    if (options.within) {
      // A handful of documents: look each term up in them rather than walking whole postings.
      const docs = [...options.within]
        .map((id) => this.index.get(id))
        .filter((d): d is number => d !== undefined);
      for (const { term, idf } of queryTerms) {
        const posting = this.postings.get(term);
        for (const doc of docs) {
          const tf = posting?.get(doc);
          if (tf) scores.set(doc, (scores.get(doc) ?? 0) + weigh(doc, tf, idf));
        }
      }
    } else {
      for (const { term, idf } of queryTerms) {
        for (const [doc, tf] of this.postings.get(term) ?? [])
          scores.set(doc, (scores.get(doc) ?? 0) + weigh(doc, tf, idf));
      }
    }
    const ranked = [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, options.limit ?? Number.POSITIVE_INFINITY);
    // Evidence only for what is returned: each matched term with its contribution.
    return ranked.map(([doc, score]) => ({
      id: this.ids[doc] ?? '',
      score,
      matched: queryTerms
        .map(({ term, idf }) => {
          const tf = this.postings.get(term)?.get(doc);
          return { term, part: tf ? weigh(doc, tf, idf) : 0 };
        })
        .filter((m) => m.part > 0)
        .sort((a, b) => b.part - a.part)
        .map((m) => m.term),
    }));
  }
}
