import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { contentSecurityPolicyMeta, pdfjsStandardFonts } from './scripts/vite-plugins.ts';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require anything but a few Electron modules: bundle zod in.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // package.json says "type": "module", which would make this index.mjs; an ESM preload
        // does not load with `sandbox: true`, so emit CommonJS with an explicit .cjs extension.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react(), pdfjsStandardFonts(), contentSecurityPolicyMeta()],
    // The pipeline worker (renderer/worker/pipeline.worker.ts) is a module worker, emitted as a file.
    worker: { format: 'es' },
    build: {
      outDir: resolve('out/renderer'),
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});
