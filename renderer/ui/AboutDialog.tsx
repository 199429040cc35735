import { useEffect, useState } from 'react';
import type { HostInfo, Platform } from '../platform';
import { Dialog } from './Dialog';

/** Version, platform, and what the app does with the user's files (nothing leaves the machine). */
export function AboutDialog({
  platform,
  onClose,
}: {
  readonly platform: Platform;
  readonly onClose: () => void;
}) {
  const [info, setInfo] = useState<HostInfo | null>(null);
  useEffect(() => {
    platform.info().then(setInfo, () => setInfo(null));
  }, [platform]);
  return (
    <Dialog title="About Crosswalk" onClose={onClose} testId="about">
      <p>
        Crosswalk reads a voluntary code against the law it claims to implement, clause by clause, and keeps
        your verdicts with their reasons.
      </p>
      <p className="muted small">
        {info === null
          ? 'Version unknown'
          : `Version ${info.version} · ${info.platform === 'web' ? 'web page' : `desktop (${info.platform})`}`}
        . Everything stays on this computer: documents and notes are stored locally, and the app makes no
        network requests.
      </p>
      <form method="dialog" className="dialog-actions">
        <button type="submit" className="primary">
          Close
        </button>
      </form>
    </Dialog>
  );
}
