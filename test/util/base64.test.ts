import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../src/util/base64';

describe('base64', () => {
  it('matches RFC 4648’s test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(toBase64(new TextEncoder().encode(plain))).toBe(encoded);
      expect(new TextDecoder().decode(fromBase64(encoded) ?? undefined)).toBe(plain);
    }
  });

  it('round-trips any bytes and agrees with Node’s Buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses what is not base64', () => {
    for (const bad of ['Zg=', 'Zm9v!', 'Z===', '=Zg=', 'Zm9vY', 'Zé==', 'Zg==Zg=='])
      expect(fromBase64(bad)).toBeNull();
  });
});
