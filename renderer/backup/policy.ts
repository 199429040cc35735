/**
 * When a project is backed up. Pure: the clock and the last backup are passed in.
 *
 * - while editing: once the project has changed since its last backup and the last backup (or, if
 *   there is none, the moment the app first saw the project) is {@link BACKUP_INTERVAL_MS} old;
 * - on closing the project (leaving it for the library or another project): whenever it changed;
 * - on demand: always.
 *
 * "Changed" compares the project's `updatedAt` (every edit, decision and merge moves it) with the
 * one recorded in the last backup (or, with none yet, the one it had when the page first saw it),
 * so opening a project and reading it never makes a backup.
 */

/** How long editing goes on before an automatic backup. */
export const BACKUP_INTERVAL_MS = 10 * 60_000;

/** The last backup of a project as far as the page knows. */
export interface LastBackup {
  /** The clock's milliseconds when it was made. */
  readonly at: number;
  /** The project's `updatedAt` it captured. */
  readonly projectUpdatedAt: string;
}

export type BackupTrigger = 'timer' | 'close' | 'demand';

export interface BackupQuestion {
  readonly trigger: BackupTrigger;
  readonly now: number;
  readonly projectUpdatedAt: string;
  readonly last: LastBackup | null;
  /**
   * When the page first saw the project in this session, and its `updatedAt` then: without any
   * backup yet, the project counts as changed only once it is edited (reading it makes none).
   */
  readonly seen: LastBackup;
  readonly intervalMs?: number;
}

/** True when a backup should be made now. */
export function backupDue(question: BackupQuestion): boolean {
  if (question.trigger === 'demand') return true;
  const reference = question.last ?? question.seen;
  if (reference.projectUpdatedAt === question.projectUpdatedAt) return false;
  if (question.trigger === 'close') return true;
  const since = question.last?.at ?? question.seen.at;
  return question.now - since >= (question.intervalMs ?? BACKUP_INTERVAL_MS);
}
