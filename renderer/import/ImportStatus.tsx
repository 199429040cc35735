import { PasswordDialog } from './PasswordDialog';
import type { ImportState } from './useImporter';

const KIND = {
  act: 'read as a law',
  code: 'read as a code of practice',
  other: 'no legal structure found; kept as plain text',
} as const;

/** Progress by page with a Cancel button, the password question, then the outcome in plain words. */
export function ImportStatus({
  state,
  onCancel,
  onPassword,
}: {
  readonly state: ImportState;
  readonly onCancel: () => void;
  readonly onPassword: (password: string | null) => void;
}) {
  switch (state.phase) {
    case 'idle':
      return null;
    case 'reading':
      return (
        <div className="status reading" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          <span data-testid="progress">
            {state.total > 0
              ? `Reading ${state.name}: page ${state.done} of ${state.total}`
              : `Opening ${state.name}…`}
          </span>
          {state.total > 0 && (
            <progress max={state.total} value={state.done} aria-label="Pages read">
              {state.done} / {state.total}
            </progress>
          )}
          <button type="button" className="secondary" onClick={onCancel} data-testid="cancel-import">
            Cancel
          </button>
        </div>
      );
    case 'password':
      return (
        <>
          <div className="status reading" role="status" aria-live="polite">
            <span data-testid="progress">Waiting for the password of {state.name}…</span>
          </div>
          {/* Outside the live region; unmounted while a password is tried, so each question starts empty. */}
          <PasswordDialog name={state.name} wrong={state.wrong} onAnswer={onPassword} />
        </>
      );
    case 'saving':
      return (
        <div className="status reading" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          <span data-testid="progress">Saving {state.name}…</span>
        </div>
      );
    case 'done':
      return (
        <p className="status ok" role="status" data-testid="import-done">
          {state.existed
            ? `${state.name} is already in your library (same fingerprint); nothing was added twice.`
            : `Imported ${state.name}: ${state.record.title || 'untitled'} (${KIND[state.record.kind]}), ${state.record.pages} pages, ${state.record.unitCount} clauses.`}
        </p>
      );
    case 'cancelled':
      return (
        <p className="status muted" role="status">
          Import of {state.name} cancelled. Nothing was stored.
        </p>
      );
    case 'error':
      return (
        <div className="status error" role="alert" data-testid="error">
          {state.name !== null && <strong>{state.name}: </strong>}
          {state.message} <span data-testid="nothing-stored">Nothing was stored.</span>
        </div>
      );
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}
