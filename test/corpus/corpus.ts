/**
 * Access to the real documents in ../shared/corpus. A fresh clone has no
 * ../shared: suites then skip, and say why in their title.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePdf } from '../../src/parse';
import type { ClauseTree, Unit } from '../../src/model/clause';
import { pdfjs, standardFontDataUrl } from '../support/pdfjs-node';

export const CORPUS_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'shared',
  'corpus',
);
export const AI_ACT = join(CORPUS_DIR, 'ai-act-2024-1689.pdf');
export const CODE_SAFETY = join(CORPUS_DIR, 'gpai-cop-final-safety-security-2025-07.pdf');
export const CODE_SAFETY_TXT = join(CORPUS_DIR, 'gpai-cop-final-safety-security-2025-07.txt');
export const GOLD_CSV = join(CORPUS_DIR, 'crosswalk-gold-commitments.csv');

export const corpusAvailable = existsSync(AI_ACT) && existsSync(CODE_SAFETY);

/** Suffix for suite titles: empty when the corpus is there, the reason when it is not. */
export const skipReason = corpusAvailable ? '' : ` (skipped: real corpus not found at ${CORPUS_DIR})`;

const cache = new Map<string, Promise<ClauseTree>>();

/** Parses a corpus PDF once per test file. */
export function parseCorpus(path: string): Promise<ClauseTree> {
  let tree = cache.get(path);
  if (!tree) {
    tree = parsePdf(pdfjs, new Uint8Array(readFileSync(path)), { standardFontDataUrl });
    cache.set(path, tree);
  }
  return tree;
}

export function index(tree: ClauseTree): Map<string, Unit> {
  return new Map(tree.units.map((unit) => [unit.id, unit]));
}

export function childrenOf(tree: ClauseTree, id: string): string[] {
  return tree.units.filter((unit) => unit.parent === id).map((unit) => unit.id);
}
