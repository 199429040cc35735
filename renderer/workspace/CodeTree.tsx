import { memo, useState } from 'react';
import type { Annotation } from '../../src/model/review';
import { oneLine } from '../ui/format';
import { unitLabel, type CodeNode } from './code-tree';
import { StanceBadge } from './StanceBadge';

interface TreeProps {
  readonly nodes: readonly CodeNode[];
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
  readonly verdicts: ReadonlyMap<string, Annotation>;
  readonly accepted: ReadonlyMap<string, number>;
  /** Units a filter leaves visible (with their ancestors); null when no filter is set. */
  readonly visible: ReadonlySet<string> | null;
}

function containsSelected(node: CodeNode, selected: string | null): boolean {
  return (
    selected !== null &&
    (node.unit.id === selected || node.children.some((child) => containsSelected(child, selected)))
  );
}

const Node = memo(function Node({ node, ...props }: TreeProps & { readonly node: CodeNode }) {
  const { unit } = node;
  const [open, setOpen] = useState<boolean | null>(null);
  // Commitments start open; measures open when the selection is inside them.
  // With a filter set, every branch that still has something to show is open.
  const expanded =
    open ?? (props.visible !== null || node.depth === 0 || containsSelected(node, props.selected));
  const children =
    props.visible === null
      ? node.children
      : node.children.filter((child) => props.visible?.has(child.unit.id));
  const verdict = props.verdicts.get(unit.id);
  const links = props.accepted.get(unit.id) ?? 0;
  const title = unit.heading ? oneLine(unit.heading, 90) : oneLine(unit.text, 90);
  return (
    <li
      role="treeitem"
      aria-expanded={children.length > 0 ? expanded : undefined}
      aria-selected={props.selected === unit.id}
    >
      <div
        className={`tree-row depth-${Math.min(node.depth, 3)}${props.selected === unit.id ? ' selected' : ''}`}
      >
        {children.length > 0 ? (
          <button
            type="button"
            className="twisty"
            aria-label={expanded ? `Collapse ${unitLabel(unit)}` : `Expand ${unitLabel(unit)}`}
            onClick={() => setOpen(!expanded)}
          >
            {expanded ? '▾' : '▸'}
          </button>
        ) : (
          <span className="twisty" aria-hidden="true" />
        )}
        <button
          type="button"
          className="tree-label"
          data-testid="tree-unit"
          data-unit={unit.id}
          onClick={() => props.onSelect(unit.id)}
          aria-current={props.selected === unit.id ? 'true' : undefined}
        >
          <span className="unit-num">{unitLabel(unit)}</span>
          {unit.type !== 'point' || title !== '' ? <span className="unit-title">{title}</span> : null}
        </button>
        {links > 0 && (
          <span className="link-count" title={`${links} accepted link${links === 1 ? '' : 's'}`}>
            {links}
          </span>
        )}
        <StanceBadge annotation={verdict} />
      </div>
      {expanded && children.length > 0 && (
        <ul role="group">
          {children.map((child) => (
            <Node key={child.unit.id} node={child} {...props} />
          ))}
        </ul>
      )}
    </li>
  );
});

/** The code's commitments › measures › points, each with its verdict badge. */
export function CodeTree(props: TreeProps) {
  if (props.nodes.length === 0)
    return <p className="muted pad">This document has no commitments or measures to review.</p>;
  const roots =
    props.visible === null ? props.nodes : props.nodes.filter((node) => props.visible?.has(node.unit.id));
  if (roots.length === 0) return <p className="muted pad">No unit matches the filters.</p>;
  return (
    <ul className="code-tree" role="tree" aria-label="Code units">
      {roots.map((node) => (
        <Node key={node.unit.id} node={node} {...props} />
      ))}
    </ul>
  );
}
