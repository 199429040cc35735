/**
 * `crosswalk memo`: the comparison memo of a law and a code, from the PDFs alone (the machine's
 * suggested links and stances, labelled as such) or with a team's bundle (their accepted links and
 * verdicts). Everything but reading and writing files is the pure exporters in src/export.
 */
import { basename } from 'node:path';
import type { MEMO_FORMAT_NAMES } from './args';
import {
  buildMemo,
  parseBundle,
  renderCsv,
  renderDocx,
  renderHtml,
  renderMarkdown,
  renderOscalMapping,
  renderW3cAnnotations,
  type Memo,
  type MemoTemplate,
} from '../export/index';
import { reanchorReview } from '../review/anchor';
import { unitTextById } from '../model/quote';
import type { LinkReport } from '../linking/index';
import type { ClauseTree } from '../model/clause';
import {
  linkId,
  STANCES,
  type Annotation,
  type DocumentRecord,
  type LinkRecord,
  type Objection,
  type ProjectRecord,
  type ReviewStance,
} from '../model/review';

export type MemoFormat = (typeof MEMO_FORMAT_NAMES)[number];

export interface MemoRequest {
  readonly law: ClauseTree;
  readonly code: ClauseTree;
  readonly lawFile: string;
  readonly codeFile: string;
  readonly lawBytes: number;
  readonly codeBytes: number;
  /** The suggestions to list when there is no bundle (or to add to it with `suggestions`). */
  readonly report: LinkReport;
  /** A bundle's text; null for a memo of machine suggestions only. */
  readonly bundle: { readonly name: string; readonly text: string } | null;
  readonly chapters: readonly string[];
  readonly stances: readonly string[];
  readonly author: string;
  readonly now: string;
  /** `comparison` (default) or `response` (the bundle's objections with their provisions). */
  readonly template?: MemoTemplate;
}

/** Something the user asked for that cannot be done, in plain words (exit code 2 or 3). */
export class MemoInputError extends Error {}

function documentRecord(tree: ClauseTree, file: string, byteLength: number, now: string): DocumentRecord {
  return {
    fingerprint: tree.document.fingerprint,
    fileName: basename(file),
    title: tree.document.title,
    kind: tree.document.kind,
    pages: tree.document.pages,
    unitCount: tree.units.length,
    byteLength,
    importedAt: now,
  };
}

/** `9`, `cmt_9` and `Commitment 9` all name commitment 9. */
export function commitmentIds(chapters: readonly string[], code: ClauseTree): string[] {
  const ids = new Set(code.units.filter((u) => u.type === 'commitment').map((u) => u.id as string));
  return chapters
    .flatMap((text) => text.split(','))
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .map((text) => {
      const id = /^cmt_/.test(text) ? text : `cmt_${text.replace(/^commitment\s*/i, '')}`;
      if (!ids.has(id))
        throw new MemoInputError(`the code has no commitment "${text}" (it has ${[...ids].join(', ')}).`);
      return id;
    });
}

function stanceList(stances: readonly string[]): ReviewStance[] {
  return stances
    .flatMap((text) => text.split(','))
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .map((text) => {
      if (!(STANCES as readonly string[]).includes(text))
        throw new MemoInputError(`unknown stance "${text}" (one of ${STANCES.join(', ')}).`);
      return text as ReviewStance;
    });
}

/** The machine's suggestions as the project's links: every one a suggestion nobody has reviewed. */
function suggestedLinks(projectId: string, report: LinkReport, now: string): LinkRecord[] {
  return report.links.map((s) => ({
    id: linkId(projectId, s.source, s.target),
    projectId,
    source: s.source,
    target: s.target,
    status: 'suggested',
    origin: 'machine',
    rank: s.rank,
    score: s.score,
    basis: [...s.basis],
    evidence: [...s.evidence],
    suggestedStance: s.suggestedStance,
    createdAt: now,
    updatedAt: now,
  }));
}

/** The review a memo is made of: the project, its documents, links and verdicts. */
export interface MemoReview {
  readonly memo: Memo;
  readonly project: ProjectRecord;
  readonly lawDocument: DocumentRecord;
  readonly codeDocument: DocumentRecord;
  readonly links: readonly LinkRecord[];
  readonly annotations: readonly Annotation[];
  readonly includeSuggestions: boolean;
  readonly code: ClauseTree;
  readonly now: string;
  /** Verdicts of a bundle made against other PDFs, re-attached by their quotes. */
  readonly moved: number;
  /** Verdicts of such a bundle that found no place: kept in JSON, OSCAL and W3C, left out of memos. */
  readonly orphans: number;
}

/** Builds the memo; throws MemoInputError for a bundle or a filter that does not fit. */
export function memoFor(request: MemoRequest): MemoReview {
  const { law, code, now } = request;
  const lawDocument = documentRecord(law, request.lawFile, request.lawBytes, now);
  const codeDocument = documentRecord(code, request.codeFile, request.codeBytes, now);
  let project: ProjectRecord = {
    id: 'crosswalk-cli',
    name: `${code.document.title || basename(request.codeFile)} vs ${law.document.title || basename(request.lawFile)}`,
    lawFingerprint: law.document.fingerprint,
    codeFingerprint: code.document.fingerprint,
    sample: false,
    createdAt: now,
    updatedAt: now,
  };
  let links: readonly LinkRecord[];
  let annotations: readonly Annotation[] = [];
  let objections: readonly Objection[] = [];
  let includeSuggestions = true;
  let moved = 0;
  let orphans = 0;
  if (request.bundle === null) {
    links = suggestedLinks(project.id, request.report, now);
  } else {
    const parsed = parseBundle(request.bundle.text);
    if (!parsed.ok) throw new MemoInputError(`${request.bundle.name}: ${parsed.error}`);
    project = {
      ...parsed.bundle.project,
      lawFingerprint: project.lawFingerprint,
      codeFingerprint: project.codeFingerprint,
    };
    links = parsed.bundle.links;
    annotations = parsed.bundle.annotations;
    objections = parsed.bundle.objections;
    // A bundle made against other versions of the PDFs: verdicts follow their quotes, as in the app.
    if (
      parsed.bundle.project.lawFingerprint !== project.lawFingerprint ||
      parsed.bundle.project.codeFingerprint !== project.codeFingerprint
    ) {
      const result = reanchorReview({ links, annotations, objections }, code, law);
      ({ links, annotations, objections } = result);
      moved = result.moved.length;
      orphans = result.orphans.length;
    }
    // A team's memo speaks for the team: the machine's unreviewed suggestions stay out.
    includeSuggestions = false;
  }
  const template = request.template ?? 'comparison';
  if (template === 'response' && request.bundle === null)
    throw new MemoInputError('the response memo needs --bundle: objections are recorded in the app.');
  const commitments = commitmentIds(request.chapters, code);
  const stances = stanceList(request.stances);
  const memo = buildMemo(
    { law, code, project, lawDocument, codeDocument, links, annotations, objections },
    {
      template,
      includeSuggestions,
      quoteLength: 800,
      author: request.author,
      date: now,
      ...(commitments.length > 0 ? { commitments } : {}),
      ...(stances.length > 0 ? { stances } : {}),
    },
  );
  return {
    memo,
    project,
    lawDocument,
    codeDocument,
    links,
    annotations,
    includeSuggestions,
    code,
    now,
    moved,
    orphans,
  };
}

/** Ids for OSCAL derived from the project and a counter, so the same review gives the same file. */
function counterUuid(seed: string): () => string {
  let hash = 0;
  for (const ch of seed) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) >>> 0;
  const prefix = hash.toString(16).padStart(8, '0');
  let n = 0;
  return () => {
    n += 1;
    return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  };
}

/** The memo in the requested format: text, or bytes for docx. */
export async function renderMemo(review: MemoReview, format: MemoFormat): Promise<string | Uint8Array> {
  const { memo } = review;
  switch (format) {
    case 'oscal':
      return renderOscalMapping({
        project: review.project,
        lawDocument: review.lawDocument,
        codeDocument: review.codeDocument,
        links: review.links,
        annotations: review.annotations,
        uuid: counterUuid(review.project.id),
        now: review.now,
        includeSuggestions: review.includeSuggestions,
      });
    case 'w3c': {
      return renderW3cAnnotations({
        project: review.project,
        codeDocument: review.codeDocument,
        lawDocument: review.lawDocument,
        annotations: review.annotations,
        codeUnitText: unitTextById(review.code.units),
      });
    }
    case 'html':
      return renderHtml(memo);
    case 'docx':
      return renderDocx(memo);
    case 'md':
      return renderMarkdown(memo);
    case 'csv':
      return renderCsv(memo);
    case 'json':
      return `${JSON.stringify(memo, null, 2)}\n`;
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}
