import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const temp = mkdtempSync(join(tmpdir(), 'pdf-test-'));
type Filter = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
const seen: {
  options?: { webPreferences: Record<string, unknown> };
  file?: string;
  html?: string;
  filter?: Filter;
  permission?: (c: unknown, p: string, callback: (granted: boolean) => void) => void;
  destroyed: number;
} = { destroyed: 0 };

vi.mock('electron', () => {
  const fakeSession = {
    setPermissionRequestHandler: (handler: typeof seen.permission) => (seen.permission = handler),
    setPermissionCheckHandler: () => undefined,
    on: () => undefined,
    webRequest: { onBeforeRequest: (filter: Filter) => (seen.filter = filter) },
  };
  class BrowserWindow {
    readonly webContents = {
      printToPDF: () => Promise.resolve(Buffer.from('%PDF-1.7 fake')),
    };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      seen.options = options;
    }
    loadFile(file: string): Promise<void> {
      seen.file = file;
      seen.html = readFileSync(file, 'utf8');
      return Promise.resolve();
    }
    destroy(): void {
      seen.destroyed += 1;
    }
  }
  return { app: { getPath: () => temp }, session: { fromPartition: () => fakeSession }, BrowserWindow };
});

const { printHtmlToPdf } = await import('../../electron/main/pdf');

describe('printHtmlToPdf', () => {
  it('prints the memo from a private temporary file in a hidden window with no JavaScript, then removes it', async () => {
    const html = `<!DOCTYPE html><p>${'memo '.repeat(600_000)}</p>`; // 3 MB: over Chromium's URL limit
    const pdf = await printHtmlToPdf(html);
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 fake');
    expect(seen.html).toBe(html);
    expect(seen.options?.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
    });
    expect(seen.options).toMatchObject({ show: false });
    expect(seen.destroyed).toBe(1);
    expect(existsSync(seen.file ?? '')).toBe(false);
  });

  it('lets its session load nothing but the memo being printed, and grants no permission', () => {
    let answer: boolean | null = null;
    seen.permission?.(null, 'media', (granted) => (answer = granted));
    expect(answer).toBe(false);
    const cancelled = (url: string): boolean => {
      let cancel = false;
      seen.filter?.({ url }, (response) => (cancel = response.cancel));
      return cancel;
    };
    // After printing, even the memo's own file is no longer allowed.
    expect(cancelled(pathToFileURL(seen.file ?? '').href)).toBe(true);
    expect(cancelled('https://example.com/pixel.gif')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
  });
});
