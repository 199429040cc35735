/**
 * Automatic backups while the app runs (see policy.ts for when). On the desktop a backup is written
 * by main into the app's data folder without a word (only a failure is said). A web page cannot
 * write a file unasked, and a download started by itself every ten minutes would bury the user's
 * Downloads folder and be blocked by the browser anyway: so the page *offers* the download, in a
 * quiet banner, when one is due; "Not now" asks again ten minutes later. On demand, both save at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getProject, type CrosswalkDb } from '../db';
import type { Platform } from '../platform';
import { plainMessage } from '../ui/errors';
import { BACKUP_INTERVAL_MS, backupDue, type BackupTrigger, type LastBackup } from './policy';
import { backupDownloadName, snapshotProject } from './snapshot';

/** How often the timer looks whether a backup is due. */
const CHECK_EVERY_MS = 60_000;
const WEB_LAST_PREFIX = 'crosswalk:last-backup:';

export interface BackupNotice {
  readonly level: 'status' | 'error';
  readonly message: string;
}

/** A download the web page offers (a backup is due). */
export interface BackupOffer {
  readonly projectId: string;
  readonly projectName: string;
}

export interface Backups {
  readonly notice: BackupNotice | null;
  readonly offer: BackupOffer | null;
  /** Backs a project up now (desktop: into the data folder; web: as a download). */
  readonly backUpNow: (projectId: string) => Promise<void>;
  readonly acceptOffer: () => void;
  readonly declineOffer: () => void;
  readonly dismissNotice: () => void;
}

function readWebLast(projectId: string): LastBackup | null {
  try {
    const value: unknown = JSON.parse(
      window.localStorage.getItem(`${WEB_LAST_PREFIX}${projectId}`) ?? 'null',
    );
    if (value === null || typeof value !== 'object') return null;
    const { at, projectUpdatedAt } = value as Record<string, unknown>;
    return typeof at === 'number' && typeof projectUpdatedAt === 'string' ? { at, projectUpdatedAt } : null;
  } catch {
    return null;
  }
}

function writeWebLast(projectId: string, last: LastBackup): void {
  try {
    window.localStorage.setItem(`${WEB_LAST_PREFIX}${projectId}`, JSON.stringify(last));
  } catch {
    // Only the reminder's timing depends on it.
  }
}

/** Backups of the open project (`projectId`, null in the library), on a timer, on close and on demand. */
export function useBackups(db: CrosswalkDb, platform: Platform, projectId: string | null): Backups {
  const [notice, setNotice] = useState<BackupNotice | null>(null);
  const [offer, setOffer] = useState<BackupOffer | null>(null);
  const last = useRef(new Map<string, LastBackup>());
  const seen = useRef(new Map<string, LastBackup>());
  const snoozed = useRef(new Map<string, number>());
  /** One backup at a time, in order: leaving one project and opening the next both ask. */
  const chain = useRef<Promise<void>>(Promise.resolve());
  const shelf = platform.backups;

  // The desktop knows its backups from main; the web page from what it noted when it offered one.
  useEffect(() => {
    if (shelf === null) return;
    let live = true;
    shelf.list().then(
      (all) => {
        if (!live) return;
        for (const info of [...all].reverse()) {
          last.current.set(info.projectId, {
            at: Date.parse(info.savedAt),
            projectUpdatedAt: info.projectUpdatedAt,
          });
        }
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [shelf]);

  const lastOf = useCallback(
    (id: string): LastBackup | null => last.current.get(id) ?? (shelf === null ? readWebLast(id) : null),
    [shelf],
  );

  const run = useCallback(
    async (id: string, trigger: BackupTrigger): Promise<void> => {
      try {
        const project = await getProject(db, id);
        if (project === null) return;
        const now = Date.now();
        const seenAt = seen.current.get(id) ?? { at: now, projectUpdatedAt: project.updatedAt };
        seen.current.set(id, seenAt);
        const snooze = snoozed.current.get(id);
        const question = {
          trigger,
          now,
          projectUpdatedAt: project.updatedAt,
          last: lastOf(id),
          seen: seenAt,
        };
        if (!backupDue(question)) return;
        if (shelf === null && trigger !== 'demand') {
          // "Not now" holds for the next ten minutes, leaving the project included.
          if (snooze === undefined || now - snooze >= BACKUP_INTERVAL_MS)
            setOffer({ projectId: id, projectName: project.name });
          return;
        }
        const snapshot = await snapshotProject(db, id, new Date(now));
        if (snapshot === null) return;
        const record = { at: now, projectUpdatedAt: snapshot.project.updatedAt };
        if (shelf !== null) {
          const info = await shelf.write(id, snapshot.text);
          last.current.set(id, record);
          if (trigger === 'demand')
            setNotice({
              level: 'status',
              message: `Backed up “${info.projectName}”: ${info.annotations} verdicts, ${info.links} links. Crosswalk keeps the last 10 backups of each project in its data folder.`,
            });
        } else {
          const name = backupDownloadName(snapshot.project.name, new Date(now));
          if (await platform.saveFile(name, snapshot.text, 'application/json')) {
            last.current.set(id, record);
            writeWebLast(id, record);
            setNotice({ level: 'status', message: `Saved the backup as ${name}. Keep it somewhere safe.` });
          }
        }
      } catch (error) {
        setNotice({
          level: 'error',
          message: `${trigger === 'demand' ? 'The backup' : 'The automatic backup'} failed: ${plainMessage(error)}`,
        });
      }
    },
    [db, platform, shelf, lastOf],
  );

  const save = useCallback(
    (id: string, trigger: BackupTrigger): Promise<void> => {
      chain.current = chain.current.then(() => run(id, trigger));
      return chain.current;
    },
    [run],
  );

  // While a project is open: a look every minute; on leaving it: one more, for the changes made.
  useEffect(() => {
    if (projectId === null) return;
    void save(projectId, 'timer');
    const timer = setInterval(() => void save(projectId, 'timer'), CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      void save(projectId, 'close');
    };
  }, [projectId, save]);

  const acceptOffer = useCallback(() => {
    if (offer === null) return;
    setOffer(null);
    void save(offer.projectId, 'demand');
  }, [offer, save]);

  const declineOffer = useCallback(() => {
    if (offer === null) return;
    snoozed.current.set(offer.projectId, Date.now());
    setOffer(null);
  }, [offer]);

  return {
    notice,
    offer,
    backUpNow: useCallback((id: string) => save(id, 'demand'), [save]),
    acceptOffer,
    declineOffer,
    dismissNotice: useCallback(() => setNotice(null), []),
  };
}
