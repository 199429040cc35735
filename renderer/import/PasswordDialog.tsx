import { useId, useRef, useState } from 'react';
import { Dialog } from '../ui/Dialog';

/**
 * Asks for the password of an encrypted PDF. The typed password stays in this dialog until it is
 * answered; it is handed to the import and nowhere else (never stored, never shown again).
 */
export function PasswordDialog({
  name,
  wrong,
  onAnswer,
}: {
  readonly name: string;
  /** The last password given was not correct. */
  readonly wrong: boolean;
  /** The password, or null when the user cancels (Cancel, Escape). Called at most once. */
  readonly onAnswer: (password: string | null) => void;
}) {
  const [password, setPassword] = useState('');
  const answered = useRef(false);
  const helpId = useId();
  const wrongId = useId();
  const answer = (value: string | null): void => {
    if (answered.current) return;
    answered.current = true;
    onAnswer(value);
  };
  return (
    <Dialog title="Password needed" onClose={() => answer(null)} testId="password-dialog">
      <form
        onSubmit={(event) => {
          // Not method="dialog": closing the dialog would read as Cancel.
          event.preventDefault();
          if (password !== '') answer(password);
        }}
      >
        <p id={helpId}>
          <strong>{name}</strong> is encrypted. Enter its password to import it. The password is only used to
          read this file; Crosswalk does not keep it.
        </p>
        {wrong && (
          <p id={wrongId} className="status error" role="alert" data-testid="password-wrong">
            Wrong password, try again.
          </p>
        )}
        <label className="block">
          Password
          <input
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoFocus
            autoComplete="off"
            required
            aria-invalid={wrong}
            aria-describedby={wrong ? `${wrongId} ${helpId}` : helpId}
            data-testid="password-input"
          />
        </label>
        <div className="dialog-actions">
          <button
            type="button"
            className="secondary"
            onClick={() => answer(null)}
            data-testid="password-cancel"
          >
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="password-submit">
            Open
          </button>
        </div>
      </form>
    </Dialog>
  );
}
