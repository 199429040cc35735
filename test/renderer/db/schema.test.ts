/**
 * The schema is a promise to every user's existing database. Changing a shipped version's stores
 * breaks it; this test fails on any change, so a change is deliberate: append a version (with an
 * upgrade and its own test) and add its stores below.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CrosswalkDb, SCHEMA_HISTORY } from '../../../renderer/db';
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
    expect(opened).toEqual(latest?.stores);
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
