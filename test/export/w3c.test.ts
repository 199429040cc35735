import { describe, expect, it } from 'vitest';
import {
  ANNO_CONTEXT,
  annotationUrn,
  buildW3cAnnotations,
  locateQuote,
  renderW3cAnnotations,
  type W3cAnnotationCollection,
  type W3cAnnotationsInput,
  type W3cSelector,
  type W3cTarget,
} from '../../src/export/w3c';
import type { Annotation } from '../../src/model/review';
import { MINI_CODE } from '../support/trees';
import { annotation, ANNOTATIONS, CODE_DOC, LAW_DOC, PROJECT, T1 } from './fixtures';

const TEXT = new Map(MINI_CODE.units.map((u) => [u.id as string, u.text]));

function input(patch: Partial<W3cAnnotationsInput> = {}): W3cAnnotationsInput {
  return {
    project: PROJECT,
    codeDocument: CODE_DOC,
    lawDocument: LAW_DOC,
    annotations: ANNOTATIONS,
    codeUnitText: (id) => TEXT.get(id) ?? null,
    ...patch,
  };
}

const parse = (text: string): W3cAnnotationCollection => JSON.parse(text) as W3cAnnotationCollection;
function isList<T extends object>(value: T | readonly T[]): value is readonly T[] {
  return Array.isArray(value);
}
const targets = (t: W3cTarget | readonly W3cTarget[]): readonly W3cTarget[] => (isList(t) ? t : [t]);
const selectors = (t: W3cTarget): readonly W3cSelector[] => (isList(t.selector) ? t.selector : [t.selector]);

function only(a: Annotation, text?: string): W3cAnnotationCollection {
  return buildW3cAnnotations(
    input({ annotations: [a], ...(text === undefined ? {} : { codeUnitText: () => text }) }),
  );
}

describe('renderW3cAnnotations', () => {
  it('writes an AnnotationCollection with one embedded page', () => {
    const text = renderW3cAnnotations(input());
    expect(text).toMatch(/^\{\n {2}"@context": "http:\/\/www\.w3\.org\/ns\/anno\.jsonld",/);
    expect(text.endsWith('}\n')).toBe(true);
    const doc = parse(text);
    expect(doc['@context']).toBe(ANNO_CONTEXT);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(ANNOTATIONS.length);
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.first.items.map((a) => a.id).sort()).toEqual(['a1', 'a2', 'a3'].map(annotationUrn));
    for (const item of doc.first.items) {
      expect(item.type).toBe('Annotation');
      expect(item.motivation).toBe('assessing');
      expect(item.creator).toEqual({ type: 'Person', name: 'Alice' });
      expect(item.created).toBe(T1);
      expect(item.modified).toBe(T1);
    }
  });

  it('is deterministic and independent of input order', () => {
    expect(renderW3cAnnotations(input())).toBe(renderW3cAnnotations(input()));
    expect(renderW3cAnnotations(input({ annotations: [...ANNOTATIONS].reverse() }))).toBe(
      renderW3cAnnotations(input()),
    );
  });

  it('writes rationale, tags and stance as bodies', () => {
    const doc = only(ANNOTATIONS[1] as Annotation);
    expect(doc.first.items[0]?.body).toEqual([
      {
        type: 'TextualBody',
        purpose: 'assessing',
        value: 'Two days is stricter than “without undue delay”.',
        format: 'text/markdown',
      },
      { type: 'TextualBody', purpose: 'tagging', value: 'deadline' },
      { type: 'TextualBody', purpose: 'tagging', value: 'stricter' },
      { type: 'TextualBody', purpose: 'classifying', value: 'expands' },
    ]);
    const bare = only(
      annotation('b', 'msr_9.3', null, { rationale: ' ', tags: [], stance: null, author: '' }),
    );
    expect(bare.first.items[0]?.body).toEqual([]);
    expect(bare.first.items[0]?.creator).toBeUndefined();
  });

  it('targets the code unit by quote, clause and position', () => {
    const doc = only(ANNOTATIONS[0] as Annotation);
    const [code, ...rest] = targets(doc.first.items[0]?.target ?? []);
    expect(rest).toEqual([]);
    expect(code?.source).toBe(`urn:sha256:${CODE_DOC.fingerprint}`);
    expect(code && selectors(code)).toEqual([
      { type: 'TextQuoteSelector', exact: 'Signatories will', suffix: ' report' },
      {
        type: 'FragmentSelector',
        value: 'clause=msr_9.3',
        refinedBy: { type: 'TextPositionSelector', start: 0, end: 16 },
      },
    ]);
  });

  it('adds the law provision as a second target for a verdict on a link', () => {
    const doc = only(ANNOTATIONS[1] as Annotation);
    const [, law] = targets(doc.first.items[0]?.target ?? []);
    expect(law).toEqual({
      type: 'SpecificResource',
      source: `urn:sha256:${LAW_DOC.fingerprint}`,
      selector: { type: 'FragmentSelector', value: 'clause=art_55__para_1__point_c' },
    });
  });

  it('omits the position when the quote is not found or is ambiguous', () => {
    const missing = only(
      annotation('m', 'msr_9.3', null, { quote: { exact: 'nowhere', prefix: '', suffix: '' } }),
    );
    const [code] = targets(missing.first.items[0]?.target ?? []);
    expect(code && selectors(code)).toEqual([
      { type: 'TextQuoteSelector', exact: 'nowhere' },
      { type: 'FragmentSelector', value: 'clause=msr_9.3' },
    ]);
    const unknown = only(annotation('u', 'msr_99', null), undefined);
    const [u] = targets(unknown.first.items[0]?.target ?? []);
    expect(u && selectors(u)[1]).toEqual({ type: 'FragmentSelector', value: 'clause=msr_99' });
    expect(locateQuote('ab ab', { exact: 'ab', prefix: '', suffix: '' })).toBeNull();
  });

  it('uses prefix and suffix to pick among repeats, counting code points', () => {
    const text = '🚀 will do; 🚀 will go';
    expect(locateQuote(text, { exact: 'will', prefix: '; 🚀 ', suffix: ' go' })).toEqual({
      type: 'TextPositionSelector',
      start: 13,
      end: 17,
    });
    expect(locateQuote(text, { exact: 'go', prefix: '', suffix: '' })).toEqual({
      type: 'TextPositionSelector',
      start: 18,
      end: 20,
    });
    expect(locateQuote(text, { exact: '', prefix: '', suffix: '' })).toBeNull();
  });

  it('round-trips through JSON.parse, hostile text unchanged', () => {
    const hostile = 'He said "no" \\ </script><script>alert(1)</script> — ünïcödé 🚀 \u2028\u0000 \n`x`';
    const a = annotation(hostile, 'msr_9.3', 'art_55__para_1__point_c', {
      rationale: hostile,
      tags: [hostile],
      author: hostile,
      quote: { exact: hostile, prefix: hostile, suffix: hostile },
    });
    const project = { ...PROJECT, name: hostile };
    const text = renderW3cAnnotations(
      input({ annotations: [a], project, codeUnitText: () => `${hostile}${hostile}${hostile}` }),
    );
    const doc = parse(text);
    expect(doc).toEqual(
      buildW3cAnnotations(
        input({ annotations: [a], project, codeUnitText: () => `${hostile}${hostile}${hostile}` }),
      ),
    );
    const item = doc.first.items[0];
    expect(item?.id).toBe(annotationUrn(hostile));
    expect(item?.id).not.toMatch(/[\s"<>]/);
    expect(item?.creator?.name).toBe(hostile);
    expect(item?.body[0]?.value).toBe(hostile);
    expect(item?.body[1]?.value).toBe(hostile);
    const [code] = targets(item?.target ?? []);
    const [quote, fragment] = code ? selectors(code) : [];
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: hostile, prefix: hostile, suffix: hostile });
    const n = [...hostile].length;
    expect(fragment).toMatchObject({ refinedBy: { start: n, end: 2 * n } });
    expect(doc.label.startsWith(hostile)).toBe(true);
  });
});
