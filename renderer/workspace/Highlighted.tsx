import type { Segment } from '../../src/compare/index';

/**
 * One side of a word alignment. `side="code"` prints the code's words and marks those the law
 * does not contain; `side="law"` prints the law's words and marks those the code reuses.
 */
export function Highlighted({
  segments,
  side,
}: {
  readonly segments: readonly Segment[];
  readonly side: 'code' | 'law';
}) {
  const other = side === 'code' ? 'law' : 'code';
  return (
    <>
      {segments.map((segment, index) => {
        if (segment.kind === other) return null;
        if (side === 'code' && segment.kind === 'code') {
          return (
            <mark key={index} className="code-only" title="Not in the linked law text">
              {segment.text}
            </mark>
          );
        }
        if (side === 'law' && segment.kind === 'shared' && /\w{3,}/.test(segment.text)) {
          return (
            <mark key={index} className="shared" title="Also in the code's text">
              {segment.text}
            </mark>
          );
        }
        return <span key={index}>{segment.text}</span>;
      })}
    </>
  );
}
