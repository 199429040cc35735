/** Parsing an encrypted PDF: ask for the password while it is missing or wrong, stop when the user cancels. */
import { describe, expect, it } from 'vitest';
import type { ClauseTree } from '../../../src/model/clause';
import { parseAskingPassword, passwordProblem } from '../../../renderer/import/password';
import { PipelineError } from '../../../renderer/worker/client';

const TREE = {
  document: { kind: 'other', title: 'Memo', pages: 1, fingerprint: 'f' },
  units: [],
} as unknown as ClauseTree;

/** A parse that opens only with `secret`, recording the passwords it was given. */
function lockedParse(tried: (string | undefined)[]) {
  return (password: string | undefined): Promise<ClauseTree> => {
    tried.push(password);
    if (password === 'secret') return Promise.resolve(TREE);
    return Promise.reject(
      password === undefined
        ? new PipelineError('password-required', 'The PDF is encrypted with a password.')
        : new PipelineError('password-wrong', 'The password for this encrypted PDF is not correct.'),
    );
  };
}

describe('parseAskingPassword', () => {
  it('asks, says when the answer was wrong, and opens with the right one', async () => {
    const tried: (string | undefined)[] = [];
    const questions: boolean[] = [];
    const answers = ['nope', 'secret'];
    const tree = await parseAskingPassword(lockedParse(tried), (wrong) => {
      questions.push(wrong);
      return Promise.resolve(answers.shift() ?? null);
    });
    expect(tree).toBe(TREE);
    expect(tried).toEqual([undefined, 'nope', 'secret']);
    expect(questions).toEqual([false, true]);
  });

  it('resolves null, trying nothing more, when the user cancels', async () => {
    const tried: (string | undefined)[] = [];
    const tree = await parseAskingPassword(lockedParse(tried), () => Promise.resolve(null));
    expect(tree).toBeNull();
    expect(tried).toEqual([undefined]);
  });

  it('never asks for a PDF that needs no password, and passes other failures on', async () => {
    let asked = 0;
    const ask = (): Promise<string | null> => {
      asked += 1;
      return Promise.resolve('secret');
    };
    await expect(parseAskingPassword(() => Promise.resolve(TREE), ask)).resolves.toBe(TREE);
    const scanned = new PipelineError('no-text', 'The PDF has no text layer.');
    await expect(parseAskingPassword(() => Promise.reject(scanned), ask)).rejects.toBe(scanned);
    const abort = new DOMException('The operation was cancelled.', 'AbortError');
    await expect(parseAskingPassword(() => Promise.reject(abort), ask)).rejects.toBe(abort);
    expect(asked).toBe(0);
  });
});

describe('passwordProblem', () => {
  it('reads the pipeline codes, and nothing else', () => {
    expect(passwordProblem(new PipelineError('password-required', 'x'))).toBe('needed');
    expect(passwordProblem(new PipelineError('password-wrong', 'x'))).toBe('wrong');
    expect(passwordProblem(new PipelineError('damaged', 'x'))).toBeNull();
    expect(passwordProblem(Object.assign(new Error('x'), { code: 'password-wrong' }))).toBeNull();
    expect(passwordProblem('password-wrong')).toBeNull();
  });
});
