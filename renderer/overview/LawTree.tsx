import { useMemo, useState, type KeyboardEvent } from 'react';
import type { ClauseTree, Unit } from '../../src/model/clause';
import type { LinkRecord } from '../../src/model/review';
import { provisionCounts } from '../../src/review/coverage';
import { oneLine } from '../ui/format';
import { ancestorIds, childIndex, lawUnitLabel, treeKey, visibleRows, type LawRow } from './law-tree';
import './overview.css';

export { LinkedFrom } from './LinkedFrom';

export interface LawTreeProps {
  readonly law: ClauseTree;
  readonly links: readonly LinkRecord[];
  readonly selectedLawId: string | null;
  readonly onSelect: (lawId: string) => void;
}

function rowTitle(unit: Unit, label: string): string {
  if (unit.heading && unit.heading !== label) return oneLine(unit.heading, 90);
  return oneLine(unit.text, 90);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The law's chapters › articles › paragraphs › points as a tree (WAI-ARIA tree: arrow keys, Home,
 * End, Enter). Each provision shows how many accepted links reach it or anything inside it, and a
 * dot while open suggestions do. Chapters start closed and only open branches are drawn; the
 * branches holding the selected provision open by themselves.
 */
export function LawTree({ law, links, selectedLawId, onSelect }: LawTreeProps) {
  const children = useMemo(() => childIndex(law), [law]);
  const byId = useMemo(() => new Map<string, Unit>(law.units.map((unit) => [unit.id, unit])), [law]);
  const counts = useMemo(() => provisionCounts(law, links), [law, links]);
  // The reader's own openings and closings; a branch they never touched is open only when it holds
  // the selection.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const [focusId, setFocusId] = useState<string | null>(null);
  const revealed = useMemo(
    () => new Set(selectedLawId === null ? [] : ancestorIds(byId, selectedLawId)),
    [byId, selectedLawId],
  );
  const rows = useMemo(
    () => visibleRows(children, (id) => toggled.get(id) ?? revealed.has(id)),
    [children, toggled, revealed],
  );
  if (rows.length === 0) return <p className="muted pad">This law has no provisions.</p>;

  // One row is in the tab order: the focused one, else the selection, else the first.
  const visible = new Set<string>(rows.map((row) => row.unit.id));
  const tabbable =
    focusId !== null && visible.has(focusId)
      ? focusId
      : selectedLawId !== null && visible.has(selectedLawId)
        ? selectedLawId
        : (rows[0]?.unit.id ?? null);

  const toggle = (id: string, open: boolean): void => {
    setToggled((previous) => new Map(previous).set(id, open));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, row: LawRow): void => {
    const action = treeKey(rows, row.unit.id, event.key);
    if (action === null) return;
    event.preventDefault();
    switch (action.kind) {
      case 'focus': {
        setFocusId(action.id);
        const tree = event.currentTarget.parentElement;
        const target = tree?.querySelector<HTMLElement>(`[data-unit="${CSS.escape(action.id)}"]`);
        target?.focus();
        return;
      }
      case 'toggle':
        toggle(action.id, action.open);
        return;
      case 'select':
        onSelect(action.id);
        return;
      default: {
        const unreachable: never = action;
        return unreachable;
      }
    }
  };

  return (
    <ul className="law-tree" role="tree" aria-label="The law's provisions" data-testid="law-tree">
      {rows.map((row) => {
        const { unit } = row;
        const label = lawUnitLabel(unit);
        const title = rowTitle(unit, label);
        const within = counts.get(unit.id)?.within;
        const accepted = within?.accepted ?? 0;
        const suggested = within?.suggested ?? 0;
        const selected = unit.id === selectedLawId;
        return (
          <li
            key={unit.id}
            role="treeitem"
            aria-level={row.level}
            aria-posinset={row.position}
            aria-setsize={row.siblings}
            aria-expanded={row.hasChildren ? row.expanded : undefined}
            aria-selected={selected}
            tabIndex={unit.id === tabbable ? 0 : -1}
            className={`law-row${selected ? ' selected' : ''}`}
            style={{ paddingLeft: `${4 + (row.level - 1) * 14}px` }}
            data-testid="law-unit"
            data-unit={unit.id}
            onClick={() => {
              setFocusId(unit.id);
              // Choosing a chapter or an article also shows what is in it.
              if (row.hasChildren && !row.expanded) toggle(unit.id, true);
              onSelect(unit.id);
            }}
            onKeyDown={(event) => onKeyDown(event, row)}
          >
            {row.hasChildren ? (
              <span
                className="law-twisty"
                aria-hidden="true"
                onClick={(event) => {
                  // Opening a branch is not choosing it.
                  event.stopPropagation();
                  setFocusId(unit.id);
                  toggle(unit.id, !row.expanded);
                }}
              >
                {row.expanded ? '▾' : '▸'}
              </span>
            ) : (
              <span className="law-twisty" aria-hidden="true" />
            )}
            <span className="law-label">
              <span className="law-num">{label}</span>
              {title !== '' && <span className="law-title">{title}</span>}
            </span>
            {accepted > 0 && (
              <span
                className="law-count"
                title={`${plural(accepted, 'accepted link')} to this provision or inside it`}
              >
                {accepted}
                <span className="sr-only"> {accepted === 1 ? 'accepted link' : 'accepted links'}</span>
              </span>
            )}
            {suggested > 0 && (
              <span className="law-dot" title={`${plural(suggested, 'open suggestion')}`}>
                <span className="sr-only">{plural(suggested, 'open suggestion')}</span>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
