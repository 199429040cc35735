/** Errors as the user reads them. */

const FALLBACK = 'Something went wrong. Nothing you had stored was changed.';

/** The error's own message when it is meant for people (the parser and pipeline word theirs so), else a generic sentence. */
export function plainMessage(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== '') return error.message;
  if (typeof error === 'string' && error.trim() !== '') return error;
  return FALLBACK;
}

/** True for the rejection a cancelled operation produces. */
export function isAbort(error: unknown): boolean {
  return (error instanceof DOMException || error instanceof Error) && error.name === 'AbortError';
}
