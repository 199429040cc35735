import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadPdfJs } from '../../src/cli/pdfjs-node';

// Taken before anything in this file loads pdf.js.
const nativePush = Array.prototype.push;
const nativeStringify = JSON.stringify;
const nativeParse = JSON.parse;

describe('loadPdfJs', () => {
  it('finds that a plain import of pdf.js legacy replaces Array.prototype.push (the reason for the repair)', () => {
    const script = `const p = Array.prototype.push;
      await import('pdfjs-dist/legacy/build/pdf.mjs');
      await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      console.log(Array.prototype.push === p ? 'native' : 'replaced');`;
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out.stdout.trim()).toBe('replaced');
  });

  it('loads both halves of pdf.js and leaves the native push and JSON methods in place', async () => {
    const lib = await loadPdfJs();
    expect(typeof lib.getDocument).toBe('function');
    const worker = (globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker;
    expect(worker?.WorkerMessageHandler).toBeDefined();
    expect(Array.prototype.push).toBe(nativePush);
    expect(JSON.stringify).toBe(nativeStringify);
    expect(JSON.parse).toBe(nativeParse);
  });
});
