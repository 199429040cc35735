import { describe, expect, it } from 'vitest';
import { adjacentUnit, nextUnit, previousUnit } from '../../src/review/navigation';

// The code tree's display order: commitments › measures › points, depth first.
const ORDER = ['cmt_1', 'msr_1.1', 'msr_1.1__point_1', 'msr_1.2', 'cmt_2', 'msr_2.1'];

describe('next and previous unit (j / k)', () => {
  it('steps through the tree in display order, points included', () => {
    expect(nextUnit(ORDER, 'cmt_1')).toBe('msr_1.1');
    expect(nextUnit(ORDER, 'msr_1.1')).toBe('msr_1.1__point_1');
    expect(nextUnit(ORDER, 'msr_1.2')).toBe('cmt_2');
    expect(previousUnit(ORDER, 'cmt_2')).toBe('msr_1.2');
    expect(previousUnit(ORDER, 'msr_1.1__point_1')).toBe('msr_1.1');
  });

  it('stops at either end instead of wrapping round', () => {
    expect(nextUnit(ORDER, 'msr_2.1')).toBeNull();
    expect(previousUnit(ORDER, 'cmt_1')).toBeNull();
  });

  it('skips units a filter hides', () => {
    const visible = new Set(['cmt_1', 'msr_1.2', 'msr_2.1']);
    expect(nextUnit(ORDER, 'cmt_1', visible)).toBe('msr_1.2');
    expect(nextUnit(ORDER, 'msr_1.2', visible)).toBe('msr_2.1');
    expect(previousUnit(ORDER, 'msr_2.1', visible)).toBe('msr_1.2');
    expect(nextUnit(ORDER, 'msr_2.1', visible)).toBeNull();
  });

  it('moves from a unit the filter hides to the nearest visible one on that side', () => {
    const visible = new Set(['cmt_1', 'cmt_2']);
    expect(nextUnit(ORDER, 'msr_1.1__point_1', visible)).toBe('cmt_2');
    expect(previousUnit(ORDER, 'msr_1.1__point_1', visible)).toBe('cmt_1');
  });

  it('starts from an end when nothing (or an unknown unit) is selected', () => {
    expect(nextUnit(ORDER, null)).toBe('cmt_1');
    expect(previousUnit(ORDER, null)).toBe('msr_2.1');
    expect(nextUnit(ORDER, 'app_1')).toBe('cmt_1');
    const visible = new Set(['msr_1.2', 'cmt_2']);
    expect(adjacentUnit(ORDER, null, 'next', visible)).toBe('msr_1.2');
    expect(adjacentUnit(ORDER, null, 'previous', visible)).toBe('cmt_2');
  });

  it('has nowhere to go when nothing is visible or the tree is empty', () => {
    expect(nextUnit(ORDER, 'cmt_1', new Set())).toBeNull();
    expect(previousUnit(ORDER, null, new Set())).toBeNull();
    expect(nextUnit([], null)).toBeNull();
    expect(previousUnit([], 'cmt_1')).toBeNull();
  });

  it('never returns the unit it started from', () => {
    expect(nextUnit(['cmt_1'], 'cmt_1')).toBeNull();
    expect(nextUnit(['cmt_1'], null)).toBe('cmt_1');
  });
});
