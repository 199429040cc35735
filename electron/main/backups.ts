/**
 * Rolling backups of projects, kept by main in the app's data folder:
 * `<userData>/backups/<project id>/<time>.crosswalk.json`, the last {@link BACKUPS_KEPT} per project.
 *
 * The page hands over a project id and a bundle's text, nothing else: main checks the id is a bare
 * id (never a path), checks the text is a bundle of that very project, names the file from its own
 * clock, and after writing deletes the oldest beyond the limit. Each backup has a small sidecar
 * (`<time>.meta.json`) with what the Restore dialog lists, so listing never re-reads whole bundles.
 * Paths are resolved and checked to stay inside the backups folder before every read or write.
 */
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseBundle } from '../../src/export/bundle';
import {
  BACKUPS_KEPT,
  backupInfoSchema,
  backupNameSchema,
  backupProjectIdSchema,
  MAX_BUNDLE_BYTES,
  type BackupInfo,
  type TextFile,
} from '../../src/ipc/contract';

const BACKUP_SUFFIX = '.crosswalk.json';
const META_SUFFIX = '.meta.json';
/** A sidecar is a few hundred bytes; anything much bigger is not ours. */
const MAX_META_BYTES = 16 * 1024;

/** The folder all backups live in, under the app's data folder. */
export function backupsRoot(userData: string): string {
  return join(userData, 'backups');
}

/**
 * `root/<projectId>[/<name>]`, or an error when the id or name is not one main would have made or
 * the result would leave `root` (checked on the resolved path, whatever the schemas let through).
 */
export function backupPath(root: string, projectId: string, name?: string): string {
  if (!backupProjectIdSchema.safeParse(projectId).success) throw new Error('That is not a project of yours.');
  if (name !== undefined && !backupNameSchema.safeParse(name).success)
    throw new Error('That is not one of your backups.');
  const base = resolve(root);
  const path = resolve(base, projectId, ...(name === undefined ? [] : [name]));
  const inside = relative(base, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
    throw new Error('That is not one of your backups.');
  return path;
}

/** The file name for a backup made at `when`: its ISO time with `:` and `.` (not portable) as `-`. */
export function backupFileName(when: Date, clash = 0): string {
  const stamp = when.toISOString().replace(/[:.]/g, '-');
  return `${stamp}${clash > 0 ? `_${clash + 1}` : ''}${BACKUP_SUFFIX}`;
}

const metaNameOf = (name: string): string => `${name.slice(0, -BACKUP_SUFFIX.length)}${META_SUFFIX}`;

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Writes to a temporary sibling, then renames: a backup is either whole or absent. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** The backups of one project folder, oldest first (names sort by time). */
async function backupNames(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  return names.filter((name) => backupNameSchema.safeParse(name).success).sort();
}

/**
 * Keeps a project bundle as a backup and deletes the oldest beyond `keep`. Refuses text that is not
 * a valid bundle of `projectId`: the backups folder only ever holds restorable bundles.
 */
export async function writeBackup(
  root: string,
  projectId: string,
  text: string,
  now: Date = new Date(),
  keep: number = BACKUPS_KEPT,
): Promise<BackupInfo> {
  const folder = backupPath(root, projectId);
  const parsed = parseBundle(text);
  if (!parsed.ok) throw new Error(`The backup was not made: ${parsed.error}`);
  if (parsed.bundle.project.id !== projectId)
    throw new Error('The backup was not made: it is of another project.');
  try {
    await mkdir(folder, { recursive: true });
    let clash = 0;
    while (await exists(join(folder, backupFileName(now, clash)))) clash++;
    const name = backupFileName(now, clash);
    const info: BackupInfo = {
      projectId,
      name,
      savedAt: now.toISOString(),
      bytes: Buffer.byteLength(text, 'utf8'),
      projectName: parsed.bundle.project.name,
      projectUpdatedAt: parsed.bundle.project.updatedAt,
      links: parsed.bundle.links.length,
      annotations: parsed.bundle.annotations.length,
    };
    await writeAtomically(join(folder, name), text);
    await writeAtomically(join(folder, metaNameOf(name)), JSON.stringify(info));
    await rotate(folder, keep);
    return info;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('The backup')) throw error;
    const full = (error as { code?: unknown }).code === 'ENOSPC';
    throw new Error(
      full
        ? 'The backup was not made: the disk is full.'
        : 'The backup was not made: Crosswalk could not write to its data folder.',
      { cause: error },
    );
  }
}

/** Deletes all but the newest `keep` backups of a folder, with their sidecars. */
export async function rotate(folder: string, keep: number): Promise<string[]> {
  const names = await backupNames(folder);
  const doomed = names.slice(0, Math.max(0, names.length - keep));
  for (const name of doomed) {
    await unlink(join(folder, name)).catch(() => undefined);
    await unlink(join(folder, metaNameOf(name))).catch(() => undefined);
  }
  return doomed;
}

async function readMeta(folder: string, projectId: string, name: string): Promise<BackupInfo | null> {
  const path = join(folder, metaNameOf(name));
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_META_BYTES) return null;
    const parsed = backupInfoSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    // A sidecar copied from another folder must not speak for this one.
    return parsed.success && parsed.data.projectId === projectId && parsed.data.name === name
      ? parsed.data
      : null;
  } catch {
    return null;
  }
}

/** Every backup kept, newest first. A backup whose sidecar is lost is listed with what `stat` knows. */
export async function listBackups(root: string): Promise<BackupInfo[]> {
  let folders: string[];
  try {
    folders = await readdir(resolve(root));
  } catch {
    return [];
  }
  const all: BackupInfo[] = [];
  for (const projectId of folders) {
    if (!backupProjectIdSchema.safeParse(projectId).success) continue;
    const folder = backupPath(root, projectId);
    for (const name of await backupNames(folder)) {
      const meta = await readMeta(folder, projectId, name);
      if (meta !== null) {
        all.push(meta);
        continue;
      }
      try {
        const info = await stat(join(folder, name));
        if (!info.isFile()) continue;
        all.push({
          projectId,
          name,
          savedAt: info.mtime.toISOString(),
          bytes: Math.min(info.size, MAX_BUNDLE_BYTES),
          projectName: '',
          projectUpdatedAt: '',
          links: 0,
          annotations: 0,
        });
      } catch {
        // Deleted meanwhile.
      }
    }
  }
  return all.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** The text of one backup, for a restore (refused if it is not a file of the backups folder). */
export async function readBackup(root: string, projectId: string, name: string): Promise<TextFile> {
  const path = backupPath(root, projectId, name);
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new Error('That backup is no longer there.');
  }
  if (!info.isFile() || info.size > MAX_BUNDLE_BYTES) throw new Error('That backup cannot be read.');
  const text = await readFile(path, 'utf8');
  return { name, text };
}
