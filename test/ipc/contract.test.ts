import { describe, expect, it } from 'vitest';
import {
  bridgeEvents,
  bridgeMethods,
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  isInvokeChannel,
  MAX_PDF_BYTES,
  parseEventPayload,
  parseInvokeArgs,
  parseInvokeValue,
  type InvokeChannel,
} from '../../src/ipc/contract';

const pdf = (name: string, bytes: unknown = new Uint8Array([0x25, 0x50, 0x44, 0x46])) => ({ name, bytes });

describe('IPC contract: channels', () => {
  it('declares the channels main handles and the preload exposes', () => {
    expect([...INVOKE_CHANNELS].sort()).toEqual(['app:info', 'pdf:open-dialog']);
    expect(EVENT_CHANNELS).toEqual(['pdf:opened']);
    expect(Object.values(bridgeMethods).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.values(bridgeEvents)).toEqual([...EVENT_CHANNELS]);
  });

  it.each([
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'pdf:open',
    '',
    42,
    null,
    undefined,
    {},
  ])('does not mistake %j for a channel', (name) => {
    expect(isInvokeChannel(name)).toBe(false);
    expect(parseInvokeArgs(name as InvokeChannel, []).ok).toBe(false);
  });
});

describe('IPC contract: arguments arriving in main', () => {
  it.each(INVOKE_CHANNELS)('%s accepts an empty argument list', (channel) => {
    expect(parseInvokeArgs(channel, [])).toEqual({ ok: true, value: [] });
  });

  const hostile: [string, unknown][] = [
    ['an extra argument', ['/etc/passwd']],
    ['a path smuggled as an object', [{ path: '/etc/passwd' }]],
    ['a non-array', '/etc/passwd'],
    ['null', null],
    ['undefined', undefined],
    ['an array-like object', { length: 0 }],
    ['a huge array', new Array(100_000).fill(0)],
    ['a prototype-pollution payload', [JSON.parse('{"__proto__": {"polluted": true}}')]],
  ];
  it.each(hostile)('refuses %s with a plain error, without throwing', (_label, args) => {
    for (const channel of INVOKE_CHANNELS) {
      const result = parseInvokeArgs(channel, args);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^The request to .+ was not in the expected form/);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses an object whose getters throw instead of crashing main', () => {
    const trap = new Proxy([], {
      get() {
        throw new Error('boom');
      },
      getPrototypeOf() {
        throw new Error('boom');
      },
    });
    const result = parseInvokeArgs('app:info', trap);
    expect(result.ok).toBe(false);
  });
});

describe('IPC contract: what main sends back', () => {
  it('accepts a chosen PDF and a cancelled dialog', () => {
    expect(parseInvokeValue('pdf:open-dialog', pdf('Regulation 2024-1689.pdf')).ok).toBe(true);
    expect(parseInvokeValue('pdf:open-dialog', null)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['a POSIX path', pdf('/home/user/secret.pdf')],
    ['a Windows path', pdf('C:\\Users\\me\\secret.pdf')],
    ['a relative path', pdf('../secret.pdf')],
    ['a dot name', pdf('..')],
    ['an empty name', pdf('')],
    ['a name with a NUL', pdf('a\u0000.pdf')],
    ['a name with a newline', pdf('a\n.pdf')],
    ['an absurdly long name', pdf('a'.repeat(300))],
    ['bytes as a plain array', pdf('a.pdf', [1, 2, 3])],
    ['bytes as an ArrayBuffer', pdf('a.pdf', new ArrayBuffer(4))],
    ['bytes as a string', pdf('a.pdf', '%PDF-1.7')],
    ['an extra path field', { ...pdf('a.pdf'), path: '/home/user/a.pdf' }],
    ['a missing bytes field', { name: 'a.pdf' }],
    ['undefined', undefined],
  ])('refuses to hand the renderer %s', (_label, value) => {
    expect(parseInvokeValue('pdf:open-dialog', value).ok).toBe(false);
    expect(parseEventPayload('pdf:opened', value).ok).toBe(false);
  });

  it('refuses bytes over the size limit without copying them', () => {
    const tooBig = new Uint8Array(new ArrayBuffer(MAX_PDF_BYTES + 1));
    expect(parseInvokeValue('pdf:open-dialog', pdf('big.pdf', tooBig)).ok).toBe(false);
  });

  it('accepts a Node Buffer (a Uint8Array) as bytes', () => {
    expect(parseInvokeValue('pdf:open-dialog', pdf('a.pdf', Buffer.from('%PDF-1.7'))).ok).toBe(true);
  });

  it('checks app:info', () => {
    expect(parseInvokeValue('app:info', { version: '0.1.0', platform: 'linux' }).ok).toBe(true);
    expect(parseInvokeValue('app:info', { version: '<script>', platform: 'linux' }).ok).toBe(false);
    expect(parseInvokeValue('app:info', { version: '0.1.0', platform: 'linux', extra: 1 }).ok).toBe(false);
    expect(parseInvokeValue('app:info', { version: 1, platform: 'linux' }).ok).toBe(false);
  });
});
