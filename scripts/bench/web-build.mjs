/**
 * Makes sure out/web is a build of the current sources: it is rebuilt (`vite build --config
 * vite.web.config.ts`, about 3 s) when index.html is missing or older than any file under
 * renderer/ or src/, the web config, its plugins or the lockfile; `force` rebuilds regardless.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} path @returns {number} newest mtime under path (a file or a folder) */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/**
 * @param {string} root the checkout
 * @param {{ force?: boolean }} [options]
 * @returns {'up to date' | 'rebuilt'}
 */
export function ensureWebBuild(root, options = {}) {
  const index = join(root, 'out', 'web', 'index.html');
  const sources = [
    'renderer',
    'src',
    'vite.web.config.ts',
    'scripts/vite-plugins.ts',
    'electron/main/security.ts',
    'package-lock.json',
  ].map((p) => join(root, p));
  const stale =
    options.force === true ||
    !existsSync(index) ||
    statSync(index).mtimeMs < Math.max(...sources.map(newest));
  if (!stale) return 'up to date';
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.web.config.ts'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`vite build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return 'rebuilt';
}
