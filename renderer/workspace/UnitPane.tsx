import { useMemo } from 'react';
import { formatCitation } from '../../src/citations/index';
import { stemsOf } from '../../src/compare/index';
import type { TreeIndex } from '../../src/linking/index';
import type { Unit } from '../../src/model/clause';
import type { Annotation, LinkRecord } from '../../src/model/review';
import { unitQuote } from '../../src/model/quote';
import { compareWithProvisions } from '../../src/review/index';
import { AnnotationEditor } from './AnnotationEditor';
import { MarkedText } from './MarkedText';
import { useAnnotationWriter } from './useAnnotationWriter';

export interface UnitPaneProps {
  readonly projectId: string;
  readonly code: TreeIndex;
  readonly law: TreeIndex;
  readonly unit: Unit;
  /** The unit's links, accepted first (see orderLinks). */
  readonly links: readonly LinkRecord[];
  readonly annotation: Annotation | undefined;
  /** Colleagues' verdicts on this unit (merged from their bundles), shown read-only. */
  readonly others: readonly Annotation[];
  readonly knownTags: readonly string[];
  readonly author: string;
  readonly onError: (error: unknown) => void;
  readonly onSetAuthor: () => void;
  /** Opens a clause's original PDF page. */
  readonly onOpenPage: (doc: 'law' | 'code', clauseId: string) => void;
}

/** The unit's own text, then its points (and their points), each as its own paragraph. */
function parts(
  code: TreeIndex,
  unit: Unit,
): { readonly id: string; readonly label: string | null; readonly text: string; readonly depth: number }[] {
  const out: { id: string; label: string | null; text: string; depth: number }[] = [];
  if (unit.text !== '') out.push({ id: unit.id, label: null, text: unit.text, depth: 0 });
  const walk = (id: string, depth: number): void => {
    for (const child of code.children(id)) {
      if (child.type !== 'point') continue;
      out.push({ id: child.id, label: child.num, text: child.text, depth });
      walk(child.id, depth + 1);
    }
  };
  walk(unit.id, 0);
  return out;
}

/**
 * What the unit is read against: its accepted links; before any is accepted, the top suggestion
 * (and the pane says so).
 */
function comparedWith(links: readonly LinkRecord[]): {
  readonly targets: string[];
  readonly accepted: boolean;
} {
  const accepted = links.filter((link) => link.status === 'accepted').map((link) => link.target);
  if (accepted.length > 0) return { targets: accepted, accepted: true };
  const top = links.find((link) => link.status === 'suggested');
  return { targets: top === undefined ? [] : [top.target], accepted: false };
}

/** The selected code unit: its text with what the linked law does not say marked, and its verdict. */
export function UnitPane(props: UnitPaneProps) {
  const { unit, code, law, links } = props;
  const against = useMemo(() => comparedWith(links), [links]);
  const comparison = useMemo(
    () => compareWithProvisions(code, law, unit.id, against.targets),
    [code, law, unit, against],
  );
  const lawStems = useMemo(
    () => stemsOf(against.targets.map((target) => law.textInContext(target)).join('\n')),
    [law, against],
  );
  const paragraphs = useMemo(() => parts(code, unit), [code, unit]);
  const index = useMemo(() => code.tree.units.indexOf(unit), [code, unit]);
  const writer = useAnnotationWriter(
    props.annotation,
    {
      projectId: props.projectId,
      source: unit.id,
      target: null,
      quote: () => unitQuote(code.tree.units, index),
    },
    props.author,
    props.onError,
  );
  const citation = formatCitation(unit.id);
  const againstText = against.targets.map(formatCitation).join('; ');
  return (
    <section className="pane-body unit-pane" aria-label={`${citation} text and verdict`}>
      <header className="unit-head">
        <h2 data-testid="unit-title">
          {citation}
          {unit.heading ? <span className="unit-heading"> — {unit.heading}</span> : null}
        </h2>
        <p className="muted small">
          <button
            type="button"
            className="link"
            onClick={() => props.onOpenPage('code', unit.id)}
            data-testid="open-page"
          >
            Original page {unit.page}
          </button>{' '}
          · clause id <code>{unit.id}</code>
        </p>
      </header>
      <div className="unit-text" data-testid="unit-text">
        {paragraphs.map((part) => (
          <p key={part.id} className={`unit-part depth-${Math.min(part.depth, 3)}`}>
            {part.label !== null && <span className="point-num">{part.label} </span>}
            {comparison === null ? part.text : <MarkedText text={part.text} other={lawStems} mode="absent" />}
          </p>
        ))}
      </div>
      <p className="legend muted small">
        {comparison === null ? (
          'No linked provision yet: accept a suggestion or add a link to compare.'
        ) : (
          <>
            <mark className="code-only">Marked</mark> wording is not in{' '}
            {against.accepted ? 'the accepted provisions' : 'the top suggestion (not accepted yet)'}:{' '}
            {againstText}. {Math.round(comparison.alignment.overlap * 100)}% of the code&apos;s content words
            occur there.
          </>
        )}
      </p>
      <AnnotationEditor
        subject={citation}
        annotation={writer.annotation}
        others={props.others}
        suggestion={comparison?.suggestedStance ?? null}
        suggestionBasis={comparison === null ? null : `compared with ${againstText}`}
        knownTags={props.knownTags}
        author={props.author}
        onChange={writer.save}
        onSetAuthor={props.onSetAuthor}
        testId="unit-editor"
      />
    </section>
  );
}
