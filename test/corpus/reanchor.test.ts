/**
 * Re-anchoring on the real Safety and Security chapter: one verdict on every commitment, measure and
 * point, then a revision of the chapter made the way drafts change (a measure inserted, so the
 * ones after it are renumbered; wording tightened; a measure deleted). Every verdict must land on
 * the unit that now holds its text, and only the deleted measure's verdicts may be orphans.
 */
import { describe, expect, it } from 'vitest';
import type { ClauseId, ClauseTree, Unit } from '../../src/model/clause';
import { unitQuote } from '../../src/model/quote';
import type { Annotation } from '../../src/model/review';
import { reanchorAnnotations } from '../../src/review/anchor';
import { CODE_SAFETY, corpusAvailable, parseCorpus, skipReason } from './corpus';

const REVIEWED = new Set(['commitment', 'measure', 'point']);

function verdicts(tree: ClauseTree): Annotation[] {
  return tree.units.flatMap((unit, i) =>
    REVIEWED.has(unit.type)
      ? [
          {
            id: `a-${unit.id}`,
            projectId: 'p',
            source: unit.id,
            target: null,
            quote: unitQuote(tree.units, i),
            stance: 'clarifies',
            relationship: null,
            rationaleType: null,
            strength: null,
            rationale: '',
            tags: [],
            status: 'draft',
            author: 'A',
            fromSuggestion: false,
            createdAt: '',
            updatedAt: '',
          } satisfies Annotation,
        ]
      : [],
  );
}

/** `msr_3.2__point_1` → `msr_3.3__point_1`: every measure of Commitment 3 moves up one number. */
function renumber(id: string): string {
  return id.replace(/^msr_3\.(\d+)/, (_, n: string) => `msr_3.${Number(n) + 1}`);
}

describe.skipIf(!corpusAvailable)(
  `re-anchoring verdicts on a revised Safety and Security chapter${skipReason}`,
  () => {
    it('follows renumbered and reworded units, and orphans only the deleted measure’s verdicts', async () => {
      const code = await parseCorpus(CODE_SAFETY);
      const notes = verdicts(code);
      expect(notes.length).toBeGreaterThan(300);

      const first = code.units.findIndex((u) => u.id.startsWith('msr_3.'));
      expect(first).toBeGreaterThan(0);
      const inserted: Unit = {
        ...(code.units[first] as Unit),
        id: 'msr_3.1' as ClauseId,
        num: '3.1',
        heading: 'Register of systemic risk sources',
        text: 'Signatories will keep a register of the sources of systemic risk they have considered, with the date each was last reviewed.',
      };
      const deleted = new Set(
        code.units.filter((u) => /^msr_7\.2(__|$)/.test(u.id)).map((u) => u.id as string),
      );
      expect(deleted.size).toBeGreaterThan(0);
      const revisedUnits: Unit[] = [];
      code.units.forEach((unit, i) => {
        if (i === first) revisedUnits.push(inserted);
        if (deleted.has(unit.id)) return;
        const id = renumber(unit.id) as ClauseId;
        const parent = unit.parent === null ? null : (renumber(unit.parent) as ClauseId);
        // Commitment 5's units tighten their wording: "will" becomes "shall".
        const text = /^(cmt|msr)_5(\.|$|__)/.test(unit.id)
          ? unit.text.replace(/\bwill\b/g, 'shall')
          : unit.text;
        revisedUnits.push({ ...unit, id, parent, text });
      });
      const revised: ClauseTree = { ...code, units: revisedUnits };

      const started = performance.now();
      const result = reanchorAnnotations(notes, revised, revised);
      const ms = performance.now() - started;

      const wrong = result.annotations.filter((a, i) => {
        const original = notes[i]?.source ?? '';
        return !deleted.has(original) && a.source !== renumber(original);
      });
      expect(wrong.map((a) => `${a.id} → ${a.source}`)).toEqual([]);
      expect(result.orphans.map((a) => a.source).sort()).toEqual([...deleted].sort());
      // Nothing lands on the inserted measure: no verdict was written on its text.
      expect(result.annotations.some((a) => a.source === 'msr_3.1' && a.id !== 'a-msr_3.1')).toBe(false);
      expect(result.annotations).toHaveLength(notes.length);
      console.log(
        `re-anchored ${notes.length} verdicts in ${Math.round(ms)} ms: ${result.moved.length} moved, ` +
          `${result.orphans.length} orphans, 0 misplaced`,
      );
    });
  },
);
