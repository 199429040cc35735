/**
 * Every IPC channel main registers, attacked the same way: a sender that is not the app's own top
 * frame, and argument lists that are wrong in type, arity, extra keys, `__proto__` keys, huge
 * strings or hostile objects. Table-driven over the contract (src/ipc/contract.ts), so a channel
 * added there fails here until it has samples below, and then gets every attack.
 *
 * The handlers are replaced by spies that throw a marker, so "refused" means "refused before the
 * handler ran": no dialog, no file read or written.
 */
import { pathToFileURL } from 'node:url';
import { beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  INVOKE_CHANNELS,
  MAX_BUNDLE_BYTES,
  MAX_PRINT_HTML_LENGTH,
  MAX_SAVE_TEXT_LENGTH,
  type InvokeChannel,
} from '../../src/ipc/contract';
import * as fakes from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

interface Samples {
  /** Argument lists main must accept; together they show every type a position may have. */
  readonly valid: readonly (readonly unknown[])[];
  /** Argument lists of the right shape whose values must still be refused. */
  readonly invalid: readonly (readonly unknown[])[];
}

const PROJECT = '3f0c1e52-8d4b-4a7e-9a51-0f6f2c1d9b7e';
const BACKUP = '2026-11-29T05-20-32-123Z.crosswalk.json';
const saveRequest = (overrides: Record<string, unknown> = {}) => ({
  suggestedName: 'Crosswalk memo.md',
  contents: '# Memo\n',
  mimeType: 'text/markdown; charset=utf-8',
  ...overrides,
});
const HUGE = 'x'.repeat(1_000_000);

/**
 * One entry per contract channel (the type makes a missing one a compile error, and a test below
 * makes it a test failure). `valid` must cover every type a position accepts: the generic attacks
 * replace each value with values of the other types.
 */
const SAMPLES: { readonly [C in InvokeChannel]: Samples } = {
  'pdf:open-dialog': {
    valid: [['law'], ['code']],
    invalid: [['statute'], ['LAW'], [''], ['law'.repeat(300_000)]],
  },
  'bundle:open-dialog': { valid: [[]], invalid: [] },
  'file:save': {
    valid: [
      [saveRequest()],
      [saveRequest({ suggestedName: 'memo.docx', contents: new Uint8Array([0x50, 0x4b, 3, 4]) })],
    ],
    invalid: [
      ...['../memo.md', '/etc/cron.d/job', 'C:\\memo.md', 'memo\u0000.md', 'memo\u202Edm.exe', 'CON.md'].map(
        (suggestedName) => [saveRequest({ suggestedName })],
      ),
      [saveRequest({ suggestedName: '' })],
      [saveRequest({ suggestedName: `${'a'.repeat(256)}.md` })],
      [saveRequest({ suggestedName: HUGE })],
      [saveRequest({ mimeType: 'text/html\r\nX-Injected: 1' })],
      [saveRequest({ mimeType: `text/${HUGE}` })],
      [saveRequest({ contents: 'x'.repeat(MAX_SAVE_TEXT_LENGTH + 1) })],
    ],
  },
  'memo:save-pdf': {
    valid: [[{ suggestedName: 'memo.pdf', html: '<!DOCTYPE html><p>memo</p>' }]],
    invalid: [
      ...['../memo.pdf', '/tmp/x.pdf', 'CON.pdf', ''].map((suggestedName) => [{ suggestedName, html: '' }]),
      [{ suggestedName: 'memo.pdf', html: 'x'.repeat(MAX_PRINT_HTML_LENGTH + 1) }],
    ],
  },
  'theme:set': { valid: [[true], [false]], invalid: [] },
  'app:info': { valid: [[]], invalid: [] },
  'backup:write': {
    valid: [[{ projectId: PROJECT, text: '{"format":"crosswalk-bundle"}' }]],
    invalid: [
      ...['..', '../other', 'a/b', 'a\\b', 'C:', '', 'id\u0000', 'x'.repeat(101), HUGE].map((projectId) => [
        { projectId, text: '{}' },
      ]),
      [{ projectId: PROJECT, text: 'x'.repeat(MAX_BUNDLE_BYTES + 1) }],
    ],
  },
  'backup:list': { valid: [[]], invalid: [] },
  'backup:read': {
    valid: [[{ projectId: PROJECT, name: BACKUP }]],
    invalid: [
      ...[
        '../../../etc/passwd',
        `${BACKUP}/../../x`,
        `../${BACKUP}`,
        `${BACKUP}\n`,
        'notes.json',
        '2026-11-29T05-20-32-123Z.meta.json',
        HUGE,
      ].map((name) => [{ projectId: PROJECT, name }]),
      [{ projectId: '..', name: BACKUP }],
    ],
  },
};

const CHANNELS = [...INVOKE_CHANNELS].sort();
const REACHED = 'the handler was reached';
const NOT_FROM_APP = 'This request did not come from Crosswalk.';

let appUrl = '';
const spies = new Map<string, MockInstance>();

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: string;
}

function win() {
  const first = fakes.FakeWindow.instances[0];
  if (!first) throw new Error('no window was created');
  return first;
}

/** Calls the handler main registered with ipcMain, as Electron would. */
async function invoke(
  channel: string,
  frame: { url: string; parent: unknown } | null,
  args: readonly unknown[],
): Promise<Reply> {
  const handler = fakes.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler registered for ${channel}`);
  return (await handler({ sender: win().webContents, senderFrame: frame }, ...args)) as Reply;
}

const fromApp = () => ({ url: appUrl, parent: null });

beforeAll(async () => {
  const main = await import('../../electron/main/index');
  await vi.waitFor(() => expect(win().loadFile).toHaveBeenCalled());
  appUrl = pathToFileURL(win().loadFile.mock.calls[0]?.[0] ?? '').href;
  for (const channel of CHANNELS) {
    const spy = vi.spyOn(
      main.handlers as unknown as Record<string, (...args: unknown[]) => unknown>,
      channel,
    );
    spy.mockImplementation(() => {
      throw new Error(REACHED);
    });
    spies.set(channel, spy);
  }
});

beforeEach(() => {
  for (const spy of spies.values()) spy.mockClear();
  fakes.dialog.showOpenDialog.mockReset();
  fakes.dialog.showSaveDialog.mockReset();
});

// ---- Generic attacks, derived from the valid samples ------------------------------------------

type Kind = 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'array' | 'bytes' | 'object' | 'other';

function kindOf(value: unknown): Kind {
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return 'bytes';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date || value instanceof Map || typeof value === 'bigint') return 'other';
  const type = typeof value;
  return type === 'string' ||
    type === 'number' ||
    type === 'boolean' ||
    type === 'undefined' ||
    type === 'object'
    ? type
    : 'other';
}

/** Values that survive Electron's structured clone, one or more of each kind. */
const STAND_INS: readonly (readonly [string, unknown])[] = [
  ['a string', 'law'],
  ['a number', 1],
  ['NaN', Number.NaN],
  ['a boolean', true],
  ['null', null],
  ['undefined', undefined],
  ['an empty array', []],
  ['an array of byte values', [0x25, 0x50, 0x44, 0x46]],
  ['bytes', new Uint8Array([1, 2, 3])],
  ['an empty object', {}],
  ['a Date', new Date(0)],
  ['a Map', new Map([['suggestedName', 'memo.md']])],
  ['a BigInt', 10n],
];

type Path = readonly (string | number)[];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return kindOf(value) === 'object';
}

/** Every position in an argument list: each argument, and each key of the objects inside. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  const here = path.length > 0 ? [path] : [];
  if (Array.isArray(value))
    return [...here, ...value.flatMap((item, index) => pathsOf(item, [...path, index]))];
  if (isPlainObject(value)) {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))];
  }
  return here;
}

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

/** A copy of `args` with the value at `path` replaced (or, for `undefined` in an object, removed). */
function withValueAt(args: readonly unknown[], path: Path, replacement: unknown): unknown[] {
  const copy = structuredClone(args) as unknown[];
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  if (replacement === undefined && !Array.isArray(parent)) delete parent[key];
  else parent[key] = replacement;
  return copy;
}

/** A copy of `args` whose object at `path` gets one more own key. */
function withKeyAt(args: readonly unknown[], path: Path, key: string, value: unknown): unknown[] {
  const copy = structuredClone(args) as unknown[];
  // defineProperty, because assigning `__proto__` would change the prototype instead of adding a key.
  Object.defineProperty(getAt(copy, path), key, {
    value,
    enumerable: true,
    configurable: true,
    writable: true,
  });
  return copy;
}

interface Attack {
  readonly label: string;
  readonly args: readonly unknown[];
}

function attacksOn(channel: InvokeChannel): Attack[] {
  const { valid, invalid } = SAMPLES[channel];
  const attacks: Attack[] = invalid.map((args, index) => ({ label: `invalid sample ${index}`, args }));
  // Which kinds each position takes across the valid samples: those are not attacks there.
  const kinds = new Map<string, Set<Kind>>();
  for (const args of valid) {
    for (const path of pathsOf(args)) {
      const key = JSON.stringify(path);
      kinds.set(key, (kinds.get(key) ?? new Set()).add(kindOf(getAt(args, path))));
    }
  }
  for (const [sampleIndex, args] of valid.entries()) {
    const sample = `sample ${sampleIndex}`;
    attacks.push({ label: `${sample} with one argument too many`, args: [...args, 'extra'] });
    if (args.length > 0)
      attacks.push({ label: `${sample} with one argument too few`, args: args.slice(0, -1) });
    for (const path of pathsOf(args)) {
      const accepted = kinds.get(JSON.stringify(path)) ?? new Set();
      for (const [name, replacement] of STAND_INS) {
        if (accepted.has(kindOf(replacement))) continue;
        attacks.push({
          label: `${sample} with ${name} at ${path.join('.')}`,
          args: withValueAt(args, path, replacement),
        });
      }
    }
    for (const path of pathsOf(args).filter((p) => isPlainObject(getAt(args, p)))) {
      const at = path.join('.');
      attacks.push({
        label: `${sample} with an extra key at ${at}`,
        args: withKeyAt(args, path, 'extra', 1),
      });
      attacks.push({
        label: `${sample} with an own __proto__ key at ${at}`,
        args: withKeyAt(args, path, '__proto__', { polluted: true }),
      });
      attacks.push({
        label: `${sample} with a constructor key at ${at}`,
        args: withKeyAt(args, path, 'constructor', { prototype: { polluted: true } }),
      });
    }
  }
  // The same `__proto__` key as JSON.parse makes it, for every object position.
  const first = valid[0] ?? [];
  for (const [index, arg] of first.entries()) {
    if (!isPlainObject(arg)) continue;
    const json = JSON.stringify(arg).replace(/^\{/, '{"__proto__":{"polluted":true},');
    const args = [...first];
    args[index] = JSON.parse(json);
    attacks.push({ label: `argument ${index} parsed from JSON with a __proto__ key`, args });
  }
  return attacks;
}

// ---- The tests ----------------------------------------------------------------------------------

describe('IPC: every channel in the contract', () => {
  it('has a handler registered in main, and main registers nothing else', () => {
    expect([...fakes.ipcHandlers.keys()].sort()).toEqual(CHANNELS);
  });

  it('has samples here, so the attacks below cover it', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(CHANNELS);
  });

  it.each(CHANNELS)(
    '%s: each valid sample reaches the handler, with exactly those arguments',
    async (channel) => {
      for (const args of SAMPLES[channel].valid) {
        spies.get(channel)?.mockClear();
        expect(await invoke(channel, fromApp(), args)).toEqual({ ok: false, error: REACHED });
        expect(spies.get(channel)?.mock.calls[0]?.slice(1)).toEqual(args);
      }
    },
  );

  it.each(CHANNELS)(
    '%s: refuses malformed and hostile arguments before the handler runs',
    async (channel) => {
      const attacks = attacksOn(channel);
      expect(attacks.length).toBeGreaterThan(0);
      const expected = new RegExp(
        `^The request to ${channel} (was not in the expected form( at [^:]+)?: .+|could not be read)\\.$`,
        's',
      );
      const accepted: string[] = [];
      for (const attack of attacks) {
        const reply = await invoke(channel, fromApp(), attack.args);
        if (reply.ok || !expected.test(reply.error ?? '')) {
          accepted.push(`${attack.label}: ${JSON.stringify(reply).slice(0, 200)}`);
        } else if ((reply.error ?? '').length > 300) {
          // A refusal never echoes a huge payload back to the page.
          accepted.push(`${attack.label}: the error is ${reply.error?.length} characters long`);
        }
      }
      expect(accepted).toEqual([]);
      expect(spies.get(channel)).not.toHaveBeenCalled();
      expect(fakes.dialog.showOpenDialog).not.toHaveBeenCalled();
      expect(fakes.dialog.showSaveDialog).not.toHaveBeenCalled();
    },
  );

  it.each(CHANNELS)('%s: an object that throws when read is refused, not a crash', async (channel) => {
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        ownKeys: () => {
          throw new Error('boom');
        },
        getPrototypeOf: () => {
          throw new Error('boom');
        },
      },
    );
    const reply = await invoke(channel, fromApp(), [trap]);
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(new RegExp(`^The request to ${channel} `));
    expect(spies.get(channel)).not.toHaveBeenCalled();
  });

  it.each(CHANNELS)('%s: refuses a sender that is not the app page in the top frame', async (channel) => {
    const args = SAMPLES[channel].valid[0] ?? [];
    const frames = [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/evil.html', parent: null },
      { url: 'file:///home/me/Downloads/report.pdf', parent: null },
      { url: 'devtools://devtools/bundled/inspector.html', parent: null },
      { url: 'data:text/html,<script>1</script>', parent: null },
      { url: 'about:blank', parent: null },
      { url: appUrl.replace(/\/renderer\/index\.html$/, '/renderer-evil/index.html'), parent: null },
      { url: appUrl, parent: { url: appUrl } },
      { url: 'https://evil.example/', parent: { url: appUrl } },
    ];
    for (const frame of frames) {
      expect(await invoke(channel, frame, args)).toEqual({ ok: false, error: NOT_FROM_APP });
    }
    expect(spies.get(channel)).not.toHaveBeenCalled();
  });

  it('leaves Object.prototype alone after every attack', () => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('IPC: channels the contract does not declare', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'pdf:open-dialog '])(
    'handleInvoke refuses %j without throwing',
    async (channel) => {
      const { handleInvoke } = await import('../../electron/main/index');
      const event = { sender: win().webContents, senderFrame: fromApp() };
      const reply = await handleInvoke(channel as InvokeChannel, event as never, []);
      expect(reply).toEqual({ ok: false, error: 'The request named an unknown channel.' });
    },
  );
});
