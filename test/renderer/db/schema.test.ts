/**
 * The schema is a promise to every user's existing database. Changing a shipped version's stores
 * breaks it; this test fails on any change, so a change is deliberate: append a version (with an
 * upgrade and its own test) and add its stores below.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { CrosswalkDb, SCHEMA_HISTORY } from '../../../renderer/db';
import { annotation, link, objection, PROJECT } from '../../export/fixtures';
import { freshDb } from './setup';

describe('schema', () => {
  it('is exactly the committed schema, version by version', () => {
    expect(SCHEMA_HISTORY).toEqual([
      {
        version: 1,
        stores: {
          documents: 'fingerprint, importedAt',
          files: 'fingerprint',
          clauses: '[doc+id], doc, [doc+order]',
          projects: 'id, updatedAt',
          links: 'id, projectId, [projectId+source], [projectId+status]',
          annotations: 'id, projectId, [projectId+source], *tags, updatedAt',
          settings: 'key',
          history: '++seq, projectId, [projectId+undone]',
        },
      },
      {
        version: 2,
        stores: {
          objections: 'id, projectId, updatedAt',
          resolutions: 'id, projectId',
        },
      },
    ]);
  });

  it('opens at the latest committed version with exactly those stores and indexes', async () => {
    const db = await freshDb();
    const latest = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1];
    expect(db.verno).toBe(latest?.version);
    const opened = Object.fromEntries(
      db.tables.map((table) => [
        table.name,
        [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', '),
      ]),
    );
    // Each version lists only the stores it adds or changes: the database has their union.
    const all = Object.assign({}, ...SCHEMA_HISTORY.map((v) => v.stores)) as Record<string, string>;
    expect(opened).toEqual(all);
  });

  it('opens a database a previous session created, keeping its data', async () => {
    const db = await freshDb();
    await db.settings.put({ key: 'author', value: 'kept' });
    db.close();
    const again = new CrosswalkDb(db.name);
    await again.open();
    expect(await again.settings.get('author')).toEqual({ key: 'author', value: 'kept' });
    again.close();
  });
});

describe('upgrades', () => {
  it('version 1 → 2: every record of a version 1 database is kept, and the new stores start empty', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    // A database exactly as version 1 of the app left it.
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_HISTORY[0].stores);
    await v1.open();
    const seeded = {
      documents: [
        {
          fingerprint: 'f'.repeat(64),
          fileName: 'a.pdf',
          title: 'A',
          kind: 'act',
          pages: 1,
          unitCount: 1,
          byteLength: 3,
          importedAt: 't',
        },
      ],
      files: [{ fingerprint: 'f'.repeat(64), bytes: new Uint8Array([1, 2, 3]) }],
      clauses: [
        {
          doc: 'f'.repeat(64),
          id: 'art_1',
          order: 0,
          type: 'article',
          num: '1',
          heading: null,
          text: 'x',
          parent: null,
          page: 1,
          notes: [],
          boxes: [],
        },
      ],
      projects: [PROJECT],
      links: [link('msr_9.3', 'art_55__para_1__point_c')],
      annotations: [annotation('a1', 'msr_9.3', null)],
      settings: [{ key: 'author', value: 'Alice' }],
    };
    for (const [table, rows] of Object.entries(seeded)) await v1.table(table).bulkAdd(rows);
    await v1.table('history').add({
      projectId: PROJECT.id,
      annotationId: 'a1',
      before: null,
      after: seeded.annotations[0],
      undone: 0,
      coalesce: null,
      at: 1,
    });
    v1.close();

    const db = new CrosswalkDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    for (const [table, rows] of Object.entries(seeded)) expect(await db.table(table).toArray()).toEqual(rows);
    expect(await db.history.count()).toBe(1);
    expect(await db.objections.count()).toBe(0);
    expect(await db.resolutions.count()).toBe(0);
    await db.objections.add(objection('o1', ['msr_9.3']));
    expect(await db.objections.where('projectId').equals(PROJECT.id).count()).toBe(1);
    db.close();
    await Dexie.delete(name);
  });
});
