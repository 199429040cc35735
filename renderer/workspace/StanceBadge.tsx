import type { Annotation } from '../../src/model/review';

/** The recorded stance as a coloured pill, with the status when it is not a draft. */
export function StanceBadge({ annotation }: { readonly annotation: Annotation | undefined }) {
  if (annotation === undefined || (annotation.stance === null && annotation.status === 'draft')) {
    return <span className="badge none" aria-label="No verdict yet" />;
  }
  const stance = annotation.stance ?? 'no stance';
  return (
    <span
      className={`badge stance-${annotation.stance ?? 'none'} status-${annotation.status}`}
      data-testid="stance-badge"
      title={`${stance}, ${annotation.status}`}
    >
      {stance}
      {annotation.status === 'reviewed' ? ' ✓' : annotation.status === 'disputed' ? ' !' : ''}
    </span>
  );
}
