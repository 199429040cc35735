/**
 * The web build's PDF: the memo's self-contained HTML in a hidden, sandboxed frame, printed with
 * the browser's own dialog (where the user picks "Save as PDF"). The frame is sandboxed without
 * scripts, and the memo's CSP forbids every resource, so nothing in a note can run or load.
 */

/** Prints `html` through the browser's print dialog; resolves once the dialog has been shown. */
export function printHtml(html: string, title: string, doc: Document = document): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const frame = doc.createElement('iframe');
    // `allow-modals` lets the frame open the print dialog; same-origin lets this page call print().
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.title = title;
    frame.dataset['testid'] = 'print-frame';
    Object.assign(frame.style, {
      position: 'fixed',
      right: '0',
      bottom: '0',
      width: '0',
      height: '0',
      border: '0',
    });
    frame.addEventListener(
      'load',
      () => {
        const view = frame.contentWindow;
        if (view === null) {
          frame.remove();
          reject(new Error('The memo could not be prepared for printing.'));
          return;
        }
        // print() blocks until the dialog closes in most browsers; remove the frame after it.
        view.addEventListener('afterprint', () => frame.remove(), { once: true });
        try {
          view.focus();
          view.print();
          resolve();
        } catch (error) {
          frame.remove();
          reject(error instanceof Error ? error : new Error('Printing failed.'));
        }
      },
      { once: true },
    );
    frame.srcdoc = html;
    doc.body.append(frame);
  });
}
