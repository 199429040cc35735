/**
 * The web page's Platform, driven through a fake of the small slice of the DOM it uses (there is
 * no DOM in these tests). The fake records what the page puts in the document and clicks.
 */
import { describe, expect, it, vi, type Mock } from 'vitest';
import packageJson from '../../../package.json';
import {
  createWebPlatform,
  readBrowserFile,
  REVOKE_DELAY_MS,
  type BrowserFile,
  type WebDocument,
  type WebHost,
} from '../../../renderer/platform/web';

class FakeElement {
  readonly nodeType = 1;
  readonly listeners = new Map<string, (() => void)[]>();
  readonly dataset: Record<string, string | undefined> = {};
  type = '';
  accept = '';
  hidden = false;
  href = '';
  download = '';
  rel = '';
  files: BrowserFile[] | null = null;
  readonly click = vi.fn();
  constructor(
    readonly tagName: string,
    private readonly body: FakeBody,
  ) {}
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  dispatch(type: string): void {
    const listeners = this.listeners.get(type) ?? [];
    this.listeners.delete(type); // every listener here is registered with { once: true }
    for (const listener of listeners) listener();
  }
  remove(): void {
    this.body.children = this.body.children.filter((child) => child !== this);
  }
}

class FakeBody {
  children: FakeElement[] = [];
  append(...nodes: unknown[]): void {
    for (const node of nodes) this.children.push(node as FakeElement);
  }
}

function setup() {
  const body = new FakeBody();
  const created: FakeElement[] = [];
  const doc = {
    body,
    createElement(tagName: string) {
      const element = new FakeElement(tagName, body);
      created.push(element);
      return element;
    },
  } as unknown as WebDocument;
  const timers: (() => void)[] = [];
  const host = {
    createObjectURL: vi.fn((_blob: Blob) => 'blob:https://crosswalk.example/1234'),
    revokeObjectURL: vi.fn(),
    setTimeout: vi.fn((callback: () => void, _ms: number) => timers.push(callback)),
  } satisfies WebHost;
  const platform = createWebPlatform(doc, host);
  const input = (testId: string): FakeElement => {
    const found = body.children.find((child) => child.dataset['testid'] === testId);
    if (!found) throw new Error(`no input ${testId} in the document`);
    return found;
  };
  return { platform, body, created, host, timers, input };
}

/** A picked file whose reading is observable. */
interface FakeFile extends BrowserFile {
  readonly arrayBuffer: Mock<() => Promise<ArrayBuffer>>;
}

function file(name: string, contents: Uint8Array | string, size?: number): FakeFile {
  const bytes = typeof contents === 'string' ? new TextEncoder().encode(contents) : contents;
  return {
    name,
    size: size ?? bytes.byteLength,
    arrayBuffer: vi.fn(() => Promise.resolve(bytes.slice().buffer)),
  };
}

describe('web platform: openPdf', () => {
  it('opens a hidden PDF file input (found by e2e tests by its test id) and reads the chosen file', async () => {
    const { platform, body, input } = setup();
    const picked = platform.openPdf('law');
    const element = input('pdf-file-input');
    expect(element).toMatchObject({ type: 'file', accept: 'application/pdf,.pdf', hidden: true });
    expect(element.click).toHaveBeenCalled();
    element.files = [file('AI Act.pdf', '%PDF-1.7')];
    element.dispatch('change');
    expect(await picked).toEqual({ name: 'AI Act.pdf', bytes: new TextEncoder().encode('%PDF-1.7') });
    expect(body.children).toEqual([]);
  });

  it('resolves null when the user cancels, and removes the input', async () => {
    const { platform, body, input } = setup();
    const picked = platform.openPdf('code');
    input('pdf-file-input').dispatch('cancel');
    expect(await picked).toBeNull();
    expect(body.children).toEqual([]);
  });

  it('resolves null for a change without a file', async () => {
    const { platform, input } = setup();
    const picked = platform.openPdf('code');
    input('pdf-file-input').dispatch('change');
    expect(await picked).toBeNull();
  });

  it('closes a picker left open (a browser without a cancel event) when another opens', async () => {
    const { platform, body } = setup();
    const first = platform.openPdf('law');
    const second = platform.openPdf('code');
    expect(await first).toBeNull();
    expect(body.children.filter((child) => child.dataset['testid'] === 'pdf-file-input')).toHaveLength(1);
    body.children[0]?.dispatch('cancel');
    expect(await second).toBeNull();
  });

  it('refuses a PDF over 256 MB without reading it', async () => {
    const big = file('huge.pdf', '', 256 * 1024 * 1024 + 1);
    await expect(readBrowserFile(big)).rejects.toThrow(
      '"huge.pdf" is larger than 256 MB, which Crosswalk cannot open as a PDF.',
    );
    expect(big.arrayBuffer).not.toHaveBeenCalled();
  });
});

describe('web platform: openBundle', () => {
  it('opens a JSON file input and reads the file as UTF-8 text', async () => {
    const { platform, input } = setup();
    const picked = platform.openBundle();
    const element = input('bundle-file-input');
    expect(element.accept).toBe('application/json,.json');
    element.files = [file('project.json', '\uFEFF{"title":"Artikel 53 – Pflichten"}')];
    element.dispatch('change');
    expect(await picked).toEqual({ name: 'project.json', text: '{"title":"Artikel 53 – Pflichten"}' });
  });

  it('refuses a bundle over 160 MB with a plain message, without reading it', async () => {
    const { platform, input } = setup();
    const picked = platform.openBundle();
    const big = file('huge.json', '{}', 160 * 1024 * 1024 + 1);
    input('bundle-file-input').files = [big];
    input('bundle-file-input').dispatch('change');
    await expect(picked).rejects.toThrow(
      '"huge.json" is larger than 160 MB, which Crosswalk cannot open as a bundle.',
    );
    expect(big.arrayBuffer).not.toHaveBeenCalled();
  });

  it('refuses a file that is not UTF-8', async () => {
    const { platform, input } = setup();
    const picked = platform.openBundle();
    input('bundle-file-input').files = [file('latin1.json', new Uint8Array([0x7b, 0xe4, 0x7d]))];
    input('bundle-file-input').dispatch('change');
    await expect(picked).rejects.toThrow('"latin1.json" is not UTF-8 text');
  });

  it('keeps the PDF picker and the bundle picker apart', async () => {
    const { platform, input } = setup();
    const pdf = platform.openPdf('law');
    const bundle = platform.openBundle();
    input('pdf-file-input').dispatch('cancel');
    input('bundle-file-input').dispatch('cancel');
    expect(await Promise.all([pdf, bundle])).toEqual([null, null]);
  });
});

describe('web platform: saveFile', () => {
  it('downloads text through a temporary link and revokes the object URL later', async () => {
    const { platform, body, created, host, timers } = setup();
    expect(await platform.saveFile('Crosswalk memo.md', '# Memo\n', 'text/markdown')).toBe(true);

    const blob = host.createObjectURL.mock.calls[0]?.[0];
    expect(blob?.type).toBe('text/markdown');
    expect(await blob?.text()).toBe('# Memo\n');
    const link = created.find((element) => element.tagName === 'a');
    expect(link).toMatchObject({
      href: 'blob:https://crosswalk.example/1234',
      download: 'Crosswalk memo.md',
    });
    expect(link?.click).toHaveBeenCalledTimes(1);
    expect(body.children).toEqual([]);

    expect(host.revokeObjectURL).not.toHaveBeenCalled();
    expect(host.setTimeout.mock.calls[0]?.[1]).toBe(REVOKE_DELAY_MS);
    timers.forEach((callback) => callback());
    expect(host.revokeObjectURL).toHaveBeenCalledWith('blob:https://crosswalk.example/1234');
  });

  it('suggests the same portable file name the desktop app would', async () => {
    const { platform, created } = setup();
    await platform.saveFile('Memo: AI Act / Code.md', 'x', 'text/markdown');
    expect(created.find((element) => element.tagName === 'a')?.download).toBe('Memo- AI Act - Code.md');
  });

  it('downloads bytes unchanged, even a view into a larger buffer', async () => {
    const { platform, host } = setup();
    const buffer = new Uint8Array([0, 0x50, 0x4b, 0x03, 0x04, 0]);
    await platform.saveFile('memo.docx', buffer.subarray(1, 5), 'application/octet-stream');
    const blob = host.createObjectURL.mock.calls[0]?.[0];
    expect([...new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0))]).toEqual([
      0x50, 0x4b, 0x03, 0x04,
    ]);
  });
});

describe('web platform: the rest', () => {
  it('reports the package version and the web platform', async () => {
    const { platform } = setup();
    expect(platform.kind).toBe('web');
    expect(await platform.info()).toEqual({ version: packageJson.version, platform: 'web' });
  });

  it('has no host commands and nothing to restyle', async () => {
    const { platform } = setup();
    const listener = vi.fn();
    const unsubscribe = platform.onCommand(listener);
    expect(unsubscribe()).toBeUndefined();
    await expect(platform.setDarkMode(true)).resolves.toBeUndefined();
    expect(listener).not.toHaveBeenCalled();
  });
});
