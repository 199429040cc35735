import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  readBundleFile,
  readPdfFile,
  readWindowStateFile,
  saveFilters,
  writeUserFile,
  writeWindowStateFile,
} from '../../electron/main/files';
import { MAX_BUNDLE_BYTES, MAX_PDF_BYTES } from '../../src/ipc/contract';

const dir = (): string => mkdtempSync(join(tmpdir(), 'crosswalk-files-'));

describe('reading what the user picked', () => {
  it('refuses a PDF over the limit before reading it', async () => {
    const path = join(dir(), 'huge.pdf');
    writeFileSync(path, '');
    truncateSync(path, MAX_PDF_BYTES + 1); // sparse: no 256 MB written
    await expect(readPdfFile(path)).rejects.toThrow(
      '"huge.pdf" is larger than 256 MB, which Crosswalk cannot open as a PDF.',
    );
  });

  it('refuses a bundle over 160 MB before reading it', async () => {
    const path = join(dir(), 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, MAX_BUNDLE_BYTES + 1);
    await expect(readBundleFile(path)).rejects.toThrow(
      '"huge.json" is larger than 160 MB, which Crosswalk cannot open as a bundle.',
    );
  });

  it('reads an empty bundle as empty text (the page says what is wrong with it)', async () => {
    const path = join(dir(), 'empty.json');
    writeFileSync(path, '');
    expect(await readBundleFile(path)).toEqual({ name: 'empty.json', text: '' });
  });
});

describe('saveFilters', () => {
  it.each([
    ['memo.md', [{ name: 'Markdown', extensions: ['md'] }]],
    ['Memo.DOCX', [{ name: 'Word document', extensions: ['docx'] }]],
    ['links.csv', [{ name: 'CSV table', extensions: ['csv'] }]],
    ['project.json', [{ name: 'JSON', extensions: ['json'] }]],
    ['catalog.oscal', [{ name: 'OSCAL file', extensions: ['oscal'] }]],
    ['x.constructor', [{ name: 'CONSTRUCTOR file', extensions: ['constructor'] }]],
  ])('offers %s as its own type first, then all files', (name, first) => {
    expect(saveFilters(name)).toEqual([...first, { name: 'All files', extensions: ['*'] }]);
  });

  it('offers only all files for a name without an extension', () => {
    expect(saveFilters('README')).toEqual([{ name: 'All files', extensions: ['*'] }]);
    expect(saveFilters('archive.')).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });
});

describe('writeUserFile', () => {
  it('replaces an existing file', async () => {
    const path = join(dir(), 'memo.html');
    writeFileSync(path, 'old');
    await writeUserFile(path, '<p>new</p>');
    expect(readFileSync(path, 'utf8')).toBe('<p>new</p>');
  });
});

describe('window state file', () => {
  it('round-trips, and reads as null when missing or too big', async () => {
    const folder = dir();
    const path = join(folder, 'nested', 'window-state.json');
    expect(await readWindowStateFile(path)).toBeNull();
    writeWindowStateFile(path, '{"a":1}');
    expect(await readWindowStateFile(path)).toBe('{"a":1}');
    writeFileSync(path, 'x'.repeat(70_000));
    expect(await readWindowStateFile(path)).toBeNull();
  });

  it('does not throw when it cannot write', () => {
    const folder = dir();
    writeFileSync(join(folder, 'file'), '');
    expect(() => writeWindowStateFile(join(folder, 'file', 'window-state.json'), '{}')).not.toThrow();
  });
});
