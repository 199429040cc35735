/**
 * The review's verdicts as W3C Web Annotation Data Model JSON-LD: one `AnnotationCollection` whose
 * single embedded `AnnotationPage` holds one `Annotation` per verdict (motivation `assessing`).
 *
 * Bodies: the rationale as a Markdown `TextualBody`, each tag as a `tagging` body and the stance as a
 * `classifying` body. Target: the code document (`urn:sha256:<fingerprint>`) with the verdict's
 * `TextQuoteSelector` and, as an alternative selector, a `FragmentSelector` naming the clause
 * (`clause=<id>`, no official `conformsTo`), refined by a `TextPositionSelector` when the quote is
 * found in the clause's text (positions count Unicode code points within that clause, not within
 * the whole document, which is why they refine the fragment). A verdict on a link gets a second
 * target: the law document, with a `FragmentSelector` naming the provision.
 */
import type { Annotation, DocumentRecord, ProjectRecord, TextQuote } from '../model/review';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface W3cAnnotationsInput {
  readonly project: ProjectRecord;
  readonly codeDocument: DocumentRecord;
  readonly lawDocument: DocumentRecord;
  readonly annotations: readonly Annotation[];
  /** The plain text of a code unit, by clause id; null when the unit is unknown. */
  readonly codeUnitText: (id: string) => string | null;
}

export interface W3cTextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

export interface W3cTextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

export interface W3cFragmentSelector {
  readonly type: 'FragmentSelector';
  readonly value: string;
  readonly refinedBy?: W3cTextPositionSelector;
}

export type W3cSelector = W3cTextQuoteSelector | W3cFragmentSelector;

export interface W3cTarget {
  readonly type: 'SpecificResource';
  readonly source: string;
  readonly selector: W3cSelector | readonly W3cSelector[];
}

export interface W3cBody {
  readonly type: 'TextualBody';
  readonly purpose: 'assessing' | 'tagging' | 'classifying';
  readonly value: string;
  readonly format?: 'text/markdown';
}

export interface W3cAnnotation {
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'assessing';
  readonly created: string;
  readonly modified: string;
  readonly creator?: { readonly type: 'Person'; readonly name: string };
  readonly body: readonly W3cBody[];
  readonly target: W3cTarget | readonly W3cTarget[];
}

export interface W3cAnnotationCollection {
  readonly '@context': typeof ANNO_CONTEXT;
  readonly id: string;
  readonly type: 'AnnotationCollection';
  readonly label: string;
  readonly total: number;
  readonly first: {
    readonly id: string;
    readonly type: 'AnnotationPage';
    readonly startIndex: 0;
    readonly items: readonly W3cAnnotation[];
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A urn segment: percent-encoded, so ids with `:`/`|`/spaces stay unambiguous. */
const segment = (text: string): string => encodeURIComponent(text);

export function annotationUrn(id: string): string {
  return `urn:crosswalk:annotation:${segment(id)}`;
}

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

function indicesOf(text: string, exact: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) out.push(i);
  return out;
}

/**
 * Where the quote sits in the unit's text, in code points: the one occurrence whose context matches
 * the quote's prefix and suffix, else the only occurrence; null when absent or ambiguous.
 */
export function locateQuote(text: string, quote: TextQuote): W3cTextPositionSelector | null {
  if (quote.exact === '') return null;
  const all = indicesOf(text, quote.exact);
  const fitting = all.filter(
    (i) =>
      text.slice(0, i).endsWith(quote.prefix) && text.slice(i + quote.exact.length).startsWith(quote.suffix),
  );
  const at = fitting.length === 1 ? fitting[0] : all.length === 1 ? all[0] : undefined;
  if (at === undefined) return null;
  const start = codePoints(text.slice(0, at));
  return { type: 'TextPositionSelector', start, end: start + codePoints(quote.exact) };
}

function codeTarget(input: W3cAnnotationsInput, annotation: Annotation): W3cTarget {
  const { quote } = annotation;
  const selectors: W3cSelector[] = [];
  if (quote.exact !== '') {
    selectors.push({
      type: 'TextQuoteSelector',
      exact: quote.exact,
      ...(quote.prefix === '' ? {} : { prefix: quote.prefix }),
      ...(quote.suffix === '' ? {} : { suffix: quote.suffix }),
    });
  }
  const text = input.codeUnitText(annotation.source);
  const position = text === null ? null : locateQuote(text, quote);
  selectors.push({
    type: 'FragmentSelector',
    value: `clause=${annotation.source}`,
    ...(position === null ? {} : { refinedBy: position }),
  });
  return {
    type: 'SpecificResource',
    source: `urn:sha256:${input.codeDocument.fingerprint}`,
    selector: selectors,
  };
}

function toAnnotation(input: W3cAnnotationsInput, annotation: Annotation): W3cAnnotation {
  const body: W3cBody[] = [];
  if (annotation.rationale.trim() !== '')
    body.push({
      type: 'TextualBody',
      purpose: 'assessing',
      value: annotation.rationale,
      format: 'text/markdown',
    });
  for (const tag of annotation.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  if (annotation.stance !== null)
    body.push({ type: 'TextualBody', purpose: 'classifying', value: annotation.stance });
  const code = codeTarget(input, annotation);
  const target: W3cTarget | readonly W3cTarget[] =
    annotation.target === null
      ? code
      : [
          code,
          {
            type: 'SpecificResource',
            source: `urn:sha256:${input.lawDocument.fingerprint}`,
            selector: { type: 'FragmentSelector', value: `clause=${annotation.target}` },
          },
        ];
  return {
    id: annotationUrn(annotation.id),
    type: 'Annotation',
    motivation: 'assessing',
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    ...(annotation.author === '' ? {} : { creator: { type: 'Person', name: annotation.author } }),
    body,
    target,
  };
}

/** Builds the collection as data (see renderW3cAnnotations for the JSON-LD text). */
export function buildW3cAnnotations(input: W3cAnnotationsInput): W3cAnnotationCollection {
  const { project } = input;
  const annotations = input.annotations
    .filter((a) => a.projectId === project.id)
    .sort(
      (a, b) =>
        compare(a.source, b.source) ||
        compare(a.target ?? '', b.target ?? '') ||
        compare(a.createdAt, b.createdAt) ||
        compare(a.id, b.id),
    );
  const id = `urn:crosswalk:project:${segment(project.id)}:annotations`;
  const items = annotations.map((a) => toAnnotation(input, a));
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `${project.name}: ${input.codeDocument.title} assessed against ${input.lawDocument.title}`,
    total: items.length,
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The verdicts as W3C Web Annotation JSON-LD (two-space indent, trailing newline). */
export function renderW3cAnnotations(input: W3cAnnotationsInput): string {
  return `${JSON.stringify(buildW3cAnnotations(input), null, 2)}\n`;
}
