import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Annotation, TextQuote } from '../../src/model/review';
import { newAnnotation, saveAnnotation, useDb } from '../db';
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

/**
 * Edits one annotation (of a unit, or of a link). Each edit is a patch applied, in order, to the
 * annotation as stored when its turn comes, so quick edits never undo one another whatever the
 * live query has delivered so far; a first edit creates the annotation under an id fixed for
 * this editor, so two quick first edits never make two. The editor shows each edit at once
 * (controlled inputs would otherwise flick back until the database answers).
 */
export function useAnnotationWriter(
  stored: Annotation | undefined,
  where: AnnotationTarget,
  author: string,
  onError: (error: unknown) => void,
): AnnotationWriter {
  const db = useDb();
  const [freshId] = useState(() => crypto.randomUUID());
  const [shown, setShown] = useState<Annotation | undefined>(stored);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const context = useRef({ where, author, stored, onError });
  useLayoutEffect(() => {
    context.current = { where, author, stored, onError };
  });

  // The database speaks for the annotation whenever none of this editor's writes is in flight
  // (after an undo, say, or an edit in another window).
  useEffect(() => {
    if (pending.current === 0) setShown(stored);
  }, [stored]);

  const save = useCallback(
    (patch: AnnotationPatch, coalesce?: string) => {
      const { where: at, author: by, stored: current } = context.current;
      const id = current?.id ?? freshId;
      const create = (): Annotation =>
        newAnnotation({
          id,
          projectId: at.projectId,
          source: at.source,
          target: at.target,
          quote: at.quote(),
          author: by,
        });
      setShown((before) => ({ ...(before ?? create()), ...patch, updatedAt: new Date().toISOString() }));
      pending.current += 1;
      queue.current = queue.current
        .then(async () => {
          // An annotation this author already has here (made by an editor that was just unmounted,
          // before the live query caught up) is edited, never doubled.
          let base =
            (await db.annotations.get(id)) ??
            (await db.annotations
              .where('[projectId+source]')
              .equals([at.projectId, at.source])
              .filter((a) => a.target === at.target && a.author === by)
              .first()) ??
            create();
          // A verdict written before the user gave their name becomes theirs on the next edit.
          if (base.author === '' && by !== '') base = { ...base, author: by };
          await saveAnnotation(
            db,
            { ...base, ...patch, updatedAt: new Date().toISOString() },
            coalesce === undefined ? {} : { coalesce },
          );
        })
        .catch((error: unknown) => context.current.onError(error))
        .finally(() => {
          pending.current -= 1;
        });
    },
    [db, freshId],
  );

  return { annotation: shown, save };
}
