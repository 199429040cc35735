/**
 * Encrypted PDFs: parse, and while the PDF needs a password (or the one given is wrong), ask for
 * one and try again. The password lives only in this call's variables and the request to the
 * worker: it is never put in the app's state, stored or logged.
 */
import type { ClauseTree } from '../../src/model/clause';
import { PipelineError } from '../worker/client';

/** Why a parse wants a password: none was given (`needed`), or the one given was `wrong`. */
export function passwordProblem(error: unknown): 'needed' | 'wrong' | null {
  if (!(error instanceof PipelineError)) return null;
  if (error.code === 'password-required') return 'needed';
  if (error.code === 'password-wrong') return 'wrong';
  return null;
}

/**
 * Runs `parse` (first without a password) until it succeeds, fails for another reason (rejects
 * with that error), or `ask` answers null (the user cancelled: resolves null).
 */
export async function parseAskingPassword(
  parse: (password: string | undefined) => Promise<ClauseTree>,
  ask: (wrong: boolean) => Promise<string | null>,
): Promise<ClauseTree | null> {
  let password: string | undefined;
  for (;;) {
    try {
      return await parse(password);
    } catch (error) {
      const problem = passwordProblem(error);
      if (problem === null) throw error;
      const answer = await ask(problem === 'wrong');
      if (answer === null) return null;
      password = answer;
    }
  }
}
