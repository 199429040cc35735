/** Verdicts by two reviewers on the mini code, some on places the mini documents do not have. */
import type { Annotation, ReviewStance } from '../../../src/model/review';

export function by(
  author: string,
  source: string,
  stance: ReviewStance | null,
  fields: Partial<Annotation> = {},
): Annotation {
  return {
    id: `${author}-${source}-${fields.target ?? ''}`,
    projectId: 'p',
    source,
    target: null,
    quote: { exact: 'Providers shall keep documentation', prefix: '', suffix: '' },
    stance,
    relationship: null,
    rationaleType: null,
    strength: null,
    rationale: '',
    tags: [],
    status: 'draft',
    author,
    fromSuggestion: false,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    ...fields,
  };
}
