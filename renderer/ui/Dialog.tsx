import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog on the native `<dialog>` element: focus is trapped and Escape closes it. */
export function Dialog({
  title,
  onClose,
  children,
  testId,
  wide = false,
}: {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly testId?: string;
  readonly wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog wide' : 'dialog'}
      aria-label={title}
      onClose={onClose}
      data-testid={testId}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}
