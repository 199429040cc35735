/**
 * Compact filters above the code tree: stances (any of several), status, a tag, "no link yet" and
 * "suggestions not reviewed", with Clear and the count of units that match. The filtering itself
 * is src/review/filters.ts; the host keeps the filter and applies it to the tree.
 */
import { useId } from 'react';
import { STANCES } from '../../src/model/review';
import {
  EMPTY_FILTER,
  isFilterActive,
  type CodeFilter,
  type StanceChoice,
  type StatusChoice,
} from '../../src/review/filters';
import '../search/filters.css';

export { EMPTY_FILTER, type CodeFilter } from '../../src/review/filters';

export interface TreeFiltersProps {
  readonly value: CodeFilter;
  readonly onChange: (filter: CodeFilter) => void;
  /** Tags in use in the project, to filter by. */
  readonly tags: readonly string[];
  /** Units that match the filter (`shown`) of all units in the tree (`total`): "12 of 42 shown". */
  readonly count: { readonly shown: number; readonly total: number };
}

const STANCE_CHOICES: readonly StanceChoice[] = [...STANCES, 'none'];

const STATUS_CHOICES: readonly { readonly value: StatusChoice; readonly label: string }[] = [
  { value: 'none', label: 'No verdict yet' },
  { value: 'draft', label: 'Draft' },
  { value: 'reviewed', label: 'Reviewed' },
  { value: 'disputed', label: 'Disputed' },
];

function isStatusChoice(value: string): value is StatusChoice {
  return STATUS_CHOICES.some((choice) => choice.value === value);
}

function stanceLabel(stance: StanceChoice): string {
  return stance === 'none' ? 'no stance' : stance;
}

/** The filter controls. */
export function TreeFilters({ value, onChange, tags, count }: TreeFiltersProps) {
  const id = useId();
  const active = isFilterActive(value);
  const toggleStance = (stance: StanceChoice): void =>
    onChange({
      ...value,
      stances: value.stances.includes(stance)
        ? value.stances.filter((s) => s !== stance)
        : STANCE_CHOICES.filter((s) => s === stance || value.stances.includes(s)),
    });
  // A tag filtered by that has since gone from every note stays selectable, so it can be seen and undone.
  const tagChoices = [...new Set([...tags, ...value.tags])];
  const status = value.statuses.length === 1 ? (value.statuses[0] ?? '') : '';
  const tag = value.tags.length === 1 ? (value.tags[0] ?? '') : '';

  return (
    <div className="tree-filters" role="group" aria-label="Filter the code's units">
      <div className="filter-stances" role="group" aria-label="Stance">
        {STANCE_CHOICES.map((stance) => {
          const pressed = value.stances.includes(stance);
          return (
            <button
              key={stance}
              type="button"
              className={`filter-chip stance-${stance}`}
              aria-pressed={pressed}
              title={stance === 'none' ? 'Units without a stance yet' : `Units recorded as “${stance}”`}
              onClick={() => toggleStance(stance)}
              data-testid={`filter-stance-${stance}`}
            >
              <span>
                {pressed ? '✓ ' : ''}
                {stanceLabel(stance)}
              </span>
            </button>
          );
        })}
      </div>
      <div className="filter-row">
        <label className="filter-field" htmlFor={`${id}-status`}>
          <span>Status</span>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(event) => {
              const next = event.target.value;
              onChange({ ...value, statuses: isStatusChoice(next) ? [next] : [] });
            }}
            data-testid="filter-status"
          >
            <option value="">Any</option>
            {STATUS_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <label className="filter-field" htmlFor={`${id}-tag`}>
          <span>Tag</span>
          <select
            id={`${id}-tag`}
            value={tag}
            disabled={tagChoices.length === 0}
            onChange={(event) =>
              onChange({ ...value, tags: event.target.value === '' ? [] : [event.target.value] })
            }
            data-testid="filter-tag"
          >
            <option value="">{tagChoices.length === 0 ? 'No tags yet' : 'Any'}</option>
            {tagChoices.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="filter-row">
        <label className="filter-check">
          <input
            type="checkbox"
            checked={value.noLink}
            onChange={(event) => onChange({ ...value, noLink: event.target.checked })}
            data-testid="filter-no-link"
          />
          No link yet
        </label>
        <label className="filter-check" title="The linker's suggestions are all still undecided">
          <input
            type="checkbox"
            checked={value.unreviewedSuggestion}
            onChange={(event) => onChange({ ...value, unreviewedSuggestion: event.target.checked })}
            data-testid="filter-unreviewed"
          />
          Suggestions not reviewed
        </label>
      </div>
      <div className="filter-row filter-foot">
        <span className="filter-count" role="status" data-testid="filter-count">
          {count.shown} of {count.total} shown
        </span>
        <button
          type="button"
          className="link"
          disabled={!active}
          onClick={() => onChange(EMPTY_FILTER)}
          data-testid="filter-clear"
        >
          Clear filters
        </button>
      </div>
    </div>
  );
}
