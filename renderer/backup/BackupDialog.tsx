import { useEffect, useState } from 'react';
import type { Bundle } from '../../src/export/index';
import { listProjects, useDb } from '../db';
import type { BackupInfo, Platform, TextFile } from '../platform';
import { Dialog } from '../ui/Dialog';
import { plainMessage } from '../ui/errors';
import { readBackupBundle } from './restore';

/** How a chosen backup is restored; neither deletes anything. */
export type RestoreMode = { readonly kind: 'copy' } | { readonly kind: 'merge'; readonly projectId: string };

interface Chosen {
  readonly file: TextFile;
  readonly bundle: Bundle;
  /** The backup's own project, when it is still here (then it can be merged back into it). */
  readonly existing: { readonly id: string; readonly name: string } | null;
}

const when = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
};

/**
 * Backups: "Back up now" for the open project, and "Restore from backup…": the desktop lists the
 * backups kept in its data folder (date, verdicts, links); both can read a backup file. A chosen
 * backup is restored as a new project or merged into the project it came from, never over it.
 */
export function BackupDialog({
  platform,
  openProject,
  onBackUpNow,
  onRestore,
  onClose,
}: {
  readonly platform: Platform;
  /** The project open now, if any (the one "Back up now" saves). */
  readonly openProject: { readonly id: string; readonly name: string } | null;
  readonly onBackUpNow: (projectId: string) => void;
  readonly onRestore: (file: TextFile, mode: RestoreMode) => void;
  readonly onClose: () => void;
}) {
  const db = useDb();
  const shelf = platform.backups;
  const [backups, setBackups] = useState<readonly BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);

  useEffect(() => {
    if (shelf === null) return;
    let live = true;
    shelf.list().then(
      (all) => {
        if (live) setBackups(all);
      },
      (e: unknown) => {
        if (live) setError(plainMessage(e));
      },
    );
    return () => {
      live = false;
    };
  }, [shelf]);

  const choose = async (file: TextFile): Promise<void> => {
    const bundle = readBackupBundle(file);
    const here = (await listProjects(db)).find((p) => p.id === bundle.project.id);
    setChosen({ file, bundle, existing: here === undefined ? null : { id: here.id, name: here.name } });
  };
  const attempt = (job: () => Promise<void>): void => {
    setError(null);
    job().catch((e: unknown) => setError(plainMessage(e)));
  };

  return (
    <Dialog title="Backups" onClose={onClose} testId="backup-dialog" wide>
      {chosen === null ? (
        <>
          <p>
            {shelf !== null
              ? 'Crosswalk backs up each project you edit every 10 minutes and when you leave it, and keeps the last 10 backups of each project in its data folder.'
              : 'A web page cannot save files by itself, so Crosswalk offers a backup download after 10 minutes of edits and when you leave a project. Keep those files somewhere safe: you restore from them here.'}
          </p>
          {openProject !== null && (
            <p>
              <button
                type="button"
                className="primary"
                onClick={() => onBackUpNow(openProject.id)}
                data-testid="backup-now"
              >
                Back up “{openProject.name}” now
              </button>
            </p>
          )}
          <h3>Restore from backup</h3>
          <p>
            Restoring never deletes anything: a backup becomes a new project, or is merged into its project.
          </p>
          {shelf !== null &&
            (backups === null ? (
              error === null && <p className="status">Reading the backups…</p>
            ) : backups.length === 0 ? (
              <p className="status">No backups yet.</p>
            ) : (
              <table className="grid small" data-testid="backup-list">
                <thead>
                  <tr>
                    <th scope="col">Project</th>
                    <th scope="col">Saved</th>
                    <th scope="col">Verdicts</th>
                    <th scope="col">Links</th>
                    <th scope="col">
                      <span className="sr-only">Restore</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {backups.map((info) => (
                    <tr key={`${info.projectId}/${info.name}`}>
                      <td>{info.projectName || 'A project'}</td>
                      <td>{when(info.savedAt)}</td>
                      <td>{info.annotations}</td>
                      <td>{info.links}</td>
                      <td>
                        <button
                          type="button"
                          className="secondary"
                          onClick={() =>
                            attempt(async () => choose(await shelf.read(info.projectId, info.name)))
                          }
                        >
                          Restore…
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          <p>
            <button
              type="button"
              className="secondary"
              data-testid="restore-file"
              onClick={() =>
                attempt(async () => {
                  const file = await platform.openBundle();
                  if (file !== null) await choose(file);
                })
              }
            >
              Choose a backup file…
            </button>
          </p>
        </>
      ) : (
        <>
          <p>
            {chosen.file.name}: “{chosen.bundle.project.name}”, saved {when(chosen.bundle.exportedAt)}, with{' '}
            {chosen.bundle.annotations.length} verdicts and {chosen.bundle.links.length} links.
          </p>
          <div className="dialog-actions">
            <button type="button" className="secondary" onClick={() => setChosen(null)}>
              Back
            </button>
            {chosen.existing !== null && (
              <button
                type="button"
                className="secondary"
                data-testid="restore-merge"
                onClick={() => onRestore(chosen.file, { kind: 'merge', projectId: chosen.existing!.id })}
              >
                Merge into “{chosen.existing.name}”
              </button>
            )}
            <button
              type="button"
              className="primary"
              data-testid="restore-copy"
              onClick={() => onRestore(chosen.file, { kind: 'copy' })}
            >
              Restore as a new project
            </button>
          </div>
          <p className="small">
            A new project sits beside your current one, which stays exactly as it is. Merging adds back what
            the project lacks (a deleted verdict, a link decision); where the two differ, both are kept and
            listed.
          </p>
        </>
      )}
      {error !== null && (
        <p className="status error" role="alert">
          {error}
        </p>
      )}
      {chosen === null && (
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Close
          </button>
        </div>
      )}
    </Dialog>
  );
}
