import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from './electron/main/security.ts';
import { contentSecurityPolicyMeta, pdfjsStandardFonts } from './scripts/vite-plugins.ts';

/** The same renderer as a plain web page: `npm run web` (dev) and `vite build` into out/web. */
export default defineConfig({
  root: resolve('renderer'),
  base: './',
  plugins: [react(), pdfjsStandardFonts(), contentSecurityPolicyMeta()],
  // The pipeline worker (renderer/worker/pipeline.worker.ts) is a module worker, emitted as a file.
  worker: { format: 'es' },
  // The policy also goes out as a header, the only way `frame-ancestors` takes effect.
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    headers: { 'Content-Security-Policy': DEV_CONTENT_SECURITY_POLICY },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  build: {
    outDir: resolve('out/web'),
    emptyOutDir: true,
    target: 'es2023',
    chunkSizeWarningLimit: 2048,
  },
});
