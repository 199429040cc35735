import { Fragment } from 'react';
import { Dialog } from '../ui/Dialog';
import { keyLabel, SHORTCUTS } from './keys';
import './keyboard.css';

/** Keys the workspace answers on its own (its undo history), listed so the help is complete. */
const EDITING: readonly { readonly keys: readonly string[]; readonly description: string }[] = [
  { keys: ['Ctrl', 'Z'], description: 'Undo the last verdict edit' },
  { keys: ['Ctrl', 'Shift', 'Z'], description: 'Redo the verdict edit undone last (also Ctrl+Y)' },
];

function Keys({ keys, joiner }: { readonly keys: readonly string[]; readonly joiner: string }) {
  return (
    <>
      {keys.map((key, i) => (
        <Fragment key={`${i}-${key}`}>
          {i > 0 && <span className="muted">{joiner}</span>}
          <kbd>{keyLabel(key)}</kbd>
        </Fragment>
      ))}
    </>
  );
}

/**
 * Every keyboard shortcut, in a modal dialog (focus stays in it; Escape or Close closes it).
 * Opened with `?`.
 */
export function ShortcutHelp(props: { readonly onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={props.onClose} testId="shortcut-help">
      <div className="shortcut-help">
        <p className="muted small">
          They work whenever you are not typing in a field. Escape leaves the field you are in; the two-key
          ones take their second key within a second.
        </p>
        <table className="shortcut-table">
          <caption className="sr-only">Shortcuts of the workspace</caption>
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">What they do</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.keys.join(' ')} data-testid="shortcut-row">
                <td className="shortcut-keys">
                  <Keys keys={shortcut.keys} joiner=" then " />
                </td>
                <td>{shortcut.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>While reviewing</h3>
        <table className="shortcut-table">
          <caption className="sr-only">Undo and redo</caption>
          <tbody>
            {EDITING.map((shortcut) => (
              <tr key={shortcut.keys.join('+')}>
                <td className="shortcut-keys">
                  <Keys keys={shortcut.keys} joiner="+" />
                </td>
                <td>{shortcut.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="dialog" className="dialog-actions">
        <button type="submit" className="primary" data-testid="shortcut-help-close">
          Close
        </button>
      </form>
    </Dialog>
  );
}
