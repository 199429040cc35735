/** What the storage banner says, from the storage health: pure, so the wording is tested. */
import type { StorageHealthState } from './storage';

export interface StorageNotice {
  /** `alert`: edits are at risk or the window must be reloaded; `status`: for information. */
  readonly level: 'alert' | 'status';
  readonly message: string;
  /** Edits not stored yet. */
  readonly waiting: number;
  /** Offer "Retry now" (a write failed and will be tried again). */
  readonly canRetry: boolean;
  /** Offer "Reload" (this window's code no longer matches the database). */
  readonly needsReload: boolean;
}

const edits = (n: number): string => (n === 1 ? '1 edit is' : `${n} edits are`);

/** The banner for the current state; null when there is nothing to say. */
export function describeStorage(state: StorageHealthState): StorageNotice | null {
  const waiting = state.queue.pending.length;
  const waitingLine = waiting > 0 ? ` ${edits(waiting)} waiting to be saved.` : '';
  if (state.connection !== null) {
    return {
      level: 'alert',
      message: `${state.connection.message}${waitingLine}`,
      waiting,
      canRetry: false,
      needsReload: state.connection.kind === 'outdated',
    };
  }
  const { problem } = state.queue;
  if (problem !== null) {
    const risk = state.queue.safeToClose
      ? ''
      : ' They could not be copied anywhere else either: keep this window open until they are saved.';
    return {
      level: 'alert',
      message: `${problem.message}${waitingLine}${risk}`,
      waiting,
      canRetry: true,
      needsReload: problem.kind === 'outdated',
    };
  }
  if (state.recovered > 0 && waiting === 0) {
    return {
      level: 'status',
      message: `${state.recovered === 1 ? '1 edit' : `${state.recovered} edits`} from an earlier session that could not be saved then ${state.recovered === 1 ? 'has' : 'have'} now been saved.`,
      waiting,
      canRetry: false,
      needsReload: false,
    };
  }
  return null;
}
