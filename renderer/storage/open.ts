import { CrosswalkDb, DB_NAME } from '../db';
import { PROBLEM_MESSAGES, type StorageProblem } from './failures';

/**
 * Opens the app's database like `openDb`, but says when the open is waiting on another window: an
 * upgrade cannot start while a window of an older Crosswalk still holds the database, and IndexedDB
 * then waits silently. `onBlocked` gets the plain message to show meanwhile.
 */
export async function openDbWatched(
  onBlocked: (problem: StorageProblem) => void,
  name: string = DB_NAME,
): Promise<CrosswalkDb> {
  const db = new CrosswalkDb(name);
  db.on('blocked', () => onBlocked({ kind: 'blocked', message: PROBLEM_MESSAGES.blocked }));
  await db.open();
  return db;
}
