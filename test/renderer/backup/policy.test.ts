/** When a project is backed up: after ten minutes of edits, on leaving it after edits, on demand. */
import { describe, expect, it } from 'vitest';
import { BACKUP_INTERVAL_MS, backupDue, type BackupQuestion } from '../../../renderer/backup/policy';

const MIN = 60_000;
const base: BackupQuestion = {
  trigger: 'timer',
  now: 0,
  projectUpdatedAt: 'v1',
  last: null,
  seen: { at: 0, projectUpdatedAt: 'v1' },
};

describe('backup policy', () => {
  it('makes no backup of a project that was only read', () => {
    expect(backupDue({ ...base, now: 60 * MIN })).toBe(false);
    expect(backupDue({ ...base, trigger: 'close', now: 60 * MIN })).toBe(false);
  });

  it('backs up ten minutes into editing, not before', () => {
    const edited = { ...base, projectUpdatedAt: 'v2' };
    expect(backupDue({ ...edited, now: BACKUP_INTERVAL_MS - 1 })).toBe(false);
    expect(backupDue({ ...edited, now: BACKUP_INTERVAL_MS })).toBe(true);
  });

  it('counts from the last backup, and not at all when nothing changed since', () => {
    const last = { at: 30 * MIN, projectUpdatedAt: 'v2' };
    expect(backupDue({ ...base, projectUpdatedAt: 'v2', last, now: 45 * MIN })).toBe(false);
    expect(backupDue({ ...base, projectUpdatedAt: 'v3', last, now: 35 * MIN })).toBe(false);
    expect(backupDue({ ...base, projectUpdatedAt: 'v3', last, now: 40 * MIN })).toBe(true);
  });

  it('backs up on leaving an edited project at once, and on demand always', () => {
    expect(backupDue({ ...base, trigger: 'close', projectUpdatedAt: 'v2', now: 1 })).toBe(true);
    expect(backupDue({ ...base, trigger: 'demand' })).toBe(true);
  });
});
