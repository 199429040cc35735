import { useState } from 'react';
import { putSetting, useDb } from '../db';
import { Dialog } from './Dialog';

/** The reviewer's name (recorded as the author of every note) and the theme. */
export function SettingsDialog({
  author,
  dark,
  onDark,
  onClose,
  onError,
  onBackups,
}: {
  readonly author: string;
  readonly dark: boolean;
  readonly onDark: (dark: boolean) => void;
  readonly onClose: () => void;
  readonly onError: (error: unknown) => void;
  /** Opens Backups (back up now, restore from a backup). */
  readonly onBackups?: () => void;
}) {
  const db = useDb();
  const [name, setName] = useState(author);
  return (
    <Dialog title="Settings" onClose={onClose} testId="settings">
      <form
        method="dialog"
        onSubmit={() => {
          putSetting(db, 'author', name.replace(/\s+/g, ' ').trim().slice(0, 120)).catch(onError);
        }}
      >
        <label className="block">
          Your name (recorded as the author of your notes)
          <input
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={120}
            autoFocus
            data-testid="author-input"
          />
        </label>
        <label className="inline">
          <input type="checkbox" checked={dark} onChange={(e) => onDark(e.target.checked)} /> Dark mode
        </label>
        {onBackups !== undefined && (
          <p>
            <button type="button" className="link" onClick={onBackups} data-testid="settings-backups">
              Backups and restore…
            </button>
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="save-settings">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
