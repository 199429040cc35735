/**
 * The edits that go through the write queue, as plain data: what the user did, not a closure, so
 * a pending edit can be mirrored to localStorage, read back after a reload and applied then.
 * Applying one is a single transaction, and applying it again gives the same result (a patch sets
 * fields to values; a link decision sets a status), so a retry never doubles anything.
 */
import { z } from 'zod';
import {
  LINK_STATUSES,
  MAX_STRENGTH,
  MIN_STRENGTH,
  RATIONALE_TYPES,
  RELATIONSHIPS,
  REVIEW_STATUSES,
  STANCES,
  type Annotation,
  type LinkStatus,
  type TextQuote,
} from '../../src/model/review';
import { addUserLink, newAnnotation, saveAnnotation, setLinkStatus, type CrosswalkDb } from '../db';
import type { AnnotationPatch } from '../workspace/AnnotationEditor';

/** An edit of the author's verdict on a code unit (`target` null) or on one of its links. */
export interface AnnotationWrite {
  readonly kind: 'annotation';
  /** The annotation's id (a fresh one when the edit creates it). */
  readonly id: string;
  readonly projectId: string;
  readonly source: string;
  readonly target: string | null;
  readonly author: string;
  /** The unit's text quote, kept with a verdict created by this edit. */
  readonly quote: TextQuote;
  readonly patch: AnnotationPatch;
  /** Undo coalescing key (typing a rationale); null: a step of its own. */
  readonly coalesce: string | null;
}

/** Accepting, rejecting or reopening a link. */
export interface LinkStatusWrite {
  readonly kind: 'link-status';
  readonly linkId: string;
  readonly status: LinkStatus;
}

/** A link the user adds by citation. */
export interface UserLinkWrite {
  readonly kind: 'user-link';
  readonly projectId: string;
  readonly source: string;
  readonly target: string;
}

export type PendingWrite = AnnotationWrite | LinkStatusWrite | UserLinkWrite;

/** Stores one pending edit, in one transaction. */
export async function applyWrite(db: CrosswalkDb, write: PendingWrite): Promise<void> {
  switch (write.kind) {
    case 'annotation':
      await db.transaction('rw', [db.annotations, db.history, db.projects], async () => {
        const create = (): Annotation =>
          newAnnotation({
            id: write.id,
            projectId: write.projectId,
            source: write.source,
            target: write.target,
            quote: write.quote,
            author: write.author,
          });
        // An annotation this author already has here (made by an editor that was unmounted before
        // the live query caught up) is edited, never doubled.
        let base =
          (await db.annotations.get(write.id)) ??
          (await db.annotations
            .where('[projectId+source]')
            .equals([write.projectId, write.source])
            .filter((a) => a.target === write.target && a.author === write.author)
            .first()) ??
          create();
        // A verdict written before the user gave their name becomes theirs on the next edit.
        if (base.author === '' && write.author !== '') base = { ...base, author: write.author };
        await saveAnnotation(
          db,
          { ...base, ...write.patch, updatedAt: new Date().toISOString() },
          write.coalesce === null ? {} : { coalesce: write.coalesce },
        );
      });
      return;
    case 'link-status':
      await setLinkStatus(db, write.linkId, write.status);
      return;
    case 'user-link':
      await addUserLink(db, write.projectId, write.source, write.target);
      return;
    default: {
      const unreachable: never = write;
      return unreachable;
    }
  }
}

const sameVerdict = (a: AnnotationWrite, b: AnnotationWrite): boolean =>
  a.id === b.id &&
  a.projectId === b.projectId &&
  a.source === b.source &&
  a.target === b.target &&
  a.author === b.author;

/**
 * Two queued edits that can be one: more typing in the same field of the same verdict (one undo
 * step either way), or a second decision on the same link (the later one is what the user wants).
 */
export function mergeWrites(earlier: PendingWrite, later: PendingWrite): PendingWrite | null {
  if (earlier.kind === 'annotation' && later.kind === 'annotation') {
    if (!sameVerdict(earlier, later) || earlier.coalesce === null || earlier.coalesce !== later.coalesce)
      return null;
    return { ...earlier, patch: { ...earlier.patch, ...later.patch } };
  }
  if (earlier.kind === 'link-status' && later.kind === 'link-status' && earlier.linkId === later.linkId)
    return later;
  return null;
}

/** Where a verdict editor writes: the pending edits of the same verdict are what it must show. */
export interface VerdictSpot {
  readonly projectId: string;
  readonly source: string;
  readonly target: string | null;
  readonly author: string;
}

/** The patches still waiting for this verdict, in order, merged into one (empty when none). */
export function pendingPatch(pending: readonly PendingWrite[], spot: VerdictSpot): AnnotationPatch {
  let patch: AnnotationPatch = {};
  for (const write of pending) {
    if (
      write.kind === 'annotation' &&
      write.projectId === spot.projectId &&
      write.source === spot.source &&
      write.target === spot.target &&
      write.author === spot.author
    )
      patch = { ...patch, ...write.patch };
  }
  return patch;
}

// ---- Reading mirrored writes back ------------------------------------------------------------------

const MAX_ID = 512;
const MAX_TEXT = 1024 * 1024;
const id = z.string().min(1).max(MAX_ID);

const patchSchema = z.strictObject({
  stance: z.enum(STANCES).nullable().optional(),
  relationship: z.enum(RELATIONSHIPS).nullable().optional(),
  rationaleType: z.enum(RATIONALE_TYPES).nullable().optional(),
  strength: z.number().int().min(MIN_STRENGTH).max(MAX_STRENGTH).nullable().optional(),
  rationale: z.string().max(MAX_TEXT).optional(),
  tags: z.array(z.string().min(1).max(200)).max(200).optional(),
  status: z.enum(REVIEW_STATUSES).optional(),
  fromSuggestion: z.boolean().optional(),
});

const writeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('annotation'),
    id,
    projectId: id,
    source: id,
    target: id.nullable(),
    author: z.string().max(2_000),
    quote: z.strictObject({
      exact: z.string().max(10_000),
      prefix: z.string().max(10_000),
      suffix: z.string().max(10_000),
    }),
    patch: patchSchema,
    coalesce: z.string().max(64).nullable(),
  }),
  z.strictObject({
    kind: z.literal('link-status'),
    linkId: z
      .string()
      .min(1)
      .max(3 * MAX_ID + 2),
    status: z.enum(LINK_STATUSES),
  }),
  z.strictObject({ kind: z.literal('user-link'), projectId: id, source: id, target: id }),
]);

/**
 * Pending writes read back from the mirror, each checked (another build, or a hand-edited
 * localStorage, could have left anything there); what does not parse is skipped.
 */
export function parsePendingWrites(value: unknown): PendingWrite[] {
  if (!Array.isArray(value)) return [];
  const writes: PendingWrite[] = [];
  for (const item of value.slice(0, 10_000)) {
    const parsed = writeSchema.safeParse(item);
    if (parsed.success) writes.push(stripUndefined(parsed.data));
  }
  return writes;
}

/** zod's optional fields come back as absent; keep it that way (a patch must not set `undefined`). */
function stripUndefined(write: z.infer<typeof writeSchema>): PendingWrite {
  if (write.kind !== 'annotation') return write;
  const patch = Object.fromEntries(
    Object.entries(write.patch).filter(([, v]) => v !== undefined),
  ) as AnnotationPatch;
  return { ...write, patch };
}
