/** Small statistics and formatting helpers for `npm run bench`. */

/** @param {readonly number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Nearest-rank percentile (p in 0..100): the smallest value with at least p % of the values at or
 * below it. Null for no values.
 * @param {readonly number[]} values @param {number} p
 */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Median of the values that are not null; null when none is. @param {readonly (number | null)[]} values */
export function medianOf(values) {
  const known = /** @type {number[]} */ (values.filter((v) => v !== null));
  return known.length > 0 ? median(known) : null;
}

/** @param {number} ms */
export const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** @param {number | null} ms */
export const millis = (ms) => (ms === null ? 'n/a' : `${Math.round(ms)} ms`);

/** @param {number} ms rounded for the JSON report */
export const round = (ms) => Math.round(ms * 10) / 10;
