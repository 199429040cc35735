/** The import status line and the password dialog, rendered to markup. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ImportStatus } from '../../../renderer/import/ImportStatus';
import { byTestId, text } from '../overview/markup';

const noop = (): void => undefined;

describe('<ImportStatus> asking for a password', () => {
  it('shows a labelled password field with Cancel and Open, and no error at first', () => {
    const html = renderToStaticMarkup(
      <ImportStatus
        state={{ phase: 'password', name: 'locked.pdf', role: 'law', wrong: false }}
        onCancel={noop}
        onPassword={noop}
      />,
    );
    const dialog = byTestId(html, 'password-dialog');
    expect(dialog).toHaveLength(1);
    expect(dialog[0]?.name).toBe('dialog');
    expect(dialog[0]?.attrs['aria-label']).toBe('Password needed');
    const input = byTestId(html, 'password-input')[0];
    expect(input?.attrs['type']).toBe('password');
    // No browser or password manager offers to remember it.
    expect(html).toMatch(/<input[^>]*autocomplete="off"[^>]*data-testid="password-input"/i);
    expect(html).toMatch(/<label[^>]*>Password<input/);
    expect(byTestId(html, 'password-wrong')).toHaveLength(0);
    expect(text(html)).toContain('locked.pdf is encrypted. Enter its password to import it.');
    expect(byTestId(html, 'password-cancel')).toHaveLength(1);
    expect(byTestId(html, 'password-submit')).toHaveLength(1);
  });

  it('says "Wrong password, try again." as an alert after a wrong one', () => {
    const html = renderToStaticMarkup(
      <ImportStatus
        state={{ phase: 'password', name: 'locked.pdf', role: null, wrong: true }}
        onCancel={noop}
        onPassword={noop}
      />,
    );
    const wrong = byTestId(html, 'password-wrong')[0];
    expect(wrong?.attrs['role']).toBe('alert');
    expect(text(wrong?.after.split('</p>')[0] ?? '')).toBe('Wrong password, try again.');
    expect(byTestId(html, 'password-input')[0]?.attrs['aria-invalid']).toBe('true');
  });
});

describe('<ImportStatus> after a failure', () => {
  it('gives the reason and says that nothing was stored', () => {
    const html = renderToStaticMarkup(
      <ImportStatus
        state={{ phase: 'error', name: 'scan.pdf', message: 'The PDF has no text layer.' }}
        onCancel={noop}
        onPassword={noop}
      />,
    );
    const error = byTestId(html, 'error')[0];
    expect(error?.attrs['role']).toBe('alert');
    expect(text(error?.after ?? '')).toBe('scan.pdf: The PDF has no text layer. Nothing was stored.');
  });
});
