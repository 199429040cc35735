import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Annotation, TextQuote } from '../../src/model/review';
import { newAnnotation } from '../db';
import { useWriteQueue } from '../storage/StorageBanner';
import { pendingPatch, type PendingWrite, type VerdictSpot } from '../storage/writes';
import type { AnnotationPatch } from './AnnotationEditor';

export interface AnnotationTarget {
  readonly projectId: string;
  readonly source: string;
  readonly target: string | null;
  readonly quote: () => TextQuote;
}

export interface AnnotationWriter {
  /** What the editor shows: the stored annotation with this editor's edits applied at once. */
  readonly annotation: Annotation | undefined;
  readonly save: (patch: AnnotationPatch, coalesce?: string) => void;
}

/** The stored annotation with the author's edits of it still waiting in the write queue laid over it. */
function withQueued(
  stored: Annotation | undefined,
  queued: readonly PendingWrite[],
  spot: VerdictSpot,
  quote: () => TextQuote,
  freshId: string,
): Annotation | undefined {
  const patch = pendingPatch(queued, spot);
  if (Object.keys(patch).length === 0) return stored;
  return { ...(stored ?? newAnnotation({ id: freshId, ...spot, quote: quote() })), ...patch };
}

/**
 * Edits one annotation (of a unit, or of a link). Each edit is a patch applied, in order, to the
 * annotation as stored when its turn comes, so quick edits never undo one another whatever the
 * live query has delivered so far; a first edit creates the annotation under an id fixed for
 * this editor, so two quick first edits never make two. The editor shows each edit at once
 * (controlled inputs would otherwise flick back until the database answers).
 *
 * Edits go through the page's write queue: when storage fails they stay queued (and shown, also
 * in an editor opened again meanwhile) and are saved, in order, once it works again.
 */
export function useAnnotationWriter(
  stored: Annotation | undefined,
  where: AnnotationTarget,
  author: string,
  onError: (error: unknown) => void,
): AnnotationWriter {
  const queue = useWriteQueue();
  const [freshId] = useState(() => crypto.randomUUID());
  const spot = { projectId: where.projectId, source: where.source, target: where.target, author };
  const [shown, setShown] = useState<Annotation | undefined>(() =>
    withQueued(stored, queue.getState().pending, spot, where.quote, freshId),
  );
  const pending = useRef(0);
  const context = useRef({ where, author, stored, onError });
  useLayoutEffect(() => {
    context.current = { where, author, stored, onError };
  });

  // The database speaks for the annotation whenever none of this editor's writes is in flight
  // (after an undo, say, or an edit in another window); edits of it still queued (made in an
  // editor since closed, while storage failed) stay laid over it.
  useEffect(() => {
    if (pending.current !== 0) return;
    const { where: at, author: by } = context.current;
    const spotNow = { projectId: at.projectId, source: at.source, target: at.target, author: by };
    setShown(withQueued(stored, queue.getState().pending, spotNow, at.quote, freshId));
  }, [stored, queue, freshId]);

  const save = useCallback(
    (patch: AnnotationPatch, coalesce?: string) => {
      const { where: at, author: by, stored: current } = context.current;
      const id = current?.id ?? freshId;
      setShown((before) => ({
        ...(before ??
          newAnnotation({
            id,
            projectId: at.projectId,
            source: at.source,
            target: at.target,
            quote: at.quote(),
            author: by,
          })),
        ...patch,
        updatedAt: new Date().toISOString(),
      }));
      pending.current += 1;
      queue
        .enqueue({
          kind: 'annotation',
          id,
          projectId: at.projectId,
          source: at.source,
          target: at.target,
          author: by,
          quote: at.quote(),
          patch,
          coalesce: coalesce ?? null,
        })
        // Only an edit retrying cannot save (not a storage failure: those wait in the queue).
        .catch((error: unknown) => context.current.onError(error))
        .finally(() => {
          pending.current -= 1;
        });
    },
    [queue, freshId],
  );

  return { annotation: shown, save };
}
