/**
 * Importing a PDF: parse it in the worker (progress by page, cancellable), then store the tree and
 * the bytes. Re-importing a file already in the library is recognised by its fingerprint. An
 * encrypted PDF pauses the import to ask for its password (./password.ts); nothing is stored
 * until the whole document has been read, so a failure or Cancel at any point leaves the library
 * as it was.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentRecord } from '../../src/model/review';
import { saveDocument, useDb } from '../db';
import type { ImportRole, PdfFile } from '../platform';
import { useServices } from '../services';
import { plainMessage, isAbort } from '../ui/errors';
import { parseAskingPassword } from './password';

export type ImportState =
  | { readonly phase: 'idle' }
  | {
      readonly phase: 'reading';
      readonly name: string;
      readonly role: ImportRole | null;
      readonly done: number;
      readonly total: number;
    }
  | {
      /** The PDF is encrypted: waiting for the user to give its password (again, if `wrong`). */
      readonly phase: 'password';
      readonly name: string;
      readonly role: ImportRole | null;
      readonly wrong: boolean;
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
  /** Answers the password question of the `password` phase; null gives up (like Cancel). */
  readonly answerPassword: (password: string | null) => void;
  readonly fail: (name: string | null, message: string) => void;
}

/** The import state machine behind the library's Import buttons, menus and drops. */
export function useImporter(): Importer {
  const db = useDb();
  const { pipeline } = useServices();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);
  /** Settles the pending password question, if one is open. */
  const asking = useRef<((answer: string | null) => void) | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const importPdf = useCallback(
    async (file: PdfFile, role: ImportRole | null): Promise<DocumentRecord | null> => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      const current = (): boolean => running.current === controller;
      const reading = (): void => setState({ phase: 'reading', name: file.name, role, done: 0, total: 0 });
      const ask = (wrong: boolean): Promise<string | null> =>
        new Promise((resolve) => {
          if (controller.signal.aborted) {
            resolve(null);
            return;
          }
          const settle = (answer: string | null): void => {
            controller.signal.removeEventListener('abort', onAbort);
            if (asking.current === settle) asking.current = null;
            if (answer !== null && current()) reading();
            resolve(answer);
          };
          const onAbort = (): void => settle(null);
          controller.signal.addEventListener('abort', onAbort, { once: true });
          asking.current = settle;
          if (current()) setState({ phase: 'password', name: file.name, role, wrong });
        });
      reading();
      try {
        const tree = await parseAskingPassword(
          (password) =>
            pipeline.parse(file.bytes, {
              signal: controller.signal,
              onProgress: (done, total) => {
                if (current()) setState({ phase: 'reading', name: file.name, role, done, total });
              },
              ...(password !== undefined ? { password } : {}),
            }),
          ask,
        );
        if (!current()) return null;
        if (tree === null) {
          setState({ phase: 'cancelled', name: file.name });
          return null;
        }
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
  const answerPassword = useCallback((password: string | null) => asking.current?.(password), []);
  const fail = useCallback(
    (name: string | null, message: string) => setState({ phase: 'error', name, message }),
    [],
  );
  return { state, importPdf, cancel, answerPassword, fail };
}
