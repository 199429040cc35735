/**
 * Rolling backups in main, against a real temporary folder: the last ten kept, names made by main,
 * only bundles of the named project accepted, and nothing the page sends can reach outside the
 * backups folder.
 */
import { mkdtempSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupPath,
  backupsRoot,
  listBackups,
  readBackup,
  writeBackup,
} from '../../electron/main/backups';
import { buildBundle } from '../../src/export/index';
import { parseInvokeArgs } from '../../src/ipc/contract';
import type { ProjectRecord } from '../../src/model/review';

const PROJECT = 'c0ffee00-0000-4000-8000-000000000001';

function project(id = PROJECT, name = 'AI Act review'): ProjectRecord {
  return {
    id,
    name,
    lawFingerprint: 'a'.repeat(64),
    codeFingerprint: 'b'.repeat(64),
    sample: false,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-29T05:00:00.000Z',
  };
}

function bundle(id = PROJECT, annotations = 0): string {
  const p = project(id);
  return buildBundle({
    project: p,
    documents: [],
    links: [],
    annotations: Array.from({ length: annotations }, (_, i) => ({
      id: `v${i}`,
      projectId: id,
      source: 'msr_9.3',
      target: null,
      quote: { exact: 'x', prefix: '', suffix: '' },
      stance: 'expands' as const,
      relationship: null,
      rationaleType: null,
      strength: null,
      rationale: `note ${i}`,
      tags: [],
      status: 'draft' as const,
      author: 'Ana',
      fromSuggestion: false,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    })),
    exportedAt: '2026-11-29T05:00:00.000Z',
  });
}

const freshRoot = (): string => backupsRoot(mkdtempSync(join(tmpdir(), 'crosswalk-backups-')));
const at = (minute: number): Date => new Date(Date.UTC(2026, 10, 29, 5, minute, 0, 0));

describe('rolling backups', () => {
  it('keeps the newest ten of a project, each with what the Restore dialog lists', async () => {
    const root = freshRoot();
    for (let minute = 0; minute < 13; minute++)
      await writeBackup(root, PROJECT, bundle(PROJECT, minute), at(minute));
    const listed = await listBackups(root);
    expect(listed).toHaveLength(10);
    expect(listed[0]).toEqual({
      projectId: PROJECT,
      name: '2026-11-29T05-12-00-000Z.crosswalk.json',
      savedAt: '2026-11-29T05:12:00.000Z',
      bytes: expect.any(Number) as number,
      projectName: 'AI Act review',
      projectUpdatedAt: '2026-11-29T05:00:00.000Z',
      links: 0,
      annotations: 12,
    });
    expect(listed.at(-1)?.name).toBe('2026-11-29T05-03-00-000Z.crosswalk.json');
    // The sidecars of deleted backups go with them.
    expect(readdirSync(join(root, PROJECT))).toHaveLength(20);
    const restored = await readBackup(root, PROJECT, listed[0]!.name);
    expect(JSON.parse(restored.text)).toMatchObject({
      project: { id: PROJECT },
      annotations: { length: 12 },
    });
  });

  it('never overwrites a backup made in the same millisecond', async () => {
    const root = freshRoot();
    const first = await writeBackup(root, PROJECT, bundle(), at(1));
    const second = await writeBackup(root, PROJECT, bundle(PROJECT, 1), at(1));
    expect(first.name).toBe('2026-11-29T05-01-00-000Z.crosswalk.json');
    expect(second.name).toBe('2026-11-29T05-01-00-000Z_2.crosswalk.json');
    expect((await listBackups(root)).map((b) => b.annotations).sort()).toEqual([0, 1]);
  });

  it('keeps each project’s backups apart and lists them all, newest first', async () => {
    const root = freshRoot();
    const other = 'c0ffee00-0000-4000-8000-000000000002';
    await writeBackup(root, PROJECT, bundle(), at(1));
    await writeBackup(root, other, bundle(other), at(2));
    expect((await listBackups(root)).map((b) => b.projectId)).toEqual([other, PROJECT]);
  });

  it('refuses anything but a bundle of the named project', async () => {
    const root = freshRoot();
    await expect(writeBackup(root, PROJECT, '{"format":"crosswalk-bundle"')).rejects.toThrow(
      /^The backup was not made/,
    );
    await expect(writeBackup(root, PROJECT, '#!/bin/sh\nrm -rf ~')).rejects.toThrow(
      /^The backup was not made/,
    );
    await expect(writeBackup(root, PROJECT, bundle('someone-else'))).rejects.toThrow(/another project/);
    expect(existsSync(join(root, PROJECT))).toBe(false);
  });

  it('refuses project ids and names that are paths, before touching the disk', async () => {
    const root = freshRoot();
    for (const id of [
      '..',
      '../..',
      '../../etc',
      '/etc',
      'C:\\Windows',
      'a/b',
      '',
      'x'.repeat(101),
      'a\u0000b',
    ]) {
      expect(() => backupPath(root, id), id).toThrow();
      await expect(writeBackup(root, id, bundle(id)), id).rejects.toThrow();
    }
    for (const name of [
      '../../secret.json',
      '/etc/passwd',
      'notes.txt',
      '2026-11-29T05-01-00-000Z.crosswalk.json/..',
    ]) {
      await expect(readBackup(root, PROJECT, name), name).rejects.toThrow('That is not one of your backups.');
    }
    // The same refusals at the IPC boundary, before main's handler runs.
    expect(parseInvokeArgs('backup:write', [{ projectId: '../x', text: '{}' }]).ok).toBe(false);
    expect(parseInvokeArgs('backup:write', [{ projectId: PROJECT, text: '{}', path: '/tmp/x' }]).ok).toBe(
      false,
    );
    expect(parseInvokeArgs('backup:read', [{ projectId: PROJECT, name: '../../.ssh/id_rsa' }]).ok).toBe(
      false,
    );
    expect(parseInvokeArgs('backup:read', [{ projectId: PROJECT, name: backupFileName(at(1)) }]).ok).toBe(
      true,
    );
  });

  it('ignores files it did not make, and a sidecar that speaks for another backup', async () => {
    const root = freshRoot();
    const made = await writeBackup(root, PROJECT, bundle(PROJECT, 2), at(1));
    const folder = join(root, PROJECT);
    writeFileSync(join(folder, 'evil.crosswalk.json'), '{}');
    mkdirSync(join(root, '..weird'), { recursive: true });
    const name = backupFileName(at(2));
    writeFileSync(join(folder, name), bundle());
    writeFileSync(
      join(folder, name.replace('.crosswalk.json', '.meta.json')),
      JSON.stringify({ ...made, annotations: 999 }),
    );
    const listed = await listBackups(root);
    expect(listed.map((b) => [b.name, b.annotations])).toEqual([
      [name, 0],
      [made.name, 2],
    ]);
  });

  it('lists nothing when there are no backups yet', async () => {
    expect(await listBackups(freshRoot())).toEqual([]);
  });
});
