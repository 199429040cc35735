/** Settings: each key reads back with its type, and an unset or unreadable value reads as its default. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SETTING_DEFAULTS, getSetting, putSetting, type Settings } from '../../../renderer/db';
import { freshDb, reopen } from './setup';

describe('settings', () => {
  it('reads the defaults before anything is stored, or the fallback given', async () => {
    const db = await freshDb();
    expect(await getSetting(db, 'author')).toBe('');
    expect(await getSetting(db, 'darkMode')).toBe(false);
    expect(await getSetting(db, 'paneWidths')).toEqual([]);
    expect(await getSetting(db, 'lastProjectId')).toBeNull();
    expect(await getSetting(db, 'firstRunDone')).toBe(false);
    expect(await getSetting(db, 'author', 'Anonymous')).toBe('Anonymous');
  });

  it('stores each setting and reads it back after a restart', async () => {
    const db = await freshDb();
    const values: Settings = {
      author: 'A. Reviewer',
      darkMode: true,
      paneWidths: [280, 420.5],
      lastProjectId: 'p-1',
      firstRunDone: true,
    };
    await putSetting(db, 'author', values.author);
    await putSetting(db, 'darkMode', values.darkMode);
    await putSetting(db, 'paneWidths', values.paneWidths);
    await putSetting(db, 'lastProjectId', values.lastProjectId);
    await putSetting(db, 'firstRunDone', values.firstRunDone);
    const again = await reopen(db);
    for (const key of Object.keys(SETTING_DEFAULTS) as (keyof Settings)[]) {
      expect(await getSetting(again, key)).toEqual(values[key]);
    }
    await putSetting(again, 'lastProjectId', null);
    expect(await getSetting(again, 'lastProjectId')).toBeNull();
  });

  it('reads a stored value of the wrong type as the default instead of handing it to the UI', async () => {
    const db = await freshDb();
    await db.settings.put({ key: 'darkMode', value: 'yes' });
    await db.settings.put({ key: 'paneWidths', value: [200, 'wide'] });
    expect(await getSetting(db, 'darkMode')).toBe(false);
    expect(await getSetting(db, 'paneWidths')).toEqual([]);
  });

  it('refuses to store a value of the wrong type', async () => {
    const db = await freshDb();
    await expect(putSetting(db, 'paneWidths', [Number.NaN])).rejects.toThrow(/paneWidths/);
    await expect(putSetting(db, 'paneWidths', [-5])).rejects.toThrow(/paneWidths/);
    expect(await db.settings.count()).toBe(0);
  });
});
