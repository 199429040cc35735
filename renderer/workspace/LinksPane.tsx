import { useMemo, useState } from 'react';
import { stemsOf } from '../../src/compare/index';
import { formatCitation, resolveQuery } from '../../src/citations/index';
import type { TreeIndex } from '../../src/linking/index';
import type { Unit } from '../../src/model/clause';
import type { Annotation, LinkRecord } from '../../src/model/review';
import { unitQuote } from '../../src/model/quote';
import {
  compareWithProvisions,
  groupLinks,
  provisionContext,
  spotKey,
  type SpotVerdicts,
} from '../../src/review/index';
import { useWriteQueue } from '../storage/StorageBanner';
import { AnnotationEditor } from './AnnotationEditor';
import { MarkedText } from './MarkedText';
import { useAnnotationWriter } from './useAnnotationWriter';

interface Shared {
  readonly projectId: string;
  readonly code: TreeIndex;
  readonly law: TreeIndex;
  readonly unit: Unit;
  readonly knownTags: readonly string[];
  readonly author: string;
  readonly onError: (error: unknown) => void;
  readonly onSetAuthor: () => void;
  /** Opens a clause's original PDF page. */
  readonly onOpenPage: (doc: 'law' | 'code', clauseId: string) => void;
}

const BASIS_LABELS: Readonly<Record<string, string>> = {
  citation: 'cited',
  'citation-inherited': 'cited by its commitment',
  similarity: 'similar wording',
  definition: 'defined term',
};

function LinkVerdict({
  link,
  annotation,
  others,
  ...shared
}: Shared & {
  readonly link: LinkRecord;
  readonly annotation: Annotation | undefined;
  readonly others: readonly Annotation[];
}) {
  const { code, law, unit } = shared;
  const index = useMemo(() => code.tree.units.findIndex((u) => u.id === unit.id), [code, unit.id]);
  const writer = useAnnotationWriter(
    annotation,
    {
      projectId: shared.projectId,
      source: unit.id,
      target: link.target,
      quote: () => unitQuote(code.tree.units, index),
    },
    shared.author,
    shared.onError,
  );
  const comparison = useMemo(
    () => compareWithProvisions(code, law, unit.id, [link.target]),
    [code, law, unit.id, link.target],
  );
  return (
    <AnnotationEditor
      subject={`${formatCitation(unit.id)} → ${formatCitation(link.target)}`}
      annotation={writer.annotation}
      others={others}
      suggestion={link.suggestedStance ?? comparison?.suggestedStance ?? null}
      suggestionBasis={`compared with ${formatCitation(link.target)}`}
      knownTags={shared.knownTags}
      author={shared.author}
      onChange={writer.save}
      onSetAuthor={shared.onSetAuthor}
      testId="link-editor"
    />
  );
}

function LinkCard({
  link,
  annotation,
  others,
  ...shared
}: Shared & {
  readonly link: LinkRecord;
  readonly annotation: Annotation | undefined;
  readonly others: readonly Annotation[];
}) {
  const queue = useWriteQueue();
  const { code, law, unit } = shared;
  const context = useMemo(() => provisionContext(law, link.target), [law, link.target]);
  const codeStems = useMemo(() => stemsOf(code.textWithPoints(unit.id)), [code, unit.id]);
  const [showVerdict, setShowVerdict] = useState(false);
  const decide = (status: LinkRecord['status']): void => {
    // Through the write queue: a decision made while storage fails is kept and saved later.
    queue.enqueue({ kind: 'link-status', linkId: link.id, status }).catch(shared.onError);
  };
  const citation = formatCitation(link.target);
  return (
    <article
      className={`link-card status-${link.status}`}
      data-testid="link-card"
      data-target={link.target}
      data-status={link.status}
    >
      <header>
        <h3 className="citation">{citation}</h3>
        <div className="link-actions">
          <button
            type="button"
            className="link"
            onClick={() => shared.onOpenPage('law', link.target)}
            data-testid="open-page-link"
            title="Open the original page of the law"
          >
            Page {context?.unit.page ?? ''}
          </button>
          {link.status !== 'accepted' && (
            <button
              type="button"
              className="secondary accept"
              onClick={() => decide('accepted')}
              data-testid="accept-link"
            >
              Accept
            </button>
          )}
          {link.status !== 'rejected' && (
            <button
              type="button"
              className="secondary reject"
              onClick={() => decide('rejected')}
              data-testid="reject-link"
            >
              Reject
            </button>
          )}
          {link.status !== 'suggested' && link.origin === 'machine' && (
            <button type="button" className="link" onClick={() => decide('suggested')}>
              Undecide
            </button>
          )}
        </div>
      </header>
      {context === null ? (
        <p className="status error">This provision is not in the law as imported ({link.target}).</p>
      ) : (
        <>
          {context.heading !== null && <p className="context-heading">{context.heading}</p>}
          {context.leadIns.map((lead, i) => (
            <p key={i} className="lead-in">
              {lead}
            </p>
          ))}
          <p className="provision-text" data-testid="provision-text">
            <MarkedText text={context.text} other={codeStems} mode="present" />
          </p>
        </>
      )}
      <div className="basis">
        {link.origin === 'user' ? (
          <span className="pill user">added by you</span>
        ) : (
          <>
            {link.basis.map((basis) => (
              <span key={basis} className={`pill basis-${basis}`}>
                {BASIS_LABELS[basis] ?? basis}
              </span>
            ))}
            {link.score !== null && <span className="muted small">score {link.score.toFixed(2)}</span>}
            {link.rank !== null && <span className="muted small">· rank {link.rank}</span>}
          </>
        )}
      </div>
      {link.evidence.length > 0 && (
        <details className="evidence-box">
          <summary>Evidence ({link.evidence.length})</summary>
          <ul className="evidence">
            {link.evidence.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      {link.status === 'accepted' &&
        (showVerdict || annotation !== undefined || others.length > 0 ? (
          <LinkVerdict link={link} annotation={annotation} others={others} {...shared} />
        ) : (
          <button
            type="button"
            className="link"
            onClick={() => setShowVerdict(true)}
            data-testid="annotate-link"
          >
            Record a verdict on this link…
          </button>
        ))}
    </article>
  );
}

function AddLink({ projectId, law, unit, onError }: Pick<Shared, 'projectId' | 'law' | 'unit' | 'onError'>) {
  const queue = useWriteQueue();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const lawIds = useMemo(() => law.ids, [law]);
  const submit = (): void => {
    const resolution = resolveQuery(text, lawIds);
    if (resolution === null || resolution.target !== 'law') {
      setMessage(
        'Type a provision of the law, e.g. "Art 55(1)(c)", "Article 53(1), point (b)" or "Annex XI".',
      );
      return;
    }
    if (resolution.ids.length === 0) {
      setMessage(
        resolution.unresolved.map((u) => u.reason).join('; ') || `Nothing in the law matches "${text}".`,
      );
      return;
    }
    const notes = resolution.unresolved.map((u) => u.reason);
    Promise.all(
      resolution.ids.map((target) =>
        queue.enqueue({ kind: 'user-link', projectId, source: unit.id, target }),
      ),
    ).then(() => {
      setText('');
      setMessage(
        `Linked ${resolution.ids.map(formatCitation).join(', ')}.${notes.length > 0 ? ` Not found: ${notes.join('; ')}.` : ''}`,
      );
    }, onError);
  };
  return (
    <form
      className="add-link"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label>
        Add a link by citation
        <input
          type="text"
          value={text}
          placeholder="Art 55(1)(c)"
          onChange={(e) => setText(e.target.value)}
          data-testid="add-link-input"
          maxLength={200}
        />
      </label>
      <button type="submit" className="secondary" disabled={text.trim() === ''} data-testid="add-link">
        Add link
      </button>
      {message !== null && (
        <p className="muted small" role="status" data-testid="add-link-message">
          {message}
        </p>
      )}
    </form>
  );
}

/** The selected code unit's links: accepted ones, then suggestions with their evidence, then rejected ones. */
export function LinksPane(
  props: Shared & {
    readonly links: readonly LinkRecord[];
    /** Verdicts by unit and link: the user's own to edit, colleagues' to read. */
    readonly spots: ReadonlyMap<string, SpotVerdicts>;
  },
) {
  const { links, spots, ...shared } = props;
  const groups = groupLinks(links);
  const card = (link: LinkRecord) => (
    <LinkCard
      key={link.id}
      link={link}
      annotation={spots.get(spotKey(shared.unit.id, link.target))?.mine}
      others={spots.get(spotKey(shared.unit.id, link.target))?.others ?? []}
      {...shared}
    />
  );
  return (
    <section className="pane-body links-pane" aria-label="Linked provisions of the law">
      <AddLink {...shared} />
      <h3 className="group-head">Accepted ({groups.accepted.length})</h3>
      {groups.accepted.length === 0 ? (
        <p className="muted small">None yet: accept a suggestion below or add a link.</p>
      ) : (
        groups.accepted.map(card)
      )}
      <h3 className="group-head">Suggestions ({groups.suggested.length})</h3>
      {groups.suggested.length === 0 ? (
        <p className="muted small">No open suggestions.</p>
      ) : (
        groups.suggested.map(card)
      )}
      {groups.rejected.length > 0 && (
        <details className="rejected">
          <summary>Rejected ({groups.rejected.length})</summary>
          {groups.rejected.map(card)}
        </details>
      )}
    </section>
  );
}
