/**
 * The keyboard shortcuts of the workspace, as data and pure functions: which key does what, the
 * two-key `g` sequences, and when a key belongs to the field being typed in rather than to the app.
 * No DOM and no React here, so all of it is tested in Node; `useShortcuts` only wires it to
 * `window`'s keydown events.
 */
import { STANCES, type ReviewStance } from '../../src/model/review';

/** What a shortcut asks the app to do. */
export type ShortcutAction =
  | { readonly kind: 'next' }
  | { readonly kind: 'previous' }
  | { readonly kind: 'stance'; readonly stance: ReviewStance }
  | { readonly kind: 'accept' }
  | { readonly kind: 'reviewed' }
  | { readonly kind: 'search' }
  | { readonly kind: 'overview' }
  | { readonly kind: 'workspace' }
  | { readonly kind: 'help' }
  | { readonly kind: 'escape' };

/** One line of the shortcut help: the keys, pressed one after the other, and what they do. */
export interface Shortcut {
  /** One key, or a sequence (`['g', 'o']`: g, then o within a second). */
  readonly keys: readonly string[];
  readonly description: string;
  readonly action: ShortcutAction;
}

/** How long the second key of a `g` sequence may wait for, in milliseconds. */
export const SEQUENCE_WINDOW_MS = 1_000;

/** Every shortcut `useShortcuts` answers, in the order the help lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j'], description: 'Next unit in the code tree', action: { kind: 'next' } },
  { keys: ['k'], description: 'Previous unit in the code tree', action: { kind: 'previous' } },
  ...STANCES.map((stance, i): Shortcut => ({
    keys: [String(i + 1)],
    description: `Set the unit’s stance to “${stance}”`,
    action: { kind: 'stance', stance },
  })),
  {
    keys: ['a'],
    description: 'Accept the top open suggestion of the unit',
    action: { kind: 'accept' },
  },
  { keys: ['r'], description: 'Mark the unit’s verdict reviewed', action: { kind: 'reviewed' } },
  { keys: ['/'], description: 'Search both texts and the notes', action: { kind: 'search' } },
  { keys: ['g', 'o'], description: 'Go to the project’s overview', action: { kind: 'overview' } },
  { keys: ['g', 'w'], description: 'Go back to the workspace', action: { kind: 'workspace' } },
  { keys: ['?'], description: 'Show this list of shortcuts', action: { kind: 'help' } },
  {
    keys: ['Escape'],
    description: 'Close this list; leave the text field you are typing in',
    action: { kind: 'escape' },
  },
];

/** Single keys and the second keys of `g` sequences, from the table (so the two cannot drift apart). */
const SINGLE = new Map<string, ShortcutAction>();
const AFTER_G = new Map<string, ShortcutAction>();
for (const shortcut of SHORTCUTS) {
  const [first, second, ...rest] = shortcut.keys;
  if (first === undefined || rest.length > 0)
    throw new Error(`unsupported shortcut ${shortcut.keys.join(' ')}`);
  if (second === undefined) SINGLE.set(first, shortcut.action);
  else if (first === 'g') AFTER_G.set(second, shortcut.action);
  else throw new Error(`unsupported sequence ${shortcut.keys.join(' ')}`);
}

/** What the shortcut logic needs of a keydown event (a `KeyboardEvent` has all of it). */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** Held down and auto-repeating. */
  readonly repeat: boolean;
  /** An IME is composing a character: the key is the IME's. */
  readonly isComposing: boolean;
  /** Milliseconds, on any clock that only moves forward (`event.timeStamp`). */
  readonly timeStamp: number;
}

/** Between keys: idle, or a `g` pressed at `at` waiting for its second key. */
export type SequenceState = { readonly pending: null } | { readonly pending: 'g'; readonly at: number };

export const IDLE: SequenceState = { pending: null };

export interface KeyOutcome {
  readonly state: SequenceState;
  /** The shortcut completed by this key, if any. */
  readonly action: ShortcutAction | null;
  /** The key started a sequence (a `g`): the app should keep it (no default action) but do nothing yet. */
  readonly started: boolean;
}

/** Only these may auto-repeat: holding `j` walks down the tree, holding `a` must not accept five links. */
const REPEATABLE = new Set(['j', 'k']);

/**
 * Reads one key press (outside any text field) against the shortcut table. `g` waits up to
 * {@link SEQUENCE_WINDOW_MS} for `o` or `w`; any other key after it, or one that comes too late,
 * cancels the sequence and counts as a key of its own. Keys with Ctrl, Cmd or Alt are never
 * shortcuts here (Ctrl+Z and the browser's own keys pass through), and neither are keys an IME is
 * composing. Shift is allowed: it is how `?` is typed on most layouts (an upper-case `J` is not `j`).
 */
export function readKey(state: SequenceState, press: KeyPress): KeyOutcome {
  if (press.ctrlKey || press.metaKey || press.altKey || press.isComposing) {
    return { state: IDLE, action: null, started: false };
  }
  if (press.repeat && !REPEATABLE.has(press.key)) return { state, action: null, started: false };
  if (state.pending === 'g') {
    const elapsed = press.timeStamp - state.at;
    const second = elapsed >= 0 && elapsed <= SEQUENCE_WINDOW_MS ? AFTER_G.get(press.key) : undefined;
    if (second !== undefined) return { state: IDLE, action: second, started: false };
  }
  if (press.key === 'g') return { state: { pending: 'g', at: press.timeStamp }, action: null, started: true };
  return { state: IDLE, action: SINGLE.get(press.key) ?? null, started: false };
}

/** What the shortcut logic needs to know of the element a key was pressed in. */
export interface TargetDescription {
  /** Upper case, as `Element.tagName` gives it for HTML (`INPUT`, `TEXTAREA`, `BODY`). */
  readonly tagName: string;
  /** An input's `type` property (`text` when the attribute is missing or unknown); null otherwise. */
  readonly type: string | null;
  readonly isContentEditable: boolean;
  /** Inside an open dialog (`<dialog>`, `role="dialog"` or `aria-modal`): its keys are its own. */
  readonly inDialog: boolean;
}

/** Input types that take typed characters (a checkbox, radio, button or range does not). */
const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'number',
  'password',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
]);

/**
 * Whether keys typed in this element are text for the element: text areas, text-like inputs,
 * contentEditable, and selects (a focused select jumps to the option starting with the letter
 * typed, so `j` there must not also move to the next unit).
 */
export function isTextEntry(target: TargetDescription): boolean {
  if (target.isContentEditable) return true;
  switch (target.tagName) {
    case 'TEXTAREA':
    case 'SELECT':
      return true;
    case 'INPUT':
      return TEXT_INPUT_TYPES.has((target.type ?? 'text').toLowerCase());
    default:
      return false;
  }
}

/** What a key press should lead to, given where it was pressed. */
export type KeyRoute =
  /** Not ours: the field or dialog keeps it, the sequence state is left as it was. */
  | { readonly kind: 'ignore' }
  /** Escape in a text field outside a dialog: leave the field, so the next keys are shortcuts again. */
  | { readonly kind: 'leave-field' }
  /** Read it as a shortcut key. */
  | { readonly kind: 'shortcut' };

/**
 * Where a key goes: a dialog keeps all its keys (a modal one closes itself on Escape); a text field
 * keeps every key but Escape, which leaves it; anything else is read as a shortcut.
 */
export function routeKey(key: string, target: TargetDescription | null): KeyRoute {
  if (target === null) return { kind: 'shortcut' };
  if (target.inDialog) return { kind: 'ignore' };
  if (isTextEntry(target)) return key === 'Escape' ? { kind: 'leave-field' } : { kind: 'ignore' };
  return { kind: 'shortcut' };
}

/** How a shortcut's keys are written for people: `g` then `o`, `Esc`. */
export function keyLabel(key: string): string {
  return key === 'Escape' ? 'Esc' : key;
}

/**
 * What the app does for each shortcut. A handler left out means the key is not a shortcut where
 * the hook is used (say, `j` on the overview): it is left to the page, and its default kept.
 */
export interface ShortcutHandlers {
  /** `j`: select the next unit in the code tree. */
  readonly onNext?: () => void;
  /** `k`: select the previous unit. */
  readonly onPrevious?: () => void;
  /** `1`–`6`: set the selected unit's stance (in {@link STANCES} order). */
  readonly onStance?: (stance: ReviewStance) => void;
  /** `a`: accept the selected unit's top open suggestion. */
  readonly onAccept?: () => void;
  /** `r`: mark the selected unit's verdict reviewed. */
  readonly onReviewed?: () => void;
  /** `/`: focus the search field. */
  readonly onSearch?: () => void;
  /** `g` `o`: open the project's overview. */
  readonly onOverview?: () => void;
  /** `g` `w`: back to the workspace. */
  readonly onWorkspace?: () => void;
  /** `?`: show (or hide) the shortcut help. */
  readonly onHelp?: () => void;
  /** Escape outside any field or dialog: close the shortcut help. */
  readonly onEscape?: () => void;
}

/** The call a shortcut makes, or null when the handlers have nothing for it. */
export function handlerFor(action: ShortcutAction, handlers: ShortcutHandlers): (() => void) | null {
  const call = (f: (() => void) | undefined): (() => void) | null => (f === undefined ? null : () => f());
  switch (action.kind) {
    case 'next':
      return call(handlers.onNext);
    case 'previous':
      return call(handlers.onPrevious);
    case 'stance': {
      const onStance = handlers.onStance;
      return onStance === undefined ? null : () => onStance(action.stance);
    }
    case 'accept':
      return call(handlers.onAccept);
    case 'reviewed':
      return call(handlers.onReviewed);
    case 'search':
      return call(handlers.onSearch);
    case 'overview':
      return call(handlers.onOverview);
    case 'workspace':
      return call(handlers.onWorkspace);
    case 'help':
      return call(handlers.onHelp);
    case 'escape':
      return call(handlers.onEscape);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
