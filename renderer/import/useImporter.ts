/**
 * Importing a PDF: parse it in the worker (progress by page, cancellable), then store the tree and
 * the bytes. Re-importing a file already in the library is recognised by its fingerprint.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentRecord } from '../../src/model/review';
import { saveDocument, useDb } from '../db';
import type { ImportRole, PdfFile } from '../platform';
import { useServices } from '../services';
import { plainMessage, isAbort } from '../ui/errors';

export type ImportState =
  | { readonly phase: 'idle' }
  | {
      readonly phase: 'reading';
      readonly name: string;
      readonly role: ImportRole | null;
      readonly done: number;
      readonly total: number;
    }
  | { readonly phase: 'saving'; readonly name: string; readonly role: ImportRole | null }
  | {
      readonly phase: 'done';
      readonly name: string;
      readonly role: ImportRole | null;
      readonly record: DocumentRecord;
      readonly existed: boolean;
    }
  | { readonly phase: 'cancelled'; readonly name: string }
  | { readonly phase: 'error'; readonly name: string | null; readonly message: string };

export interface Importer {
  readonly state: ImportState;
  /** Parses and stores a PDF; resolves with the stored record, or null when cancelled or failed. */
  readonly importPdf: (file: PdfFile, role: ImportRole | null) => Promise<DocumentRecord | null>;
  readonly cancel: () => void;
  readonly fail: (name: string | null, message: string) => void;
}

/** The import state machine behind the library's Import buttons, menus and drops. */
export function useImporter(): Importer {
  const db = useDb();
  const { pipeline } = useServices();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const importPdf = useCallback(
    async (file: PdfFile, role: ImportRole | null): Promise<DocumentRecord | null> => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      const current = (): boolean => running.current === controller;
      setState({ phase: 'reading', name: file.name, role, done: 0, total: 0 });
      try {
        const tree = await pipeline.parse(file.bytes, {
          signal: controller.signal,
          onProgress: (done, total) => {
            if (current()) setState({ phase: 'reading', name: file.name, role, done, total });
          },
        });
        if (!current()) return null;
        setState({ phase: 'saving', name: file.name, role });
        const { record, existed } = await saveDocument(db, tree, file.name, file.bytes);
        if (current()) setState({ phase: 'done', name: file.name, role, record, existed });
        return record;
      } catch (error) {
        if (current()) {
          setState(
            isAbort(error) || controller.signal.aborted
              ? { phase: 'cancelled', name: file.name }
              : { phase: 'error', name: file.name, message: plainMessage(error) },
          );
        }
        return null;
      } finally {
        if (current()) running.current = null;
      }
    },
    [db, pipeline],
  );

  const cancel = useCallback(() => running.current?.abort(), []);
  const fail = useCallback(
    (name: string | null, message: string) => setState({ phase: 'error', name, message }),
    [],
  );
  return { state, importPdf, cancel, fail };
}
