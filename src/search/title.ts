/**
 * A document's name as a results list can show it: the short title an act gives itself in
 * brackets at the end of its long title (`… (Artificial Intelligence Act)`), else the title cut short.
 */
export function shortTitle(title: string, fallback: string, max = 40): string {
  const flat = title.replace(/\s+/g, ' ').trim();
  const named = /\(([^()]{3,80})\)\s*$/.exec(flat)?.[1]?.trim();
  if (named !== undefined) return named === 'Artificial Intelligence Act' ? 'AI Act' : named;
  if (flat === '') return fallback;
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
