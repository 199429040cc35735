import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

let eslint: ESLint;

beforeAll(() => {
  // The real eslint.config.js, minus type-aware rules: the snippets are not files in any tsconfig.
  eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });
});

async function layerErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (result === undefined) throw new Error('ESLint returned no result');
  const fatal = result.messages.filter((message) => message.fatal);
  expect(fatal, 'snippet should parse').toEqual([]);
  return result.messages
    .filter((message) =>
      ['@typescript-eslint/no-restricted-imports', 'no-restricted-imports', 'no-restricted-syntax'].includes(
        message.ruleId ?? '',
      ),
    )
    .map((message) => message.message);
}

describe('layer rules: the pure core (src/, CLI aside)', () => {
  it.each([
    ["import { app } from 'electron';", 'Electron'],
    ["import type { BrowserWindow } from 'electron';", 'Electron'],
    ["import { ipcRenderer } from 'electron/renderer';", 'Electron'],
    ["import { readFile } from 'node:fs';", 'node:'],
    ["import { readFile } from 'node:fs/promises';", 'node:'],
    ["import fs from 'fs';", 'Node built-in'],
    ["import { join } from 'path';", 'Node built-in'],
    ["import { createHash } from 'crypto';", 'Node built-in'],
    ["import { readFile } from 'fs/promises';", 'Node built-in'],
    ["import Dexie from 'dexie';", 'Dexie'],
    ["import { useState } from 'react';", 'React'],
    ["import { jsx } from 'react/jsx-runtime';", 'React'],
    ["import { createRoot } from 'react-dom/client';", 'React'],
    ["import * as pdfjs from 'pdfjs-dist';", 'src/pdf'],
    ["import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';", 'src/pdf'],
    ["export { app } from 'electron';", 'Electron'],
    ["export const load = () => import('node:fs');", 'off-limits'],
    ["export const load = () => import('electron');", 'off-limits'],
  ])('refuses %s in src/structure', async (code, expected) => {
    const errors = await layerErrors(code, 'src/structure/x.ts');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toContain(expected);
  });

  it('lets src/pdf use pdf.js but not Electron or Node', async () => {
    expect(await layerErrors("import * as pdfjs from 'pdfjs-dist';", 'src/pdf/x.ts')).toEqual([]);
    expect(await layerErrors("import { app } from 'electron';", 'src/pdf/x.ts')).not.toEqual([]);
    expect(await layerErrors("import { readFile } from 'node:fs';", 'src/pdf/x.ts')).not.toEqual([]);
  });

  it('lets the CLI use Node', async () => {
    expect(await layerErrors("import { readFile } from 'node:fs/promises';", 'src/cli/x.ts')).toEqual([]);
  });

  it('passes a clean core module', async () => {
    const code = [
      "import type { ClauseTree } from '../model/clause';",
      "import { parseInvokeArgs } from '../ipc/contract';",
      '',
      '/** Counts units. */',
      'export function unitCount(tree: ClauseTree): number {',
      '  return tree.units.length;',
      '}',
      'export const check = parseInvokeArgs;',
      '',
    ].join('\n');
    const [result] = await eslint.lintText(code, { filePath: 'src/structure/x.ts' });
    expect(result?.messages).toEqual([]);
  });
});

describe('layer rules: the renderer', () => {
  it.each([
    ["import { ipcRenderer } from 'electron';", 'Electron'],
    ["import { readFile } from 'node:fs';", 'node:'],
    ["import { join } from 'path';", 'Node built-in'],
  ])('refuses %s', async (code, expected) => {
    const errors = await layerErrors(code, 'renderer/x.ts');
    expect(errors.join('\n')).toContain(expected);
  });

  it('may use React and pdf.js', async () => {
    expect(
      await layerErrors(
        "import { useState } from 'react';\nimport * as pdfjs from 'pdfjs-dist';",
        'renderer/x.tsx',
      ),
    ).toEqual([]);
  });
});

describe('layer rules: the Electron shell', () => {
  it('may use Electron and Node', async () => {
    const code = "import { app } from 'electron';\nimport { join } from 'node:path';";
    expect(await layerErrors(code, 'electron/main/x.ts')).toEqual([]);
  });
});
