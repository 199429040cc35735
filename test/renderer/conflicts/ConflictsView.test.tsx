import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConflictsReport, type ConflictActions } from '../../../renderer/conflicts/ConflictsView';
import type { Annotation } from '../../../src/model/review';
import { MINI_CODE, MINI_LAW } from '../../support/trees';
import { PROJECT } from '../overview/fixtures';
import { byTestId, text } from '../overview/markup';
import { by } from './fixtures';

const noop = (): void => undefined;
const ACTIONS: ConflictActions = {
  adopt: () => Promise.resolve(),
  keepMine: () => Promise.resolve(),
  reattach: () => Promise.resolve(),
  undo: () => Promise.resolve(),
  canUndo: false,
};

function render(annotations: readonly Annotation[], author = 'Ana') {
  return renderToStaticMarkup(
    <ConflictsReport
      project={PROJECT}
      law={MINI_LAW}
      code={MINI_CODE}
      annotations={annotations}
      resolutions={[]}
      author={author}
      actions={ACTIONS}
      onOpenUnit={noop}
      onBack={noop}
    />,
  );
}

const mine = by('Ana', 'msr_9.3', 'expands', { relationship: 'superset-of', strength: 7 });
const bobs = by('Bob', 'msr_9.3', 'clarifies', {
  relationship: 'subset-of',
  strength: 4,
  tags: ['gpai'],
  rationale: 'First line\n<script>alert(1)</script> & more',
  updatedAt: '2025-02-01T00:00:00Z',
});
const lost = by('Bob', 'msr_99.9', 'narrows', { target: 'art_99', rationale: 'Kept for the record' });

describe('<ConflictsReport>', () => {
  it('is titled, with a way back and a summary of what needs resolving', () => {
    const html = render([mine, bobs, lost]);
    expect(text(html)).toMatch(/^← WorkspaceConflicts and misplaced notes/);
    expect(byTestId(html, 'conflicts-back')).toHaveLength(1);
    expect(text(byTestId(html, 'conflicts-summary')[0]?.after ?? '')).toMatch(
      /^1 conflicting verdict · 1 note lost its place/,
    );
  });

  it("shows the user's verdict beside the colleague's, with the actions that settle it", () => {
    const html = render([mine, bobs]);
    const [card, ...more] = byTestId(html, 'conflict-card');
    expect(more).toHaveLength(0);
    expect(card?.attrs['data-source']).toBe('msr_9.3');
    const verdicts = byTestId(html, 'conflict-verdict').map((v) => [
      v.attrs['data-author'],
      v.attrs['data-stance'],
    ]);
    expect(verdicts).toEqual([
      ['Ana', 'expands'],
      ['Bob', 'clarifies'],
    ]);
    const body = text(card?.after ?? '');
    expect(body).toContain('Yours');
    expect(body).toContain('subset of');
    expect(body).toContain('4 of 10');
    expect(body).toContain('gpai');
    expect(text(byTestId(html, 'use-verdict')[0]?.after.split('</button>')[0] ?? '')).toBe(
      "Use Bob's verdict",
    );
    expect(byTestId(html, 'keep-mine')).toHaveLength(1);
    expect(byTestId(html, 'orphans-empty')).toHaveLength(1);
  });

  it('shows a rationale as text, markup escaped and line breaks kept', () => {
    const html = render([mine, bobs]);
    expect(html).not.toContain('<script>');
    expect(html).toContain('First line\n&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
  });

  it('offers no "Keep mine" to a user without a verdict there', () => {
    const carols = by('Carol', 'msr_9.3', 'narrows');
    const html = render([bobs, carols]);
    expect(byTestId(html, 'conflict-card')).toHaveLength(1);
    expect(byTestId(html, 'keep-mine')).toHaveLength(0);
    expect(byTestId(html, 'use-verdict')).toHaveLength(2);
    expect(text(byTestId(html, 'conflict-card')[0]?.after ?? '')).toContain('You have no verdict here yet.');
  });

  it('lists a note that lost its place with its old place, author, quote and a citation field', () => {
    const html = render([lost]);
    const [card] = byTestId(html, 'orphan-card');
    const body = text(card?.after ?? '');
    expect(body).toContain('Measure 99.9 → Article 99');
    expect(body).toContain('msr_99.9 → art_99');
    expect(body).toContain('Bob');
    expect(body).toContain('narrows');
    expect(body).toContain('Kept for the record');
    expect(body).toContain('Providers shall keep documentation');
    expect(body).toContain('it becomes a note on the unit itself');
    expect(byTestId(html, 'reattach-input')).toHaveLength(1);
    expect(byTestId(html, 'conflicts-empty')).toHaveLength(1);
  });

  it('says when there is nothing to resolve', () => {
    const html = render([mine]);
    expect(text(byTestId(html, 'conflicts-summary')[0]?.after ?? '')).toMatch(/^Nothing to resolve/);
    expect(byTestId(html, 'conflicts-empty')).toHaveLength(1);
    expect(byTestId(html, 'orphans-empty')).toHaveLength(1);
  });
});
