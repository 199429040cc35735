import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

/**
 * A vertical divider between two panes: drag it, or focus it and use the arrow keys. `onResize`
 * gets the change in pixels; the owner clamps and stores the widths.
 */
export function Splitter({
  label,
  value,
  onResize,
  onDone,
}: {
  readonly label: string;
  readonly value: number;
  readonly onResize: (delta: number) => void;
  readonly onDone: () => void;
}) {
  const last = useRef<number | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    event.currentTarget.setPointerCapture(event.pointerId);
    last.current = event.clientX;
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (last.current === null) return;
    const delta = event.clientX - last.current;
    last.current = event.clientX;
    if (delta !== 0) onResize(delta);
  };
  const onPointerUp = (): void => {
    if (last.current === null) return;
    last.current = null;
    onDone();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = event.shiftKey ? 80 : 20;
    if (event.key === 'ArrowLeft') onResize(-step);
    else if (event.key === 'ArrowRight') onResize(step);
    else return;
    event.preventDefault();
    onDone();
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(value)}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
