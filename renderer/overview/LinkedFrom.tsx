import { useId, useMemo, useState } from 'react';
import { TreeIndex } from '../../src/linking/index';
import type { ClauseTree, Unit } from '../../src/model/clause';
import type { LinkRecord } from '../../src/model/review';
import { bySource, linksWithin } from '../../src/review/coverage';
import { provisionContext } from '../../src/review/context';
import { SourceList } from './SourceList';
import './overview.css';

export interface LinkedFromProps {
  readonly lawId: string;
  readonly law: ClauseTree;
  readonly code: ClauseTree;
  readonly links: readonly LinkRecord[];
  readonly onOpenUnit: (unitId: string) => void;
}

/** Beyond this many characters a provision's text is cut, with a button to show it whole. */
const TEXT_LIMIT = 1200;

/**
 * A law provision read from the law's side: its citation, the article and lead-in it sits under,
 * its text, and the code units that link to it or to anything inside it — accepted links first,
 * then open suggestions. A click on a unit opens it.
 */
export function LinkedFrom({ lawId, law, code, links, onOpenUnit }: LinkedFromProps) {
  const index = useMemo(() => new TreeIndex(law), [law]);
  const codeById = useMemo(() => new Map<string, Unit>(code.units.map((unit) => [unit.id, unit])), [code]);
  const groups = useMemo(() => bySource(linksWithin(law, code, lawId, links)), [law, code, lawId, links]);
  const context = useMemo(() => provisionContext(index, lawId), [index, lawId]);
  // Which provision the reader asked to see whole; another provision starts cut again.
  const [wholeFor, setWholeFor] = useState<string | null>(null);
  const headingId = useId();

  if (context === null) {
    return (
      <section className="linked-from pane-body" data-testid="linked-from">
        <p className="status error" role="alert">
          This provision is not in the law as imported ({lawId}).
        </p>
      </section>
    );
  }
  const whole = wholeFor === lawId || context.text.length <= TEXT_LIMIT;
  const text = whole ? context.text : `${context.text.slice(0, TEXT_LIMIT).trimEnd()}…`;
  return (
    <section className="linked-from pane-body" data-testid="linked-from" aria-labelledby={headingId}>
      <h2 id={headingId} className="lf-title" data-testid="linked-from-title">
        {context.citation}
        {context.unit.heading ? <span className="lf-own-heading"> — {context.unit.heading}</span> : null}
      </h2>
      {context.heading !== null && <p className="context-heading">{context.heading}</p>}
      {context.leadIns.map((lead, i) => (
        <p key={i} className="lead-in">
          {lead}
        </p>
      ))}
      {text !== '' && (
        <p className="provision-text" data-testid="linked-from-text">
          {text}
        </p>
      )}
      {!whole && (
        <button type="button" className="link" onClick={() => setWholeFor(lawId)}>
          Show the whole text ({context.text.length.toLocaleString('en')} characters)
        </button>
      )}
      {groups.accepted.length === 0 && groups.suggested.length === 0 ? (
        <p className="muted" data-testid="linked-from-none">
          No unit of the code links here yet: no accepted link and no open suggestion.
        </p>
      ) : (
        <SourceList
          key={lawId}
          groups={groups}
          anchorId={lawId}
          codeById={codeById}
          onOpenUnit={onOpenUnit}
          testId="linked-from-unit"
          acceptedTitle="Linked by the code (accepted)"
          suggestedTitle="Suggested, not yet decided"
          level={3}
        />
      )}
    </section>
  );
}
