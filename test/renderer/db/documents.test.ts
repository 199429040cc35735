/**
 * The library: an imported document comes back exactly as it was parsed, a file imported twice is
 * recognised, and a document a project reads cannot be deleted from under it.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ClauseId, ClauseTree, PageNumber, Unit } from '../../../src/model/clause';
import {
  cachedTree,
  createProject,
  deleteDocument,
  deleteProject,
  listDocuments,
  loadPdfBytes,
  loadTree,
  saveDocument,
} from '../../../renderer/db';
import { MINI_CODE, MINI_LAW, tree } from '../../support/trees';
import { freshDb, imported, pdfBytes, reopen } from './setup';

/** A tree using every field a parsed unit can have: notes, boxes on several pages, nulls, odd text. */
const RICH: ClauseTree = {
  document: {
    kind: 'act',
    title: 'Règlement (UE) 2024/1689 — “AI Act”',
    pages: 144,
    fingerprint: 'f'.repeat(64),
  },
  units: [
    {
      id: 'art_3' as ClauseId,
      type: 'article',
      num: '3',
      heading: 'Definitions',
      text: 'For the purposes of this Regulation (1), the following definitions apply:',
      parent: null,
      page: 46 as PageNumber,
      notes: [{ marker: '(1)', text: 'OJ L 12, 3.2.2024, p. 4.' }],
      boxes: [
        { start: 0, end: 40, page: 46 as PageNumber, x: 56.7, y: 700.25, width: 480.1, height: 9.5 },
        { start: 40, end: 73, page: 47 as PageNumber, x: 56.7, y: 90, width: 220, height: 9.5 },
      ],
    },
    {
      id: 'art_3__point_1' as ClauseId,
      type: 'point',
      num: '(1)',
      heading: null,
      text: '‘AI system’ means a machine-based system … 😀 𝔄 中',
      parent: 'art_3' as ClauseId,
      page: 47 as PageNumber,
      notes: [],
      boxes: [],
    },
  ],
};

/** Enough units that document order and string order of their positions differ (2 < 10 < 100). */
function longTree(count: number): ClauseTree {
  const units: Unit[] = Array.from({ length: count }, (_, i) => ({
    id: `z_${count - i}` as ClauseId,
    type: 'paragraph',
    num: String(i),
    heading: null,
    text: `Paragraph ${i}.`,
    parent: null,
    page: 1 as PageNumber,
    notes: [],
    boxes: [],
  }));
  return { document: { kind: 'other', title: 'Long', pages: 1, fingerprint: '1'.repeat(64) }, units };
}

describe('documents', () => {
  it('gives back exactly the tree that was stored, every field and the document info', async () => {
    const db = await freshDb();
    for (const t of [RICH, MINI_LAW, MINI_CODE]) await imported(db, t);
    for (const t of [RICH, MINI_LAW, MINI_CODE]) {
      const back = await loadTree(db, t.document.fingerprint);
      expect(back).toEqual(t);
      // Same keys in the same order too: exports and the CLI's JSON print trees as they are.
      expect(JSON.stringify(back)).toBe(JSON.stringify(t));
    }
  });

  it('keeps units in document order, not in the order of their ids or positions as text', async () => {
    const db = await freshDb();
    const long = longTree(1_200);
    await imported(db, long);
    const back = await loadTree(db, long.document.fingerprint);
    expect(back?.units.map((u) => u.id)).toEqual(long.units.map((u) => u.id));
  });

  it('survives closing and reopening the database', async () => {
    const db = await freshDb();
    await imported(db, RICH);
    const again = await reopen(db);
    expect(await loadTree(again, RICH.document.fingerprint)).toEqual(RICH);
  });

  it('records the file name (never a folder), size and counts', async () => {
    const db = await freshDb();
    const { record, existed } = await saveDocument(
      db,
      MINI_LAW,
      'C:\\Users\\me\\Downloads\\ai-act.pdf',
      pdfBytes(1, 100),
    );
    expect(existed).toBe(false);
    expect(record).toMatchObject({
      fingerprint: MINI_LAW.document.fingerprint,
      fileName: 'ai-act.pdf',
      title: 'Mini AI Act',
      kind: 'act',
      pages: 1,
      unitCount: MINI_LAW.units.length,
      byteLength: 100,
    });
    expect(Number.isNaN(Date.parse(record.importedAt))).toBe(false);
  });

  it('recognises a re-import by fingerprint: same record, first import date, no duplicate clauses', async () => {
    const db = await freshDb();
    const first = await saveDocument(db, MINI_LAW, 'ai-act.pdf', pdfBytes());
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await saveDocument(db, MINI_LAW, 'copy of ai-act.pdf', pdfBytes());
    expect(second).toEqual({ record: first.record, existed: true });
    expect(await listDocuments(db)).toHaveLength(1);
    expect(await db.clauses.where('doc').equals(MINI_LAW.document.fingerprint).count()).toBe(
      MINI_LAW.units.length,
    );
    expect(await loadTree(db, MINI_LAW.document.fingerprint)).toEqual(MINI_LAW);
  });

  it('keeps the PDF bytes, and only the bytes of a view into a larger buffer', async () => {
    const db = await freshDb();
    const big = pdfBytes(7, 1_000);
    const view = big.subarray(100, 300);
    await saveDocument(db, MINI_CODE, 'code.pdf', view);
    const bytes = await loadPdfBytes(db, MINI_CODE.document.fingerprint);
    expect(bytes).toEqual(big.slice(100, 300));
    expect(bytes?.buffer.byteLength).toBe(200);
    expect(await loadPdfBytes(db, 'nope')).toBeNull();
  });

  it('refuses empty bytes (a buffer pdf.js already took) instead of storing a blank PDF', async () => {
    const db = await freshDb();
    await expect(saveDocument(db, MINI_CODE, 'code.pdf', new Uint8Array(0))).rejects.toThrow(/empty/);
    expect(await listDocuments(db)).toEqual([]);
  });

  it('stores nothing at all when a tree cannot be stored (duplicate clause ids)', async () => {
    const db = await freshDb();
    const broken = tree('code', 'Broken', [
      ['cmt_1', 'commitment', '1', null, 'One.', null],
      ['cmt_1', 'commitment', '1', null, 'Again.', null],
    ]);
    await expect(saveDocument(db, broken, 'broken.pdf', pdfBytes())).rejects.toThrow();
    expect(await listDocuments(db)).toEqual([]);
    expect(await loadPdfBytes(db, broken.document.fingerprint)).toBeNull();
    expect(await db.clauses.count()).toBe(0);
  });

  it('lists the library most recently imported first', async () => {
    const db = await freshDb();
    await imported(db, MINI_LAW);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await imported(db, MINI_CODE);
    expect((await listDocuments(db)).map((d) => d.title)).toEqual(['Mini Code', 'Mini AI Act']);
  });

  it('refuses to delete a document a project reads, saying which project', async () => {
    const db = await freshDb();
    await imported(db, MINI_LAW);
    await imported(db, MINI_CODE);
    const project = await createProject(db, {
      name: 'GPAI review',
      lawFingerprint: MINI_LAW.document.fingerprint,
      codeFingerprint: MINI_CODE.document.fingerprint,
      sample: false,
    });
    const refused = await deleteDocument(db, MINI_LAW.document.fingerprint);
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('“GPAI review”') as unknown });
    expect(await loadTree(db, MINI_LAW.document.fingerprint)).toEqual(MINI_LAW);

    await deleteProject(db, project.id);
    expect(await deleteDocument(db, MINI_LAW.document.fingerprint)).toEqual({ ok: true });
    expect(await loadTree(db, MINI_LAW.document.fingerprint)).toBeNull();
    expect(await loadPdfBytes(db, MINI_LAW.document.fingerprint)).toBeNull();
    expect(await db.clauses.where('doc').equals(MINI_LAW.document.fingerprint).count()).toBe(0);
    // The other document is untouched.
    expect(await loadTree(db, MINI_CODE.document.fingerprint)).toEqual(MINI_CODE);
  });

  it('can import a document again after deleting it', async () => {
    const db = await freshDb();
    await imported(db, MINI_CODE);
    await deleteDocument(db, MINI_CODE.document.fingerprint);
    const again = await saveDocument(db, MINI_CODE, 'code.pdf', pdfBytes());
    expect(again.existed).toBe(false);
    expect(await loadTree(db, MINI_CODE.document.fingerprint)).toEqual(MINI_CODE);
  });
});

describe('cachedTree (behind useTree)', () => {
  it('reads a tree once and serves the same object after, until the document is deleted', async () => {
    const db = await freshDb();
    await imported(db, MINI_CODE);
    const fingerprint = MINI_CODE.document.fingerprint;
    const first = await cachedTree(db, fingerprint);
    expect(first).toEqual(MINI_CODE);
    expect(await cachedTree(db, fingerprint)).toBe(first);

    await deleteDocument(db, fingerprint);
    expect(await cachedTree(db, fingerprint)).toBeNull();
    await imported(db, MINI_CODE);
    const reread = await cachedTree(db, fingerprint);
    expect(reread).toEqual(MINI_CODE);
    expect(reread).not.toBe(first);
  });

  it('keeps each database’s trees apart', async () => {
    const a = await freshDb();
    const b = await freshDb();
    await imported(a, MINI_CODE);
    expect(await cachedTree(a, MINI_CODE.document.fingerprint)).toEqual(MINI_CODE);
    expect(await cachedTree(b, MINI_CODE.document.fingerprint)).toBeNull();
  });
});
