import { memo } from 'react';
import type { OutlineNode } from './outline';
import { preview } from './outline';

interface OutlineProps {
  readonly nodes: readonly OutlineNode[];
  /** Levels below this depth start collapsed. */
  readonly openDepth: number;
}

function UnitLine({ node }: { readonly node: OutlineNode }) {
  const { unit } = node;
  const text = preview(unit.text);
  return (
    <span className="unit-line">
      <span className={`unit-type type-${unit.type}`}>{unit.type}</span>
      <span className="unit-body">
        {unit.num !== null && <span className="unit-num">{unit.num}</span>}
        {unit.heading !== null && <span className="unit-heading">{unit.heading}</span>}
        {text !== '' && <span className="unit-text">{text}</span>}
        <span className="unit-page" title={`Page ${unit.page}`}>
          p. {unit.page}
        </span>
        {node.children.length > 0 && <span className="unit-children">{node.children.length}</span>}
      </span>
    </span>
  );
}

const OutlineItem = memo(function OutlineItem({
  node,
  depth,
  openDepth,
}: {
  readonly node: OutlineNode;
  readonly depth: number;
  readonly openDepth: number;
}) {
  if (node.children.length === 0) {
    return (
      <li className="unit leaf" data-unit-id={node.unit.id}>
        <UnitLine node={node} />
      </li>
    );
  }
  return (
    <li className="unit branch" data-unit-id={node.unit.id}>
      <details open={depth < openDepth}>
        <summary>
          <UnitLine node={node} />
        </summary>
        <ul>
          {node.children.map((child) => (
            <OutlineItem key={child.unit.id} node={child} depth={depth + 1} openDepth={openDepth} />
          ))}
        </ul>
      </details>
    </li>
  );
});

/** The clause tree as a collapsible outline (native `<details>`, so keyboard and screen readers work). */
export function Outline({ nodes, openDepth }: OutlineProps) {
  return (
    <ul className="outline" data-testid="outline">
      {nodes.map((node) => (
        <OutlineItem key={node.unit.id} node={node} depth={0} openDepth={openDepth} />
      ))}
    </ul>
  );
}
