import { describe, expect, it } from 'vitest';
import {
  handlerFor,
  IDLE,
  isTextEntry,
  readKey,
  routeKey,
  SEQUENCE_WINDOW_MS,
  SHORTCUTS,
  type KeyPress,
  type SequenceState,
  type ShortcutAction,
  type ShortcutHandlers,
  type TargetDescription,
} from '../../../renderer/keyboard/keys';
import { STANCES } from '../../../src/model/review';

function press(key: string, timeStamp = 0, extra: Partial<KeyPress> = {}): KeyPress {
  return {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    repeat: false,
    isComposing: false,
    timeStamp,
    ...extra,
  };
}

/** The actions a run of key presses triggers, as a user would type them. */
function typed(keys: readonly (readonly [string, number] | KeyPress)[]): (ShortcutAction | null)[] {
  let state: SequenceState = IDLE;
  return keys.map((k) => {
    const outcome = readKey(state, 'key' in k ? k : press(k[0], k[1]));
    state = outcome.state;
    return outcome.action;
  });
}

describe('single-key shortcuts', () => {
  it('j / k move, a accepts, r marks reviewed, / searches, ? shows help, Escape', () => {
    expect(
      typed([
        ['j', 0],
        ['k', 10],
        ['a', 20],
        ['r', 30],
        ['/', 40],
        ['?', 50],
        ['Escape', 60],
      ]),
    ).toEqual([
      { kind: 'next' },
      { kind: 'previous' },
      { kind: 'accept' },
      { kind: 'reviewed' },
      { kind: 'search' },
      { kind: 'help' },
      { kind: 'escape' },
    ]);
  });

  it('1–6 set the stances in the order of STANCES', () => {
    expect(typed(['1', '2', '3', '4', '5', '6'].map((k, i) => [k, i] as const))).toEqual(
      STANCES.map((stance) => ({ kind: 'stance', stance })),
    );
    expect(STANCES[1]).toBe('expands');
    expect(
      typed([
        ['7', 0],
        ['0', 1],
      ]),
    ).toEqual([null, null]);
  });

  it('leaves keys with Ctrl, Cmd or Alt, upper case and an IME’s keys to others', () => {
    expect(
      typed([
        press('z', 0, { ctrlKey: true }),
        press('j', 1, { metaKey: true }),
        press('1', 2, { altKey: true }),
        press('J', 3),
        press('j', 4, { isComposing: true }),
        press('x', 5),
      ]),
    ).toEqual([null, null, null, null, null, null]);
  });

  it('lets j and k auto-repeat, but not the keys that write', () => {
    expect(
      typed([
        press('j', 0, { repeat: true }),
        press('k', 1, { repeat: true }),
        press('a', 2, { repeat: true }),
        press('2', 3, { repeat: true }),
        press('r', 4, { repeat: true }),
      ]),
    ).toEqual([{ kind: 'next' }, { kind: 'previous' }, null, null, null]);
  });
});

describe('g sequences', () => {
  it('g then o opens the overview, g then w the workspace', () => {
    expect(
      typed([
        ['g', 1000],
        ['o', 1400],
      ]),
    ).toEqual([null, { kind: 'overview' }]);
    expect(
      typed([
        ['g', 1000],
        ['w', 1400],
      ]),
    ).toEqual([null, { kind: 'workspace' }]);
  });

  it('reports that g started a sequence and waits with it', () => {
    const outcome = readKey(IDLE, press('g', 500));
    expect(outcome).toEqual({ state: { pending: 'g', at: 500 }, action: null, started: true });
  });

  it('gives the second key one second', () => {
    expect(
      typed([
        ['g', 1000],
        ['o', 1000 + SEQUENCE_WINDOW_MS],
      ]),
    ).toEqual([null, { kind: 'overview' }]);
    expect(
      typed([
        ['g', 1000],
        ['o', 1001 + SEQUENCE_WINDOW_MS],
      ]),
    ).toEqual([null, null]);
  });

  it('o and w alone do nothing', () => {
    expect(
      typed([
        ['o', 0],
        ['w', 10],
      ]),
    ).toEqual([null, null]);
  });

  it('any other key cancels the sequence and counts on its own', () => {
    expect(
      typed([
        ['g', 0],
        ['j', 100],
        ['o', 200],
      ]),
    ).toEqual([null, { kind: 'next' }, null]);
    expect(
      typed([
        ['g', 0],
        ['x', 100],
        ['w', 200],
      ]),
    ).toEqual([null, null, null]);
  });

  it('a second g starts the sequence again', () => {
    expect(
      typed([
        ['g', 0],
        ['g', 1500],
        ['o', 2000],
      ]),
    ).toEqual([null, null, { kind: 'overview' }]);
  });

  it('a key with Ctrl between cancels it', () => {
    expect(typed([press('g', 0), press('c', 100, { ctrlKey: true }), press('o', 200)])).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe('the shortcut table', () => {
  it('lists every key once, with a description', () => {
    const keys = SHORTCUTS.map((s) => s.keys.join(' '));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining([
        'j',
        'k',
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        'a',
        'r',
        '/',
        'g o',
        'g w',
        '?',
        'Escape',
      ]),
    );
    for (const shortcut of SHORTCUTS) expect(shortcut.description.length).toBeGreaterThan(10);
  });

  it('is what readKey answers: each entry typed gives its own action', () => {
    for (const shortcut of SHORTCUTS) {
      const actions = typed(shortcut.keys.map((key, i) => [key, i * 100] as const));
      expect(actions.at(-1)).toEqual(shortcut.action);
    }
  });
});

const element = (tagName: string, type: string | null = null, extra: Partial<TargetDescription> = {}) => ({
  tagName,
  type,
  isContentEditable: false,
  inDialog: false,
  ...extra,
});

describe('typing in a field', () => {
  it('text areas, text-like inputs, selects and contentEditable take their keys', () => {
    for (const target of [
      element('TEXTAREA'),
      element('INPUT', 'text'),
      element('INPUT', 'search'),
      element('INPUT', 'email'),
      element('INPUT', 'number'),
      element('INPUT', null),
      element('INPUT', 'DATE'),
      element('SELECT'),
      element('DIV', null, { isContentEditable: true }),
    ]) {
      expect(isTextEntry(target), JSON.stringify(target)).toBe(true);
    }
  });

  it('buttons, links, radios, checkboxes and the page do not', () => {
    for (const target of [
      element('BUTTON'),
      element('A'),
      element('INPUT', 'radio'),
      element('INPUT', 'checkbox'),
      element('INPUT', 'range'),
      element('BODY'),
      element('LI'),
    ]) {
      expect(isTextEntry(target), JSON.stringify(target)).toBe(false);
    }
  });

  it('keeps every key in a field but Escape, which leaves it', () => {
    expect(routeKey('j', element('TEXTAREA'))).toEqual({ kind: 'ignore' });
    expect(routeKey('/', element('INPUT', 'search'))).toEqual({ kind: 'ignore' });
    expect(routeKey('Escape', element('TEXTAREA'))).toEqual({ kind: 'leave-field' });
    expect(routeKey('j', element('BUTTON'))).toEqual({ kind: 'shortcut' });
    expect(routeKey('Escape', element('BODY'))).toEqual({ kind: 'shortcut' });
    expect(routeKey('j', null)).toEqual({ kind: 'shortcut' });
  });

  it('leaves every key, Escape included, to an open dialog', () => {
    expect(routeKey('j', element('BUTTON', null, { inDialog: true }))).toEqual({ kind: 'ignore' });
    expect(routeKey('Escape', element('INPUT', 'text', { inDialog: true }))).toEqual({ kind: 'ignore' });
    expect(routeKey('?', element('BODY', null, { inDialog: true }))).toEqual({ kind: 'ignore' });
  });
});

describe('handlers', () => {
  it('calls the handler for the action, the stance with it', () => {
    const calls: string[] = [];
    const handlers: ShortcutHandlers = {
      onNext: () => calls.push('next'),
      onStance: (stance) => calls.push(`stance ${stance}`),
      onOverview: () => calls.push('overview'),
      onEscape: () => calls.push('escape'),
    };
    for (const action of [
      { kind: 'next' },
      { kind: 'stance', stance: 'narrows' },
      { kind: 'overview' },
      { kind: 'escape' },
    ] as const) {
      handlerFor(action, handlers)?.();
    }
    expect(calls).toEqual(['next', 'stance narrows', 'overview', 'escape']);
  });

  it('has nothing to call for a shortcut without a handler (the key is then left alone)', () => {
    const handlers: ShortcutHandlers = { onWorkspace: () => undefined };
    for (const { action } of SHORTCUTS) {
      expect(handlerFor(action, handlers) === null).toBe(action.kind !== 'workspace');
    }
  });
});
