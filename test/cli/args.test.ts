import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args';

describe('parseArgs', () => {
  it('reads parse with a file, a format and a password', () => {
    expect(parseArgs(['parse', 'a.pdf'])).toEqual({ command: 'parse', file: 'a.pdf', format: 'json' });
    expect(parseArgs(['parse', '--outline', 'a.pdf'])).toEqual({
      command: 'parse',
      file: 'a.pdf',
      format: 'outline',
    });
    expect(parseArgs(['parse', 'a.pdf', '--password', 's3cret'])).toEqual({
      command: 'parse',
      file: 'a.pdf',
      format: 'json',
      password: 's3cret',
    });
    expect(parseArgs(['parse', 'a.pdf', '--password='])).toMatchObject({ password: '' });
  });

  it.each([
    [[]],
    [['frobnicate']],
    [['parse']],
    [['parse', 'a.pdf', 'b.pdf']],
    [['parse', 'a.pdf', '--json', '--outline']],
    [['parse', 'a.pdf', '--password']],
    [['parse', 'a.pdf', '--verbose']],
  ])('refuses %j as bad usage', (argv) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
  });

  it('answers --help', () => {
    expect(parseArgs(['--help'])).toEqual({ command: 'help' });
  });
});
