import type { Backups } from './useBackups';

/** The backups' quiet line: a failure, a finished backup, or (web) a download offered. */
export function BackupBanner({ backups }: { readonly backups: Backups }) {
  const { notice, offer } = backups;
  return (
    <>
      {offer !== null && (
        <div className="banner" role="status" data-testid="backup-offer">
          <span>
            “{offer.projectName}” has changed since its last backup. Download a backup to keep a copy outside
            the browser.
          </span>
          <button type="button" className="link" onClick={backups.acceptOffer}>
            Download backup
          </button>
          <button type="button" className="link" onClick={backups.declineOffer}>
            Not now
          </button>
        </div>
      )}
      {notice !== null && (
        <div
          className={notice.level === 'error' ? 'banner error' : 'banner'}
          role={notice.level === 'error' ? 'alert' : 'status'}
          data-testid="backup-notice"
        >
          <span>{notice.message}</span>
          <button type="button" className="link" onClick={backups.dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
