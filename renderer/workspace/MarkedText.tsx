import { useMemo } from 'react';
import { markWords } from '../../src/compare/index';

/**
 * Text with some words marked: in the code, the wording the linked law does not contain
 * (`absent`); in a provision, the wording the code also uses (`present`).
 */
export function MarkedText({
  text,
  other,
  mode,
}: {
  readonly text: string;
  readonly other: ReadonlySet<string>;
  readonly mode: 'absent' | 'present';
}) {
  const marks = useMemo(() => markWords(text, other, mode), [text, other, mode]);
  const className = mode === 'absent' ? 'code-only' : 'shared';
  const title = mode === 'absent' ? 'Not in the linked law text' : "Also in the code's text";
  return (
    <>
      {marks.map((mark, index) =>
        mark.marked ? (
          <mark key={index} className={className} title={title}>
            {mark.text}
          </mark>
        ) : (
          <span key={index}>{mark.text}</span>
        ),
      )}
    </>
  );
}
