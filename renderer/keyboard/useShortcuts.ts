import { useEffect, useEffectEvent } from 'react';
import {
  handlerFor,
  IDLE,
  readKey,
  routeKey,
  type SequenceState,
  type ShortcutAction,
  type ShortcutHandlers,
  type TargetDescription,
} from './keys';

export { SHORTCUTS, type Shortcut, type ShortcutHandlers } from './keys';

/** Open dialogs and modal layers: keys pressed in them are theirs. */
const DIALOG = 'dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]';

/** What the shortcut logic needs of the element a key was pressed in; null for no element. */
export function describeTarget(target: EventTarget | null): TargetDescription | null {
  if (!(target instanceof Element)) return null;
  let modalOpen = false;
  try {
    // With a modal dialog open, focus can still sit on <body> (a click on the backdrop): the
    // page behind it is inert, and so are its shortcuts.
    modalOpen = document.querySelector('dialog:modal') !== null;
  } catch {
    // An engine without :modal; the element test below still covers focus inside the dialog.
  }
  return {
    tagName: target.tagName.toUpperCase(),
    type: target instanceof HTMLInputElement ? target.type : null,
    isContentEditable: target instanceof HTMLElement && target.isContentEditable,
    inDialog: modalOpen || target.closest(DIALOG) !== null,
  };
}

/**
 * The workspace's keyboard shortcuts (see `SHORTCUTS`): one keydown listener on `window` while
 * `enabled`. Keys typed in a text field or a select are the field's, except Escape, which leaves
 * the field (so `/`, a query, Escape, and the shortcuts work again); keys in an open dialog are
 * the dialog's. A key another handler already used (`preventDefault`) is not read again. A
 * shortcut that runs has its default prevented: `/` does not also type a slash into the search
 * field it focuses. The handlers may change on every render; the listener always calls the latest.
 */
export function useShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  const callFor = useEffectEvent((action: ShortcutAction) => handlerFor(action, handlers));

  useEffect(() => {
    if (!enabled) return;
    // The `g` of a `g` `o` sequence waits here, between key presses; a new listener starts idle.
    let state: SequenceState = IDLE;
    const onKeyDown = (event: KeyboardEvent): void => {
      const route = routeKey(event.key, describeTarget(event.target));
      if (route.kind === 'ignore') return;
      if (route.kind === 'leave-field') {
        state = IDLE;
        // A field that used the Escape itself (the search box closing its results, then clearing
        // its text) keeps the focus; an Escape nothing used leaves the field.
        if (event.defaultPrevented) return;
        if (event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      if (event.defaultPrevented) return;
      const outcome = readKey(state, event);
      state = outcome.state;
      if (outcome.action === null) return;
      const run = callFor(outcome.action);
      if (run === null) return;
      event.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
