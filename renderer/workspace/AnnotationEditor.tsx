import { useEffect, useId, useRef, useState } from 'react';
import type { SuggestedStance } from '../../src/compare/index';
import {
  MAX_STRENGTH,
  MIN_STRENGTH,
  RATIONALE_TYPES,
  RELATIONSHIPS,
  REVIEW_STATUSES,
  STANCES,
  type Annotation,
  type RationaleType,
  type Relationship,
  type ReviewStatus,
} from '../../src/model/review';
import { formatWhen } from '../ui/format';
import { TagInput } from './TagInput';

/** The fields a user edits; the rest (ids, quote, times, author) the host fills in. */
export type AnnotationPatch = Partial<
  Pick<
    Annotation,
    | 'stance'
    | 'relationship'
    | 'rationaleType'
    | 'strength'
    | 'rationale'
    | 'tags'
    | 'status'
    | 'fromSuggestion'
  >
>;

const RELATIONSHIP_LABELS: Readonly<Record<Relationship, string>> = {
  equal: 'equal',
  'subset-of': 'subset of',
  'superset-of': 'superset of',
  'intersects-with': 'intersects with',
  'no-relationship': 'no relationship',
};

/** Typing settles for this long before it is written (each pause is one autosave). */
const RATIONALE_SAVE_DELAY_MS = 300;

function RationaleField({
  value,
  onSave,
  label,
}: {
  readonly value: string;
  readonly onSave: (text: string) => void;
  readonly label: string;
}) {
  const [draft, setDraft] = useState(value);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(draft);
  const save = useRef(onSave);
  useEffect(() => {
    latest.current = draft;
    save.current = onSave;
  });

  // Follow the stored text (undo, another window) whenever the user has nothing unsaved.
  useEffect(() => {
    if (!dirty.current) setDraft(value);
  }, [value]);

  const flush = (): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current) return;
    dirty.current = false;
    save.current(latest.current);
  };
  // Unmounting (selecting another unit), hiding or closing the window must not lose the last keystrokes.
  useEffect(() => {
    const onHide = (): void => flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, []);

  return (
    <textarea
      value={draft}
      aria-label={label}
      rows={5}
      placeholder="Why? Quote the law and the code; Markdown is kept as written."
      data-testid="rationale"
      onChange={(event) => {
        dirty.current = true;
        setDraft(event.target.value);
        if (timer.current !== null) clearTimeout(timer.current);
        timer.current = setTimeout(flush, RATIONALE_SAVE_DELAY_MS);
      }}
      onBlur={flush}
    />
  );
}

export interface AnnotationEditorProps {
  /** What the verdict is about, e.g. `Measure 9.3` or `Measure 9.3 → Article 55(1), point (c)`. */
  readonly subject: string;
  readonly annotation: Annotation | undefined;
  /** Colleagues' verdicts here (merged from their bundles): shown, never edited in the user's name. */
  readonly others: readonly Annotation[];
  readonly suggestion: SuggestedStance | null;
  /** Where the suggestion came from, e.g. `compared with Article 55(1), point (c)`. */
  readonly suggestionBasis: string | null;
  readonly knownTags: readonly string[];
  readonly author: string;
  readonly onChange: (patch: AnnotationPatch, coalesce?: string) => void;
  readonly onSetAuthor: () => void;
  readonly testId: string;
}

/** Stance, NIST relationship, rationale, tags and status of one code unit or one link. */
export function AnnotationEditor(props: AnnotationEditorProps) {
  const { annotation, suggestion } = props;
  const id = useId();
  const stance = annotation?.stance ?? null;
  const adopted = annotation?.fromSuggestion === true && suggestion !== null && stance === suggestion.stance;
  return (
    <section className="editor" aria-label={`Verdict: ${props.subject}`} data-testid={props.testId}>
      {props.others.length > 0 && (
        <div className="others" data-testid="other-verdicts">
          <div className="field-label">Also recorded by colleagues</div>
          <ul>
            {props.others.map((other) => (
              <li key={other.id}>
                <b>{other.author || 'An unnamed author'}</b>:{' '}
                <span className={`stance-text stance-${other.stance ?? 'none'}`}>
                  {other.stance ?? 'no stance'}
                </span>
                , {other.status}
                {other.tags.length > 0 ? ` · ${other.tags.join(', ')}` : ''} · updated{' '}
                {formatWhen(other.updatedAt)}
                {other.rationale !== '' && <p className="other-rationale">{other.rationale}</p>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {suggestion !== null && (
        <div className={`suggestion${adopted ? ' adopted' : ''}`} data-testid="suggestion">
          <div className="suggestion-head">
            <span>
              Suggested stance:{' '}
              <b className={`stance-text stance-${suggestion.stance}`}>{suggestion.stance}</b>{' '}
              <span className="muted">
                ({Math.round(suggestion.confidence * 100)}% confidence
                {props.suggestionBasis ? `, ${props.suggestionBasis}` : ''})
              </span>
            </span>
            {adopted ? (
              <span className="muted small">Adopted — now yours to edit.</span>
            ) : (
              <button
                type="button"
                className="secondary"
                data-testid="adopt-suggestion"
                onClick={() => props.onChange({ stance: suggestion.stance, fromSuggestion: true })}
              >
                Adopt suggestion
              </button>
            )}
          </div>
          {suggestion.evidence.length > 0 && (
            <ul className="evidence">
              {suggestion.evidence.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          )}
          <p className="muted small">
            A machine suggestion from comparing the texts, not a legal assessment.
          </p>
        </div>
      )}
      <fieldset className="stances">
        <legend>Stance</legend>
        {STANCES.map((value) => (
          <label key={value} className={`stance-option stance-${value}${stance === value ? ' checked' : ''}`}>
            <input
              type="radio"
              name={`${id}-stance`}
              value={value}
              checked={stance === value}
              onChange={() => props.onChange({ stance: value })}
            />
            {value}
          </label>
        ))}
        {stance !== null && (
          <button
            type="button"
            className="link"
            onClick={() => props.onChange({ stance: null, fromSuggestion: false })}
          >
            Clear
          </button>
        )}
      </fieldset>
      <div className="nist">
        <label>
          Relationship (NIST IR 8477)
          <select
            value={annotation?.relationship ?? ''}
            data-testid="relationship"
            onChange={(e) =>
              props.onChange({
                relationship: e.target.value === '' ? null : (e.target.value as Relationship),
              })
            }
          >
            <option value="">—</option>
            {RELATIONSHIPS.map((value) => (
              <option key={value} value={value}>
                {RELATIONSHIP_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Rationale type
          <select
            value={annotation?.rationaleType ?? ''}
            onChange={(e) =>
              props.onChange({
                rationaleType: e.target.value === '' ? null : (e.target.value as RationaleType),
              })
            }
          >
            <option value="">—</option>
            {RATIONALE_TYPES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <label>
          Strength
          <select
            value={annotation?.strength ?? ''}
            onChange={(e) =>
              props.onChange({ strength: e.target.value === '' ? null : Number(e.target.value) })
            }
          >
            <option value="">—</option>
            {Array.from({ length: MAX_STRENGTH - MIN_STRENGTH + 1 }, (_, i) => MIN_STRENGTH + i).map(
              (value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ),
            )}
          </select>
        </label>
      </div>
      <label className="block">
        Rationale
        <RationaleField
          value={annotation?.rationale ?? ''}
          label={`Rationale for ${props.subject}`}
          onSave={(text) => props.onChange({ rationale: text }, 'rationale')}
        />
      </label>
      <div className="row">
        <div className="grow">
          <span className="field-label">Tags</span>
          <TagInput
            tags={annotation?.tags ?? []}
            known={props.knownTags}
            label={`Tags for ${props.subject}`}
            onChange={(tags) => props.onChange({ tags })}
          />
        </div>
        <label>
          Status
          <select
            value={annotation?.status ?? 'draft'}
            data-testid="status"
            onChange={(e) => props.onChange({ status: e.target.value as ReviewStatus })}
          >
            {REVIEW_STATUSES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="meta muted small">
        {annotation === undefined ? (
          'Nothing recorded yet. Every change is saved as you make it.'
        ) : (
          <>
            By {annotation.author || 'an unnamed author'} · created {formatWhen(annotation.createdAt)} ·
            updated {formatWhen(annotation.updatedAt)} · saved
          </>
        )}
        {props.author === '' && (
          <>
            {' · '}
            <button type="button" className="link" onClick={props.onSetAuthor}>
              Set your name
            </button>
          </>
        )}
      </p>
    </section>
  );
}
