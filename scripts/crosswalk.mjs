#!/usr/bin/env node
// `npx crosswalk …`: runs the CLI bundle in out/cli, (re)building it from src/
// with esbuild when it is missing or older than any source file. Node 20
// cannot run TypeScript itself, and a prebuilt bundle keeps start-up fast.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out', 'cli', 'crosswalk.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

async function ensureBundle() {
  const srcDir = join(root, 'src');
  if (existsSync(bundle) && (!existsSync(srcDir) || statSync(bundle).mtimeMs >= newestSource(srcDir))) return;
  const { build } = await import('esbuild');
  // Build into a temporary folder and rename: concurrent runs never see a half-written bundle.
  // The worker goes first, so a fresh crosswalk.mjs always finds its worker beside it.
  const temp = join(root, 'out', `cli.${process.pid}.tmp`);
  await build({
    entryPoints: {
      crosswalk: join(root, 'src', 'cli', 'bin.ts'),
      'extract-worker': join(root, 'src', 'cli', 'extract-worker.ts'),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: temp,
    outExtension: { '.js': '.mjs' },
    external: ['pdfjs-dist'],
    logLevel: 'error',
    legalComments: 'none',
  });
  mkdirSync(dirname(bundle), { recursive: true });
  renameSync(join(temp, 'extract-worker.mjs'), join(dirname(bundle), 'extract-worker.mjs'));
  renameSync(join(temp, 'crosswalk.mjs'), bundle);
  rmSync(temp, { recursive: true, force: true });
}

await ensureBundle();
await import(pathToFileURL(bundle).href);
