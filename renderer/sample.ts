/// <reference types="vite/client" />
/**
 * The sample project's two documents: the synthetic act and code of practice that
 * scripts/make-fixtures.mjs writes to fixtures/. They are embedded in the bundle as data URLs
 * (Vite's `?inline`, about 45 kB together), so opening the sample fetches nothing at all: no
 * request that the web build's CSP or Electron's file:// page could refuse, and nothing offline
 * could break.
 */
import actDataUrl from '../fixtures/act.pdf?inline';
import codeDataUrl from '../fixtures/code.pdf?inline';

export interface SampleFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface SampleFiles {
  readonly law: SampleFile;
  readonly code: SampleFile;
}

/** Decodes a base64 `data:` URL (the form Vite inlines binary files in) to its bytes. */
export function dataUrlBytes(url: string): Uint8Array {
  const match = /^data:[^,]*;base64,/.exec(url);
  if (match === null) throw new Error(`Not a base64 data URL: ${url.slice(0, 40)}…`);
  const binary = atob(url.slice(match[0].length));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The sample law and code as files the user could have imported. Each call returns fresh arrays,
 * so a caller may hand them to anything that takes ownership.
 */
export function loadSampleFiles(): Promise<SampleFiles> {
  return Promise.resolve({
    law: { name: 'Synthetic Widgets Act (sample).pdf', bytes: dataUrlBytes(actDataUrl) },
    code: { name: 'Code of Practice, Transparency chapter (sample).pdf', bytes: dataUrlBytes(codeDataUrl) },
  });
}
