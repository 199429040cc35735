/** Checks every clause tree must pass, whatever the document. */
import { expect } from 'vitest';
import type { Unit } from '../../src/model/clause';

/** Ids are unique; each parent is defined before its children; every box maps into the unit's text. */
export function expectWellFormed(units: readonly Unit[]): void {
  const seen = new Set<string>();
  for (const unit of units) {
    expect(seen.has(unit.id), `duplicate id ${unit.id}`).toBe(false);
    if (unit.parent !== null) expect(seen.has(unit.parent), `${unit.id} -> ${unit.parent}`).toBe(true);
    seen.add(unit.id);
    for (const box of unit.boxes) {
      expect(box.start, unit.id).toBeGreaterThanOrEqual(0);
      expect(box.end, unit.id).toBeLessThanOrEqual(unit.text.length);
    }
  }
}
