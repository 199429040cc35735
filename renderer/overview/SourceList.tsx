import { useId, useState } from 'react';
import { formatCitation } from '../../src/citations/index';
import type { Unit } from '../../src/model/clause';
import type { SourceLinks } from '../../src/review/coverage';
import { oneLine } from '../ui/format';

/** Units with suggestions only are listed this many at a time: an article can draw hundreds. */
export const SUGGESTED_SHOWN = 20;
/** Targets named per unit before "+N more". */
const TARGETS_SHOWN = 4;

export interface SourceListProps {
  readonly groups: { readonly accepted: readonly SourceLinks[]; readonly suggested: readonly SourceLinks[] };
  /** The provision the list is about: links to it exactly are not spelled out again. */
  readonly anchorId: string;
  readonly codeById: ReadonlyMap<string, Unit>;
  readonly onOpenUnit: (unitId: string) => void;
  /** `data-testid` of each unit's button. */
  readonly testId: string;
  readonly acceptedTitle: string;
  readonly suggestedTitle: string;
  /** Heading level of the two group titles. */
  readonly level: 3 | 5;
}

function targetsText(targets: readonly string[], anchorId: string): string {
  const named = targets.filter((target) => target !== anchorId).map(formatCitation);
  if (named.length === 0) return '';
  const shown = named.slice(0, TARGETS_SHOWN).join('; ');
  return named.length > TARGETS_SHOWN ? `${shown}; +${named.length - TARGETS_SHOWN} more` : shown;
}

function Entry({
  group,
  status,
  ...props
}: Omit<SourceListProps, 'groups' | 'acceptedTitle' | 'suggestedTitle' | 'level'> & {
  readonly group: SourceLinks;
  readonly status: 'accepted' | 'suggested';
}) {
  const unit = props.codeById.get(group.source);
  const title = unit?.heading ?? (unit !== undefined ? unit.text : '');
  const main = targetsText(status === 'accepted' ? group.accepted : group.suggested, props.anchorId);
  const more = status === 'accepted' ? group.suggested.length : 0;
  return (
    <li>
      <button
        type="button"
        className="lf-unit"
        onClick={() => props.onOpenUnit(group.source)}
        data-testid={props.testId}
        data-unit={group.source}
        data-status={status}
      >
        <span className="lf-cite">{formatCitation(group.source)}</span>
        {title !== '' && <span className="lf-heading">{oneLine(title, 80)}</span>}
        {main !== '' && <span className="lf-target">→ {main}</span>}
        {more > 0 && (
          <span className="lf-target">
            (and {more} open suggestion{more === 1 ? '' : 's'})
          </span>
        )}
      </button>
    </li>
  );
}

/**
 * The code units linking to a provision: those with an accepted link, then those with open
 * suggestions only (the first `SUGGESTED_SHOWN`, then on request all). Each unit is one button
 * that opens it, naming the provisions inside the anchor it links to.
 */
export function SourceList({ groups, level, acceptedTitle, suggestedTitle, ...props }: SourceListProps) {
  const [all, setAll] = useState(false);
  const acceptedId = useId();
  const suggestedId = useId();
  const Heading = level === 3 ? 'h3' : 'h5';
  const suggested = all ? groups.suggested : groups.suggested.slice(0, SUGGESTED_SHOWN);
  return (
    <>
      {groups.accepted.length > 0 && (
        <>
          <Heading className="lf-group" id={acceptedId}>
            {acceptedTitle} ({groups.accepted.length})
          </Heading>
          <ul className="lf-links" aria-labelledby={acceptedId}>
            {groups.accepted.map((group) => (
              <Entry key={group.source} group={group} status="accepted" {...props} />
            ))}
          </ul>
        </>
      )}
      {groups.suggested.length > 0 && (
        <>
          <Heading className="lf-group" id={suggestedId}>
            {suggestedTitle} ({groups.suggested.length})
          </Heading>
          <ul className="lf-links" aria-labelledby={suggestedId}>
            {suggested.map((group) => (
              <Entry key={group.source} group={group} status="suggested" {...props} />
            ))}
          </ul>
          {suggested.length < groups.suggested.length && (
            <button type="button" className="link" onClick={() => setAll(true)}>
              Show all {groups.suggested.length} units with suggestions
            </button>
          )}
        </>
      )}
    </>
  );
}
