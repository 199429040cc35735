/**
 * Accumulates units in document order: their own text (line-end hyphenation
 * repaired, whitespace normalised), the page boxes behind every character,
 * and the footnotes their markers cite.
 */
import type { ClauseId, Note, PageNumber, TextBox, Unit, UnitType } from '../model/clause';
import type { Footnote } from '../pdf/footnotes';
import { footnoteReferences } from '../pdf/footnotes';
import type { FLine } from './features';

/** Boxes stay mutable while a unit is built: a repaired hyphen shortens the previous line's last box. */
type DraftBox = { -readonly [K in keyof TextBox]: TextBox[K] };

interface Draft {
  id: ClauseId;
  type: UnitType;
  num: string | null;
  heading: string | null;
  text: string;
  parent: ClauseId | null;
  page: PageNumber;
  notes: Note[];
  boxes: DraftBox[];
}

export interface UnitSpec {
  readonly id: string;
  readonly type: UnitType;
  readonly num: string | null;
  readonly heading?: string | null;
  readonly parent: string | null;
  readonly page: number;
}

export class TreeBuilder {
  private readonly drafts: Draft[] = [];
  private readonly byId = new Map<string, Draft>();
  private readonly footnotesByNumber = new Map<string, Footnote[]>();
  private readonly usedFootnotes = new Set<Footnote>();

  constructor(
    footnotes: readonly Footnote[],
    private readonly vocabulary: ReadonlySet<string>,
  ) {
    for (const note of footnotes) {
      const list = this.footnotesByNumber.get(note.marker) ?? [];
      list.push(note);
      this.footnotesByNumber.set(note.marker, list);
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * Opens a unit. Ids are an API, so a collision is never silently merged:
   * the later unit gets a numeric suffix (`…_2`), which the structure tests catch.
   */
  open(spec: UnitSpec): ClauseId {
    let id = spec.id;
    for (let n = 2; this.byId.has(id); n++) id = `${spec.id}_${n}`;
    const draft: Draft = {
      id: id as ClauseId,
      type: spec.type,
      num: spec.num,
      heading: spec.heading ?? null,
      text: '',
      parent: (spec.parent ?? null) as ClauseId | null,
      page: spec.page as PageNumber,
      notes: [],
      boxes: [],
    };
    this.drafts.push(draft);
    this.byId.set(id, draft);
    return draft.id;
  }

  setHeading(id: ClauseId, heading: string): void {
    const draft = this.byId.get(id);
    if (draft) draft.heading = heading;
  }

  /** Appends a line (from `from` on) to a unit's own text. */
  append(id: ClauseId, fline: FLine, from = 0): void {
    const draft = this.byId.get(id);
    if (!draft) return;
    const { line } = fline;
    const piece = line.text.slice(from);
    if (piece.trim().length === 0) return;
    const joined = joinText(draft.text, piece, this.vocabulary);
    if (joined.removedHyphen) {
      // The hyphen's character is gone: boxes of the previous line end where the word now continues.
      for (const box of draft.boxes) box.end = Math.min(box.end, joined.start);
    }
    draft.text = joined.text;
    const pieceStart = from + (piece.length - piece.trimStart().length);
    const shift = joined.start - pieceStart;
    for (const span of line.spans) {
      if (span.end <= pieceStart) continue;
      const start = Math.max(span.start, pieceStart);
      const fraction = span.end > span.start ? (start - span.start) / (span.end - span.start) : 0;
      draft.boxes.push({
        start: start + shift,
        end: Math.min(span.end, line.text.trimEnd().length) + shift,
        page: line.page as PageNumber,
        x: span.x + span.width * fraction,
        y: line.y - line.fontSize * 0.25,
        width: span.width * (1 - fraction),
        height: line.fontSize * 1.2,
      });
    }
    for (const ref of footnoteReferences(line)) {
      const note = this.pickFootnote(ref.marker, line.page);
      if (note && !draft.notes.some((n) => n.marker === note.marker && n.text === note.text)) {
        draft.notes.push({ marker: note.marker, text: note.text });
        this.usedFootnotes.add(note);
      }
    }
  }

  /** Footnotes are numbered through the document, but prefer the one printed on the marker's own page. */
  private pickFootnote(marker: string, page: number): Footnote | null {
    const candidates = this.footnotesByNumber.get(marker);
    if (!candidates || candidates.length === 0) return null;
    return (
      candidates.find((note) => note.page === page && !this.usedFootnotes.has(note)) ??
      candidates.find((note) => note.page >= page && !this.usedFootnotes.has(note)) ??
      candidates.find((note) => note.page === page) ??
      candidates[0] ??
      null
    );
  }

  units(): Unit[] {
    return this.drafts.map((draft) => ({
      id: draft.id,
      type: draft.type,
      num: draft.num,
      heading: draft.heading,
      text: draft.text,
      parent: draft.parent,
      page: draft.page,
      notes: draft.notes,
      boxes: draft.boxes.filter((box) => box.end > box.start),
    }));
  }
}

/**
 * Joins a new line onto text. A hyphen at a line end is removed when it only
 * breaks a word (`docu-` + `mentation`), and kept when the document also
 * prints the hyphenated compound whole (`general-` + `purpose`).
 */
export function joinText(
  text: string,
  piece: string,
  vocabulary: ReadonlySet<string>,
): { text: string; start: number; removedHyphen: boolean } {
  const next = piece.trim();
  if (text.length === 0) return { text: next, start: 0, removedHyphen: false };
  // Only the tail matters; matching on the whole (possibly long) text would make joining quadratic.
  const hyphenated = /([\p{L}]+)-$/u.exec(text.slice(-64));
  const first = /^([\p{Ll}][\p{L}]*)/u.exec(next);
  if (hyphenated && first) {
    const left = hyphenated[1] ?? '';
    const right = first[1] ?? '';
    const compound = `${left}-${right}`.toLowerCase();
    if (!vocabulary.has(compound)) {
      const cut = text.slice(0, -1);
      return { text: cut + next, start: cut.length, removedHyphen: true };
    }
    return { text: text + next, start: text.length, removedHyphen: false };
  }
  const sep = text.endsWith(' ') ? '' : ' ';
  return { text: text + sep + next, start: text.length + sep.length, removedHyphen: false };
}

/**
 * Hyphenated compounds (`general-purpose`) printed whole inside a line, lowercase: the evidence
 * `joinText` needs to keep a line-end hyphen. Plain words are not collected; nothing asks for them.
 */
export function vocabularyOf(lines: readonly FLine[]): Set<string> {
  const words = new Set<string>();
  for (const fline of lines) {
    const { text } = fline;
    if (!text.includes('-')) continue;
    // A hyphen at the very end of the line is the break being judged, not evidence.
    const body = text.endsWith('-') ? text.replace(/\S+$/, '') : text;
    for (const match of body.matchAll(/[\p{L}]+(?:-[\p{L}]+)+/gu)) {
      // `systemic-risk-producing` also vouches for `risk-producing`, which is what a break after `risk-` asks.
      const parts = match[0].toLowerCase().split('-');
      for (let i = 0; i + 1 < parts.length; i++) words.add(`${parts[i] ?? ''}-${parts[i + 1] ?? ''}`);
    }
  }
  return words;
}
