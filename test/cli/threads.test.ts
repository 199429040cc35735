import { describe, expect, it } from 'vitest';
import { readerThreads } from '../../src/cli/main';

describe('readerThreads', () => {
  it('reads on one thread with two cores or fewer, on up to four threads above', () => {
    expect(readerThreads(1, undefined)).toBe(1);
    expect(readerThreads(2, undefined)).toBe(1);
    expect(readerThreads(3, undefined)).toBe(3);
    expect(readerThreads(16, undefined)).toBe(4);
  });

  it('follows CROSSWALK_THREADS when it is a positive whole number', () => {
    expect(readerThreads(2, '3')).toBe(3);
    expect(readerThreads(2, '0')).toBe(1);
    expect(readerThreads(2, 'many')).toBe(1);
    expect(readerThreads(2, '64')).toBe(8);
  });
});
