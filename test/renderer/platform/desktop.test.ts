import { describe, expect, it, vi } from 'vitest';
import type { CrosswalkBridge, HostCommand, Result } from '../../../src/ipc/contract';
import { createDesktopPlatform } from '../../../renderer/platform/desktop';

const okResult = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
const failed = (error: string) => Promise.resolve({ ok: false as const, error });

function fakeBridge() {
  let listener: ((command: HostCommand) => void) | null = null;
  const unsubscribe = vi.fn();
  const bridge = {
    openPdfDialog: vi.fn((_role: 'law' | 'code') => okResult({ name: 'a.pdf', bytes: new Uint8Array([37]) })),
    openBundleDialog: vi.fn(() => okResult({ name: 'p.json', text: '{}' })),
    saveFile: vi.fn((_request: unknown) => okResult(true)),
    savePdf: vi.fn((_request: unknown) => okResult(true)),
    setDarkMode: vi.fn((_dark: boolean) => okResult(null)),
    getAppInfo: vi.fn(() => okResult({ version: '0.1.0', platform: 'linux' })),
    writeBackup: vi.fn((_request: unknown) => failed('not in this test')),
    listBackups: vi.fn(() => okResult([])),
    readBackup: vi.fn((_ref: unknown) => failed('not in this test')),
    onHostCommand: vi.fn((next: (command: HostCommand) => void) => {
      listener = next;
      return unsubscribe;
    }),
  } satisfies CrosswalkBridge;
  return { bridge, unsubscribe, send: (command: HostCommand) => listener?.(command) };
}

describe('desktop platform', () => {
  it('unwraps every successful result', async () => {
    const { bridge } = fakeBridge();
    const platform = createDesktopPlatform(bridge);
    expect(platform.kind).toBe('desktop');
    expect(await platform.openPdf('code')).toEqual({ name: 'a.pdf', bytes: new Uint8Array([37]) });
    expect(bridge.openPdfDialog).toHaveBeenCalledWith('code');
    expect(await platform.openBundle()).toEqual({ name: 'p.json', text: '{}' });
    expect(await platform.saveFile('memo.md', '# x', 'text/markdown')).toBe(true);
    // A title with a colon still gets a portable name; main prints the HTML and saves the PDF.
    expect(await platform.savePdf?.('Memo: AI Act.pdf', '<p>memo</p>')).toBe(true);
    expect(bridge.savePdf).toHaveBeenCalledWith({ suggestedName: 'Memo- AI Act.pdf', html: '<p>memo</p>' });
    await expect(platform.setDarkMode(true)).resolves.toBeUndefined();
    expect(bridge.setDarkMode).toHaveBeenCalledWith(true);
    expect(await platform.info()).toEqual({ version: '0.1.0', platform: 'linux' });
  });

  it('throws main’s plain message when a call fails', async () => {
    const { bridge } = fakeBridge();
    bridge.openPdfDialog.mockReturnValueOnce(failed('"x.pdf" is not a file Crosswalk can open.'));
    bridge.openBundleDialog.mockReturnValueOnce(failed('not UTF-8'));
    bridge.saveFile.mockReturnValueOnce(failed('could not save'));
    bridge.setDarkMode.mockReturnValueOnce(failed('no theme'));
    bridge.getAppInfo.mockReturnValueOnce(failed('no info'));
    const platform = createDesktopPlatform(bridge);
    await expect(platform.openPdf('law')).rejects.toThrow('"x.pdf" is not a file Crosswalk can open.');
    await expect(platform.openBundle()).rejects.toThrow('not UTF-8');
    await expect(platform.saveFile('m.md', 'x', 'text/plain')).rejects.toThrow('could not save');
    await expect(platform.setDarkMode(false)).rejects.toThrow('no theme');
    await expect(platform.info()).rejects.toThrow('no info');
  });

  it('turns a title into a file name main accepts before asking it to save', async () => {
    const { bridge } = fakeBridge();
    const bytes = new Uint8Array([1, 2]);
    await createDesktopPlatform(bridge).saveFile(
      'Memo: AI Act / Code.docx',
      bytes,
      'application/octet-stream',
    );
    expect(bridge.saveFile).toHaveBeenCalledWith({
      suggestedName: 'Memo- AI Act - Code.docx',
      contents: bytes,
      mimeType: 'application/octet-stream',
    });
  });

  it('passes menu commands through and unsubscribes', () => {
    const { bridge, unsubscribe, send } = fakeBridge();
    const listener = vi.fn();
    const stop = createDesktopPlatform(bridge).onCommand(listener);
    send({ kind: 'toggle-dark-mode' });
    expect(listener).toHaveBeenCalledWith({ kind: 'toggle-dark-mode' });
    stop();
    expect(unsubscribe).toHaveBeenCalled();
  });
});
