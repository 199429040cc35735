/**
 * The synthetic fixtures (scripts/make-fixtures.mjs): each PDF parses into
 * exactly the clause tree its generator says it printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParseJson } from '../../src/cli/json';
import { parsePdf } from '../../src/parse';
import { pdfjs, standardFontDataUrl } from '../support/pdfjs-node';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

/** The expected files have the CLI's JSON shape, minus the fingerprint. */
type Expected = Omit<ParseJson, 'document'> & { document: Omit<ParseJson['document'], 'fingerprint'> };

describe.each(['act', 'code', 'code-copyright', 'code-draft', 'plain'])('fixtures/%s.pdf', (name) => {
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected;
  const parsed = parsePdf(pdfjs, new Uint8Array(readFileSync(join(FIXTURES, `${name}.pdf`))), {
    standardFontDataUrl,
  });

  it('has the document kind, title and page count', async () => {
    const { document } = await parsed;
    expect({ kind: document.kind, title: document.title, pages: document.pages }).toEqual(expected.document);
  });

  it('has exactly the expected units, in order', async () => {
    const { units } = await parsed;
    expect(units.map((u) => u.id)).toEqual(expected.units.map((u) => u.id));
  });

  it('gives every unit its type, number, heading, own text, parent, page and notes', async () => {
    const { units } = await parsed;
    const actual = units.map(({ id, type, num, heading, text, parent, page, notes }) => ({
      id,
      type,
      num,
      heading,
      text,
      parent,
      page,
      notes,
    }));
    expect(actual).toEqual(expected.units);
  });
});
