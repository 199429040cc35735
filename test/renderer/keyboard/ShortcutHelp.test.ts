import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ShortcutHelp } from '../../../renderer/keyboard/ShortcutHelp';
import { keyLabel, SHORTCUTS } from '../../../renderer/keyboard/keys';

/** The help as text, tags dropped, spaces collapsed: what a reader sees. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('the shortcut help', () => {
  const html = renderToStaticMarkup(createElement(ShortcutHelp, { onClose: () => undefined }));

  it('is a labelled dialog with the test id', () => {
    expect(html).toMatch(/^<dialog[^>]*aria-label="Keyboard shortcuts"[^>]*data-testid="shortcut-help"/);
  });

  it('lists every shortcut with its keys and what it does', () => {
    const rows = html.split('data-testid="shortcut-row"').slice(1);
    expect(rows).toHaveLength(SHORTCUTS.length);
    SHORTCUTS.forEach((shortcut, i) => {
      const row = text(rows[i] ?? '');
      const keys = shortcut.keys.map((k) => `<kbd>${keyLabel(k)}</kbd>`);
      for (const kbd of keys) expect(rows[i]).toContain(kbd);
      expect(row).toContain(shortcut.description);
    });
    expect(text(html)).toContain('g then o');
    expect(text(html)).toContain('Esc');
  });

  it('has table headers and a Close button that closes the dialog', () => {
    expect(html).toContain('<th scope="col">Keys</th>');
    expect(html).toMatch(/<form[^>]*method="dialog"[^>]*><button type="submit"[^>]*>Close<\/button><\/form>/);
  });
});
