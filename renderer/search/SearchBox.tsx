/**
 * One box that searches the law, the code and the user's notes at once, as they type. Results
 * come from the search worker (./client.ts) grouped by where they were found; a citation
 * (`55(1)(c)`, `Art 53`, `Measure 9.3`) followed by Enter goes straight to the provision.
 *
 * The input keeps the focus while the list is open (ArrowUp/ArrowDown move through the results,
 * announced through `aria-activedescendant`; Enter opens one; Escape closes the list, and a
 * second Escape clears the box, or leaves it when it is empty).
 */
import {
  useEffect,
  useId,
  useMemo,
  useState,
  type ChangeEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import type { ClauseTree } from '../../src/model/clause';
import type { Annotation } from '../../src/model/review';
import { resolveDirect, shortTitle, type Snippet } from '../../src/search/index';
import { createSearch, isAbortError, type SearchAnswer } from './client';
import { moveActive, optionTarget, resultGroups, type ResultOption } from './results';
import './search.css';

export interface SearchBoxProps {
  readonly law: ClauseTree;
  readonly code: ClauseTree;
  readonly annotations: readonly Annotation[];
  /** Opens a unit of the code (a code hit, or the unit a note is on). */
  readonly onOpenCodeUnit: (id: string) => void;
  /** Opens a provision of the law. */
  readonly onOpenLawUnit: (id: string) => void;
  /** The input, for a shortcut that focuses it. */
  readonly inputRef?: Ref<HTMLInputElement>;
}

/** Hits per group: enough to choose from, few enough to fit without scrolling far. */
const LIMIT = 5;

function Marked({ snippet }: { readonly snippet: Snippet }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of snippet.marks) {
    if (start > at) parts.push(snippet.text.slice(at, start));
    parts.push(<mark key={start}>{snippet.text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < snippet.text.length) parts.push(snippet.text.slice(at));
  return <span className="search-snippet">{parts}</span>;
}

function OptionContent({ option, lawLabel }: { readonly option: ResultOption; readonly lawLabel: string }) {
  const { hit, direct } = option;
  if (direct !== null) {
    return (
      <span className="search-hit-head">
        <span className="search-citation">{direct.citation}</span>
        <span className="search-heading">{direct.doc === 'law' ? lawLabel : 'Code'} · press Enter</span>
      </span>
    );
  }
  if (hit === null) return null;
  if (hit.kind === 'unit') {
    return (
      <>
        <span className="search-hit-head">
          <span className="search-citation">{hit.citation}</span>
          {hit.heading !== null && hit.snippet.text !== hit.heading && (
            <span className="search-heading">{hit.heading}</span>
          )}
        </span>
        {hit.snippet.text !== '' && <Marked snippet={hit.snippet} />}
      </>
    );
  }
  return (
    <>
      <span className="search-hit-head">
        <span className="search-citation">{hit.citation}</span>
        {hit.stance !== null && <span className={`search-stance stance-${hit.stance}`}>{hit.stance}</span>}
        {hit.author !== '' && <span className="search-heading">{hit.author}</span>}
      </span>
      <Marked snippet={hit.snippet} />
    </>
  );
}

function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/** The search box with its results list. */
export function SearchBox(props: SearchBoxProps) {
  const { law, code, annotations, onOpenCodeUnit, onOpenLawUnit, inputRef } = props;
  // The client starts no worker until its first load, so creating it while rendering is harmless.
  const [client] = useState(createSearch);
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<string | null>(null);
  const baseId = useId();
  const listId = `${baseId}-results`;

  useEffect(() => () => client.dispose(), [client]);

  // The index follows the documents (a rebuild) and the notes (only what changed).
  useEffect(() => {
    const done = client.holds(law, code)
      ? client.updateNotes(annotations)
      : client.load(law, code, annotations);
    done.then(
      () => setProblem(null),
      (error: unknown) => {
        if (!isAbortError(error)) setProblem(error instanceof Error ? error.message : String(error));
      },
    );
  }, [client, law, code, annotations]);

  const lawIds = useMemo(() => new Set(law.units.map((u) => u.id as string)), [law]);
  const codeIds = useMemo(() => new Set(code.units.map((u) => u.id as string)), [code]);
  const lawLabel = shortTitle(law.document.title, 'Law');

  const shown = text.trim() === '' ? null : answer;
  const groups = resultGroups(shown, lawLabel);
  const options = groups.flatMap((g) => g.options);
  const optionId = (index: number): string => `${baseId}-option-${index}`;
  const current = active >= 0 && active < options.length ? active : -1;
  const showList = open && text.trim() !== '';
  const hitCount = shown === null ? 0 : shown.counts.law + shown.counts.code + shown.counts.notes;

  // The option moved to with the arrow keys is scrolled into sight.
  useEffect(() => {
    if (current >= 0)
      document.getElementById(`${baseId}-option-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [current, baseId]);

  const search = (value: string): void => {
    client.query(value, { limit: LIMIT }).then(
      (result) => {
        setAnswer(result);
        setActive(-1);
        setProblem(null);
      },
      (error: unknown) => {
        if (!isAbortError(error)) setProblem(error instanceof Error ? error.message : String(error));
      },
    );
  };

  const go = (target: { readonly doc: 'law' | 'code'; readonly id: string }): void => {
    setOpen(false);
    if (target.doc === 'law') onOpenLawUnit(target.id);
    else onOpenCodeUnit(target.id);
  };
  const choose = (option: ResultOption): void => go(optionTarget(option));

  const onChange = (event: ChangeEvent<HTMLInputElement>): void => {
    const value = event.target.value;
    setText(value);
    setOpen(true);
    // Even an empty query is sent: it supersedes the one still running for the previous text.
    search(value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!showList) {
          setOpen(true);
          return;
        }
        setActive(moveActive(current, event.key === 'ArrowDown' ? 1 : -1, options.length));
        return;
      }
      case 'Enter': {
        event.preventDefault();
        const picked = current >= 0 ? options[current] : undefined;
        if (picked !== undefined) {
          choose(picked);
          return;
        }
        // A citation is resolved here, not in the worker: Enter right after typing it must not
        // wait for (or miss) the results.
        const { direct } = resolveDirect(text, lawIds, codeIds);
        if (direct !== null) {
          go(direct);
          return;
        }
        const first = options[0];
        if (first !== undefined) choose(first);
        return;
      }
      case 'Escape': {
        event.preventDefault();
        if (showList) setOpen(false);
        else if (text !== '') {
          setText('');
          search('');
        } else event.currentTarget.blur();
        return;
      }
      default:
        return;
    }
  };

  return (
    <div className="search-box" role="search">
      <input
        ref={inputRef}
        type="search"
        role="searchbox"
        className="search-input"
        aria-label="Search both texts and notes"
        placeholder="Search texts and notes, or go to 55(1)(c)…"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-controls={showList && options.length > 0 ? listId : undefined}
        aria-activedescendant={showList && current >= 0 ? optionId(current) : undefined}
        value={text}
        onChange={onChange}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        data-testid="search-input"
      />
      <span className="sr-only" role="status" aria-live="polite">
        {showList && shown !== null
          ? hitCount === 0 && shown.direct === null
            ? 'No results'
            : `${hitCount} result${hitCount === 1 ? '' : 's'}${shown.direct !== null ? `, Enter goes to ${shown.direct.citation}` : ''}`
          : ''}
      </span>
      {showList && (
        <div className="search-popover" data-testid="search-results" data-query={shown?.query ?? ''}>
          {problem !== null && <p className="search-problem">{problem}</p>}
          {shown !== null && (
            <p className="search-status">
              <span>
                {hitCount > 0
                  ? `${hitCount} result${hitCount === 1 ? '' : 's'}`
                  : shown.direct !== null
                    ? 'No text uses these words'
                    : 'No results'}
              </span>
              <span className="search-ms" data-testid="search-ms" title="Time the search took">
                {formatMs(shown.ms)}
              </span>
            </p>
          )}
          {shown !== null && shown.unresolved !== null && <p className="search-note">{shown.unresolved}</p>}
          {shown !== null && shown.mode === 'any' && hitCount > 0 && (
            <p className="search-note">No entry has all these words; showing those with some of them.</p>
          )}
          {options.length > 0 && (
            <div className="search-list" role="listbox" id={listId} aria-label="Search results">
              {groups.map((group) => {
                const first = options.indexOf(group.options[0] as ResultOption);
                return (
                  <div
                    key={group.name}
                    role="group"
                    aria-label={group.name === 'direct' ? 'Go to' : `${group.label}, ${group.total}`}
                    className="search-group"
                    data-group={group.name}
                  >
                    <div className="search-group-title" aria-hidden="true">
                      <span>{group.label}</span>
                      {group.name !== 'direct' && <span className="search-count">{group.total}</span>}
                    </div>
                    {group.options.map((option, i) => {
                      const index = first + i;
                      return (
                        <div
                          key={option.key}
                          id={optionId(index)}
                          role="option"
                          aria-selected={index === current}
                          className={`search-hit${index === current ? ' active' : ''}`}
                          data-testid="search-hit"
                          data-doc={option.doc}
                          data-id={option.id}
                          data-unit={option.unit ?? undefined}
                          // Keeps the focus in the input, so the list does not close before the click.
                          onMouseDown={(event) => event.preventDefault()}
                          onClick={() => choose(option)}
                          onMouseMove={() => {
                            if (index !== current) setActive(index);
                          }}
                        >
                          <OptionContent option={option} lawLabel={lawLabel} />
                        </div>
                      );
                    })}
                    {group.total > group.options.length && group.name !== 'direct' && (
                      <div className="search-more" aria-hidden="true">
                        {group.total - group.options.length} more: add words to narrow the search
                      </div>
                    )}
                  </div>
                );
              })}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
