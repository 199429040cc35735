/**
 * The search box's list, apart from React: which groups it shows in which order, where each
 * result leads, and how the arrow keys move through it.
 */
import type { DirectTarget, Hit, SearchResults } from '../../src/search/index';

export type GroupName = 'direct' | 'code' | 'law' | 'notes';

/** One entry of the list: a provision named outright, a unit found, or a note found. */
export interface ResultOption {
  /** Unique in the list. */
  readonly key: string;
  /** `law` or `code` for a provision, `note` for a note. */
  readonly doc: 'law' | 'code' | 'note';
  /** The clause id, or the annotation id of a note. */
  readonly id: string;
  /** The code unit a note is on; null for a provision. */
  readonly unit: string | null;
  readonly hit: Hit | null;
  readonly direct: DirectTarget | null;
}

export interface ResultGroup {
  readonly name: GroupName;
  readonly label: string;
  /** How many matched in all (the list shows the first few). */
  readonly total: number;
  readonly options: readonly ResultOption[];
}

function hitOption(hit: Hit): ResultOption {
  return hit.kind === 'unit'
    ? { key: hit.key, doc: hit.doc, id: hit.id, unit: null, hit, direct: null }
    : { key: hit.key, doc: 'note', id: hit.id, unit: hit.source, hit, direct: null };
}

/**
 * The groups with something in them, in the order the list shows them: the provision the query
 * names (Enter goes there), then the code, the law (`lawLabel`) and the notes.
 */
export function resultGroups(results: SearchResults | null, lawLabel: string): ResultGroup[] {
  if (results === null) return [];
  const groups: ResultGroup[] = [];
  const { direct } = results;
  if (direct !== null)
    groups.push({
      name: 'direct',
      label: 'Go to',
      total: 1,
      options: [
        {
          key: `direct:${direct.doc}:${direct.id}`,
          doc: direct.doc,
          id: direct.id,
          unit: null,
          hit: null,
          direct,
        },
      ],
    });
  groups.push(
    { name: 'code', label: 'Code', total: results.counts.code, options: results.code.map(hitOption) },
    { name: 'law', label: lawLabel, total: results.counts.law, options: results.law.map(hitOption) },
    { name: 'notes', label: 'Notes', total: results.counts.notes, options: results.notes.map(hitOption) },
  );
  return groups.filter((group) => group.options.length > 0);
}

/** Where opening an entry goes: a provision of the law, or a unit of the code (a note's unit). */
export function optionTarget(option: ResultOption): { readonly doc: 'law' | 'code'; readonly id: string } {
  if (option.doc === 'note') return { doc: 'code', id: option.unit ?? option.id };
  return { doc: option.doc, id: option.id };
}

/**
 * The entry an arrow key makes active, wrapping at both ends; from none (-1), Down goes to the
 * first and Up to the last. -1 when the list is empty.
 */
export function moveActive(current: number, step: 1 | -1, count: number): number {
  if (count <= 0) return -1;
  if (current < 0 || current >= count) return step > 0 ? 0 : count - 1;
  return (current + step + count) % count;
}
