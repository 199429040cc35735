/** Why a PDF could not be turned into a clause tree. Stable codes: the CLI and UI branch on them. */
export type PdfInputProblem =
  | 'empty'
  | 'not-pdf'
  | 'damaged'
  | 'password-required'
  | 'password-wrong'
  | 'no-text'
  | 'too-large'
  | 'cancelled';

/** An input the user can act on; `message` is one plain-language sentence, safe to show as is. */
export class PdfInputError extends Error {
  readonly code: PdfInputProblem;

  constructor(code: PdfInputProblem, message: string) {
    super(message);
    this.name = 'PdfInputError';
    this.code = code;
  }
}
