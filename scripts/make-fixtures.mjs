#!/usr/bin/env node
/**
 * make-fixtures.mjs — builds Crosswalk's synthetic test PDFs and their expected clause trees.
 *
 *   node scripts/make-fixtures.mjs [--out DIR] [--quiet]      (npm run fixtures)
 *
 * Default DIR is <repo>/fixtures. The output is deterministic (same bytes on every run and
 * machine: fixed dates, seeded pseudo-random data, pdf-lib's own seeded resource names, no
 * object streams, PNG data stored uncompressed) and idempotent (files whose bytes would not
 * change are left untouched). The script checks its own promises (forced line breaks fall where
 * greedy filling breaks anyway; the hard cases listed below are really on the pages) and refuses
 * to write fixtures that miss one. FIXTURES_DEBUG=1 prints those diagnostics and only warns, for
 * re-tuning the wording after an edit.
 *
 * Written files (all < 40 KB):
 *   act.pdf            fictional "Regulation (EU) 2099/1 … on synthetic widgets", laid out like
 *                      the Official Journal (AI Act): Times fonts, alternating running headers /
 *                      footers, masthead on page 1, footnotes at page bottoms.
 *   code.pdf           fictional Code of Practice, Transparency chapter (Helvetica fonts): cover,
 *                      Summary (table of contents), Objectives, Recitals, Commitment 1, Measures
 *                      1.1-1.3, Glossary, Appendix 1 and 1.1.
 *   code-copyright.pdf the Copyright chapter: Commitment 1, Measures 1.1-1.5 (a separate file so
 *                      that both chapters can have their own `cmt_1`).
 *   code-draft.pdf     a tiny code with draft numbering (Commitment II.1, Measures II.1.1-II.1.2).
 *   plain.pdf          a one-page memo with no legal structure.
 *   <name>.expected.json for the five documents above.
 *   broken/empty.pdf, not-a-pdf.pdf, truncated.pdf, header-only.pdf, corrupted.pdf,
 *          encrypted.pdf (user password `secret`, owner password `owner`, AES-256),
 *          encrypted-nouser.pdf (empty user password, owner password `owner`, AES-256, modify and
 *          assemble not permitted: opens without a password),
 *          scanned.pdf (a page that is only an image: no text operators at all).
 *   hostile/actions.pdf  act.pdf with document JavaScript (/OpenAction, /Names /JavaScript,
 *          /AA), Launch, URI and SubmitForm actions and an embedded shell script, all pointed at
 *          never-routed addresses (scripts/make-hostile.mjs): a reader must run and open none of
 *          it, and read the same clauses as from act.pdf.
 *   (The 1,000+-page document is made at test time: `node scripts/make-hostile.mjs --large N`.)
 *
 * Layout (measured on the real AI Act, OJ L 12.7.2024, and the Safety & Security chapter):
 *   act: A4, Times (standard 14, not embedded). Body 9.6 pt justified (Tw word spacing) at
 *   x=67.4…527.9, leading 10.5, ~31 pt between blocks. Page 1: a simplified OJ masthead (no
 *   running header). Then, as in the real file: even pages `EN` 15.9 pt at x=41.8 + `OJ L,
 *   1.1.2099` right (x=491.1), footer `N/M` left + `ELI: …` right; odd pages `OJ L, 1.1.2099`
 *   left + `EN` right, footer `ELI: …` left + `N/M` right (baselines 785.7/784.0 and 21.7).
 *   Recital labels 8.5 pt at 67.4, text at 93.7; footnotes 8.5 pt bottom-aligned at y=45.4
 *   (`(`, 4.9 pt digit raised 2.8, `)` at 67.4, text at 89.4) under a short rule. `CHAPTER I`
 *   8.5 centred + 8.5 bold title; `SECTION 1` 8.5 italic + 9.6 bold-italic title; `Article 3`
 *   9.6 italic centred + bold heading; paragraphs `1.` at 67.4 / text 89.0 / continuation
 *   67.4; points `(a)` 67.4 / 81.5 hanging; sub-points `(i)` right-aligned to 93.2 / text 95.5;
 *   definitions `(1)` 67.4 / 86.9; closing at x=93 + two italic signature columns; every annex
 *   on a new page: `ANNEX I` 8.5 italic, bold title, `Section 1` + title regular centred,
 *   points `1.` 67.4 / 94.3.
 *   codes: A4, Helvetica family. Body 10.5 pt justified at x=57…538.3, leading 13.1, 18.75
 *   between paragraphs; banners 16 pt bold navy; `Commitment N …` 15 pt bold navy at the top
 *   of a new page, then the `LEGAL TEXT: …` line (9.5 pt, x=63.7) in a ruled box; `Measure
 *   N.N …` 12 pt bold navy; points `(1)` 57 / 79.7, `(a)` 79.7 / 102.4, `(i)` 102.4 / 125.1;
 *   bare page number 10 pt centred at y=25.2 on every page.
 * Hard cases on purpose (all self-checked): act — a footnote `(1)` at the bottom of page 1
 *   at x=67.4 like a recital label; recital (6) running from page 1 to page 2 with page 1's
 *   footnotes and running footer/header printed in between; a two-line bold article heading
 *   (Article 4); Article 4 running across a page break; a justified body line starting
 *   `Article 5 and …` (Article 6(1)) and a last line that is just `Article 5.` (Annex II), both
 *   regular and left-aligned; `docu-`/`mentation`. code — a Summary (table of contents) whose
 *   lines read `Commitment 1 …` / `Measure 1.1 …` + a page number; a commitment heading on two
 *   lines; a body line starting `Measure 1.2, other than as …`; a measure paragraph after its
 *   points; Measure 1.3 running across a page break.
 *
 * Encryption: qpdf's AES-256 output is not reproducible (random salts, keys and IVs, and qpdf
 * refuses --deterministic-id with encryption), so the two encrypted files are written by the
 * small PDF 2.0 standard security handler (V5 / R6 / AESV3) implemented below, with salts, key
 * and IVs derived from fixed seeds. The result is what `qpdf --encrypt secret owner 256 --`
 * produces, up to those random bytes. When `qpdf` is on PATH the script cross-checks both files
 * with it (password required or not, decryption, structure); when it is not, it says so and
 * skips the check. Nothing else needs qpdf.
 *
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 * EXPECTED JSON — shape and exact text conventions
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 * {"document":{"kind","title","pages"},"units":[{"id","type","num","heading","text","parent",
 *  "page","notes":[{"marker","text"}]}]}. Generated from the source models in this file (never
 * from a parser); `page` comes from this script's own layout.
 *
 * Order: document order (depth-first, parents before children, siblings in printed order).
 * id / parent: the clause-id convention (act: pre, cit_1, rec_1, chp_I, chp_II__sec_1, art_3,
 *   art_3__para_1, art_3__para_1__point_b__point_ii, art_4__para_1__subpara_2, art_2__point_1,
 *   art_1__subpara_2, closing, anx_I, anx_I__sec_1, anx_I__sec_1__point_1; code: obj_A, rec_a,
 *   cmt_1, msr_1.1, msr_1.1__point_2__point_b__point_i, gls, app_1, app_1.1, cmt_II.1,
 *   msr_II.1.2; plain: h_1, p_1 …). Parents: citations and recitals → `pre`; chapters, annexes,
 *   `closing`, objectives, code recitals, commitments, `gls`, `app_1` → null; sections → their
 *   chapter/annex; articles → their section, else chapter; measures → commitment;
 *   `app_1.1` → `app_1`; points/paragraphs/subparagraphs → the unit they hang under.
 * num: as printed without a trailing full stop: article `3`, paragraph `1`, chapter `I`,
 *   section `1`, annex `I`, annex point `1`, recital `1` (act) / `a` (code), objective `A`,
 *   commitment `1` / `II.1`, measure `1.1` / `II.1.1`, appendix `1` / `1.1`; points keep their
 *   parentheses: `(b)`, `(ii)`, `(1)`. null for preamble, citations, subparagraphs, closing,
 *   glossary, plain-memo units.
 * heading: article heading; chapter / section / annex / annex-section title; commitment,
 *   measure and appendix title (the words after the number); plain memo heading unit: its line.
 *   Wrapped heading lines are joined with one space. Everything else: null.
 * text: the unit's OWN text — every body line that belongs to the unit and not to one of its
 *   descendants, in reading order, joined with single spaces (also when some of it is printed
 *   after the children, e.g. a measure paragraph after its points, or the preamble formulae),
 *   whitespace collapsed to single spaces, trimmed. Not in `text`: the number label (`1.`,
 *   `(a)`, `Article 3`, `CHAPTER I`, `Measure 1.1` …) and the heading lines. "" when the unit
 *   has no own text (e.g. an article that starts directly with paragraph 1, a chapter).
 *   - Line-end hyphenation is repaired: exactly one word is split at a line end on purpose,
 *     printed `docu-` / `mentation` (act, Article 3(1)(b)(i)); expected text `documentation`.
 *     No other line of any fixture ends with a hyphen.
 *   - Footnote markers stay in the text exactly as a reader concatenating the glyphs gets them:
 *     printed `Widgets (` + superscript `1` + `),` → text `Widgets (1),` (a space before the `(`
 *     because one is printed there; the superscript digit is 5.5 pt, raised 3.1 pt).
 *   - Quotes are typographic (‘ ’ U+2018/U+2019) as printed.
 *   - Wrapped cross-references are ordinary text: `… required by Article 5 and …`,
 *     `… in accordance with Measure 1.2, other than as regards …`.
 *   - Act preamble `pre`: title line 1, title line 2, `THE EUROPEAN PARLIAMENT AND THE COUNCIL
 *     OF THE EUROPEAN UNION,`, `Whereas:`, `HAVE ADOPTED THIS REGULATION:` (in that order).
 *   - Commitment: `LEGAL TEXT: …` line + its body paragraphs.
 *   - Glossary `gls`: each term (bold, with its quotes) followed by its definition.
 *   - Act `closing`: the lines in row order: `This Regulation shall be binding …`, `Done at
 *     Brussels, 1 January 2099.`, `For the European Parliament For the Council The President
 *     The President J. DOE R. ROE`.
 *   - Belong to no unit: running headers/footers, the OJ masthead on page 1, page numbers,
 *     footnote bodies (they go to `notes`), the code cover page (apart from `document.title`),
 *     the code's `Summary of Commitments and Measures` page (a table of contents), and the code
 *     section banners `Objectives`, `Recitals`, `Whereas:`, `Glossary`, `Appendices`.
 * notes: footnotes whose marker is in the unit's own text: marker as printed `(1)`, text of the
 *   footnote body (normalised like `text`). [] when none.
 * page: 1-based physical page on which the unit's first line (label / heading / text) is printed.
 * document.title: act — its two bold title lines joined; codes — the cover title lines joined;
 *   plain — the memo heading. document.kind: act | code | other.
 */
import { createHash, createCipheriv } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFStream,
  PDFString,
  PDFWriter,
  PageSizes,
  StandardFonts,
  rgb,
  setWordSpacing,
} from 'pdf-lib';
import { hostilePdf } from './make-hostile.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
const FIXED_DATE = new Date(Date.UTC(2099, 0, 1, 0, 0, 0));
const [PAGE_W, PAGE_H] = PageSizes.A4; // 595.28 x 841.89
const CENTER = PAGE_W / 2;

// ───────────────────────────────────────────── markup ─────────────────────────────────────────
// Source text markup: {fn:N} footnote marker, {br} forced line break (the line before it is
// justified; a check below insists the break is where greedy filling would put it anyway),
// {hy} forced hyphenated break inside a word, {i}…{/i} italic.

/** The expected (extracted) form of a markup string. */
function plain(s) {
  return s
    .replace(/\{fn:(\d+)\}/g, '($1)')
    .replace(/\{br\}/g, ' ')
    .replace(/\{hy\}/g, '')
    .replace(/\{\/?i\}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function footnoteNumbers(s) {
  return [...s.matchAll(/\{fn:(\d+)\}/g)].map((m) => Number(m[1]));
}

/** Markup → tokens: [{segs:[{t, st, fn?}], brk: null|'br'|'hy'}]. Style st: r | i | sup. */
function tokenize(s, baseStyle = 'r') {
  const tokens = [];
  let cur = null;
  let italic = false;
  const close = () => {
    if (cur && cur.segs.length) tokens.push(cur);
    cur = null;
  };
  const add = (t, st, fn) => {
    if (!cur) cur = { segs: [], brk: null };
    const last = cur.segs[cur.segs.length - 1];
    if (last && last.st === st && !fn && !last.fn) last.t += t;
    else cur.segs.push(fn ? { t, st, fn } : { t, st });
  };
  const re = /\{fn:(\d+)\}|\{br\}|\{hy\}|\{i\}|\{\/i\}|([^{]+)/g;
  for (const m of s.matchAll(re)) {
    const st = italic ? 'i' : baseStyle;
    if (m[1]) {
      add('(', st);
      add(m[1], 'sup', Number(m[1]));
      add(')', st);
    } else if (m[0] === '{br}') {
      close();
      tokens[tokens.length - 1].brk = 'br';
    } else if (m[0] === '{hy}') {
      add('-', st);
      cur.brk = 'hy';
      close();
    } else if (m[0] === '{i}') italic = true;
    else if (m[0] === '{/i}') italic = false;
    else {
      for (const piece of m[2].split(/(\s+)/)) {
        if (piece === '') continue;
        if (/^\s+$/.test(piece)) close();
        else add(piece, st);
      }
    }
  }
  close();
  return tokens;
}

// ───────────────────────────────────────────── layout ─────────────────────────────────────────

/**
 * A page-flow typesetter. Items are collected per page and drawn at the end (running headers
 * need the page count). y is a text baseline in PDF user space (origin bottom-left).
 */
class Flow {
  constructor(o) {
    this.o = o; // { fonts, styles, top(pageNum), bottom, noteStyle?, leading }
    this.pages = [];
    this.unitPage = new Map();
    this.forced = []; // diagnostics for forced breaks
    this.lineUnits = []; // {unit, page} for every body line (unit = the last unit started)
    this.newPage();
  }
  newPage() {
    this.page = { num: this.pages.length + 1, items: [], notes: [], rules: [], rects: [] };
    this.pages.push(this.page);
    this.lastY = null;
  }
  mark(unit) {
    if (unit && !this.unitPage.has(unit)) this.unitPage.set(unit, this.page.num);
    if (unit) this.curUnit = unit;
  }
  /** The following lines belong to no unit (banners, tables of contents). */
  detach() {
    this.curUnit = null;
  }
  /** Lowest baseline body text may use on the current page given footnotes `notes`. */
  bottomFor(notes) {
    if (!notes.length) return this.o.bottom;
    return this.o.bottom + this.noteHeight(notes) + 22;
  }
  noteLines(n) {
    const ns = this.o.noteStyle;
    return this.breakLines(
      tokenize(this.o.footnotes[n]),
      ns.textStyle,
      ns.right - ns.textX,
      ns.right - ns.textX,
    );
  }
  noteHeight(notes) {
    const lines = notes.reduce((a, n) => a + this.noteLines(n).length, 0);
    return (lines - 1) * this.o.noteStyle.leading;
  }
  /** Ensure `height` below the next baseline (placed `dy` below the last one) fits on this page. */
  ensure(dy, height) {
    if (this.lastY === null) return;
    if (this.lastY - dy - height < this.bottomFor(this.page.notes)) this.newPage();
  }
  nextY(dy) {
    return this.lastY === null ? this.o.top(this.page.num) : this.lastY - dy;
  }
  /** Place a built line (runs with absolute x) `dy` below the previous baseline. */
  put(runs, dy, { unit, fns = [] } = {}) {
    let y = this.nextY(dy);
    const notes = [...this.page.notes, ...fns.filter((n) => !this.page.notes.includes(n))];
    if (y < this.bottomFor(notes)) {
      this.newPage();
      y = this.nextY(dy);
    }
    for (const n of fns) if (!this.page.notes.includes(n)) this.page.notes.push(n);
    for (const r of runs) this.page.items.push({ ...r, y: y + (r.rise || 0) });
    this.lastY = y;
    this.mark(unit);
    this.lineUnits.push({ unit: this.curUnit, page: this.page.num });
    return y;
  }
  /** Place an item at an absolute position on the current page (headers, masthead, signatures). */
  at(x, y, text, font, size, extra = {}) {
    this.page.items.push({ x, y, text, font, size, tw: 0, ...extra });
  }
  width(text, font, size) {
    return this.o.fonts[font].widthOfTextAtSize(text, size);
  }
  segFont(st, style) {
    const s = style[st] || style.r;
    return { font: s[0], size: s[1], rise: s[2] || 0 };
  }
  tokenWidth(tok, style) {
    return tok.segs.reduce((w, g) => {
      const f = this.segFont(g.st, style);
      return w + this.width(g.t, f.font, f.size);
    }, 0);
  }
  /** Greedy line breaking. Returns [{toks, natural, forced}] (natural = width without stretch). */
  breakLines(tokens, style, firstW, otherW, record = true) {
    const sp = this.width(' ', style.r[0], style.r[1]);
    const lines = [];
    let cur = [];
    let w = 0;
    const maxW = () => (lines.length === 0 ? firstW : otherW);
    tokens.forEach((tok, idx) => {
      const tw = this.tokenWidth(tok, style);
      if (cur.length && w + sp + tw > maxW() + 0.01) {
        lines.push({ toks: cur, natural: w, forced: null });
        cur = [];
        w = 0;
      }
      w += (cur.length ? sp : 0) + tw;
      cur.push(tok);
      if (tok.brk) {
        const next = tokens[idx + 1];
        // is the forced break where greedy filling would break anyway?
        let fits;
        if (tok.brk === 'hy') {
          const segs = tok.segs.map((g) => ({ ...g }));
          segs[segs.length - 1].t = segs[segs.length - 1].t.replace(/-$/, '');
          const whole = this.tokenWidth({ segs: [...segs, ...next.segs] }, style);
          fits = w - tw + whole <= maxW() + 0.01;
        } else fits = next && w + sp + this.tokenWidth(next, style) <= maxW() + 0.01;
        if (record)
          this.forced.push({
            text: cur.map((t) => t.segs.map((g) => g.t).join('')).join(' '),
            natural: !fits,
            fill: w / maxW(),
          });
        lines.push({ toks: cur, natural: w, forced: tok.brk });
        cur = [];
        w = 0;
      }
    });
    if (cur.length) lines.push({ toks: cur, natural: w, forced: null, last: true });
    return lines;
  }
  /** Turn a broken line into positioned runs. */
  runsFor(line, style, x, tw, color) {
    const runs = [];
    let curRun = null;
    const push = (t, st) => {
      if (curRun && curRun.st === st) curRun.text += t;
      else {
        curRun = { st, text: t };
        runs.push(curRun);
      }
    };
    line.toks.forEach((tok, i) => {
      if (i > 0) push(' ', curRun && curRun.st !== 'sup' ? curRun.st : 'r');
      for (const g of tok.segs) push(g.t, g.st);
    });
    const out = [];
    let cx = x;
    for (const r of runs) {
      const f = this.segFont(r.st, style);
      const spaces = (r.text.match(/ /g) || []).length;
      out.push({ x: cx, text: r.text, font: f.font, size: f.size, rise: f.rise, tw: spaces ? tw : 0, color });
      cx += this.width(r.text, f.font, f.size) + tw * spaces;
    }
    return out;
  }
  /**
   * Lay out a paragraph. opts: style, x1 (first-line text x), xN (other lines), right,
   * leading, dy (first baseline below previous), align ('justify' | 'left' | 'center'),
   * label {text, x, font, size} or {text, rightAt, …}, unit, color, keep (extra lines to keep).
   * Returns the lines' count.
   */
  para(markup, opts) {
    const { style, right, leading, dy = 0, align = 'justify', label, unit, color } = opts;
    const x1 = opts.x1 ?? opts.x;
    const xN = opts.xN ?? x1;
    // forced breaks only need to be 'natural' in justified text (ragged headings may break anywhere)
    const lines = this.breakLines(tokenize(markup), style, right - x1, right - xN, align === 'justify');
    if (opts.keepLines) this.ensure(dy, leading * Math.min(lines.length - 1, opts.keepLines));
    lines.forEach((line, i) => {
      const x = i === 0 ? x1 : xN;
      const maxW = right - x;
      let tw = 0;
      let lx = x;
      if (align === 'justify' && !line.last) {
        const spaces = line.toks.length - 1;
        if (spaces > 0) tw = (maxW - line.natural) / spaces;
      } else if (align === 'center') {
        lx = (opts.center ?? CENTER) - line.natural / 2;
      }
      const runs = this.runsFor(line, style, lx, tw, color);
      if (i === 0 && label) {
        const lx0 =
          label.rightAt !== undefined
            ? label.rightAt - this.width(label.text, label.font, label.size)
            : label.x;
        runs.unshift({
          x: lx0,
          text: label.text,
          font: label.font,
          size: label.size,
          rise: 0,
          tw: 0,
          color: label.color ?? color,
        });
      }
      const fns = line.toks.flatMap((t) => t.segs.filter((g) => g.fn).map((g) => g.fn));
      this.put(runs, i === 0 ? dy : leading, { unit, fns });
    });
    return lines.length;
  }
}

// ──────────────────────────────────────────── rendering ───────────────────────────────────────

async function newDoc(title, subject) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  doc.setSubject(subject);
  doc.setAuthor('Crosswalk test fixtures');
  doc.setCreator('crosswalk scripts/make-fixtures.mjs');
  doc.setProducer('pdf-lib 1.17.1');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  return doc;
}

async function embedFonts(doc, names) {
  const fonts = {};
  for (const [key, std] of Object.entries(names)) fonts[key] = await doc.embedFont(std);
  return fonts;
}

function draw(doc, fonts, pages) {
  for (const p of pages) {
    const page = doc.addPage([PAGE_W, PAGE_H]);
    for (const r of p.rects) page.drawRectangle(r);
    for (const l of p.rules) page.drawLine(l);
    for (const it of p.items) {
      if (it.tw) page.pushOperators(setWordSpacing(round(it.tw)));
      page.drawText(it.text, {
        x: round(it.x),
        y: round(it.y),
        size: it.size,
        font: fonts[it.font],
        color: it.color ?? rgb(0, 0, 0),
      });
      if (it.tw) page.pushOperators(setWordSpacing(0));
    }
  }
}

const round = (v) => Math.round(v * 1000) / 1000;

async function save(doc) {
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

// ─────────────────────────────────────────── the act ──────────────────────────────────────────

const ACT_HEADER_DATE = 'OJ L, 1.1.2099';
const ACT_ELI = 'ELI: http://data.europa.eu/eli/reg/2099/1/oj';

const ACT = {
  kind: 'act',
  title: [
    'REGULATION (EU) 2099/1 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL',
    'of 1 January 2099 on harmonised rules for synthetic widgets (Synthetic Widgets Act)',
  ],
  enacting: 'THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,',
  whereas: 'Whereas:',
  adopted: 'HAVE ADOPTED THIS REGULATION:',
  footnotes: {
    1: 'OJ C 12, 3.2.2098, p. 4.',
    2: 'Opinion of the Committee on Synthetic Widgets of 14 May 2098 on common methods for testing widgets (not yet published in the Official Journal).',
  },
  citations: [
    'Having regard to the Treaty on the Functioning of the European Union, and in particular Article 114 thereof,',
    'Having regard to the opinion of the Committee on Synthetic Widgets {fn:1},',
  ],
  recitals: [
    'Synthetic widgets are assembled in one Member State, tested in another and sold throughout the internal market. Divergent national rules on their design and testing create obstacles to trade and uncertainty for the undertakings that make them. Uniform rules laid down directly in a regulation are therefore the most suitable means of removing those obstacles. Those rules should also ensure a high level of protection of the health and safety of the persons who use synthetic widgets at work or at home. The absence of common rules has also led to the repetition of the same tests in several Member States, which raises costs without improving safety.',
    'The rules laid down in this Regulation should apply to every synthetic widget placed on the market in the Union, irrespective of whether it is made in the Union or imported, and irrespective of whether it is sold on its own or built into another product. Widgets made solely for research in a laboratory should be excluded, as long as they are not made available to other persons. Widgets supplied as spare parts for products already on the market should be covered, since their failure can affect the safety of the product as a whole. Widgets that are exhibited at trade fairs without being sold should not be regarded as placed on the market, provided that a visible sign clearly indicates that they do not yet comply with this Regulation.',
    'Testing before a widget reaches the market is the most effective safeguard. The methods recommended by the Committee on Synthetic Widgets {fn:2} reflect current practice and should serve as the basis for the requirements set out in the annexes to this Regulation. The Commission should be able to update those requirements as testing techniques evolve. Tests carried out by an independent laboratory should be recognised in all Member States, provided that the laboratory applies those methods and keeps records of the tests it has carried out. Where such records are incomplete, the competent authorities should be able to require that the tests be repeated.',
    'Manufacturers established outside the Union should appoint a representative in the Union, so that the competent authorities always have a contact point that can provide the test report and cooperate with them where a widget presents a risk to the health or safety of persons. The mandate given to that representative should be in writing and should specify the tasks that the representative is to carry out on behalf of the manufacturer. A representative should not be able to delegate those tasks to another person, and should be able to show the mandate to the competent authorities on request.',
    'Consumers should be able to identify the manufacturer of a widget and the date of its most recent test from the label alone. The label should therefore follow a single format and be written in a language that consumers in the Member State concerned can easily understand. Member States should be able to require the use of one or more of the official languages of the Union for that purpose, but should not impose additional marking obligations that would fragment the internal market. The label should remain legible for the whole expected lifetime of the widget.',
    'Since the free movement of safe synthetic widgets cannot be secured by the Member States acting alone, but can rather be better secured at Union level, the Union may adopt measures in accordance with the principle of subsidiarity. In line with the principle of proportionality, this Regulation is limited to what is needed for that purpose. In particular, it does not regulate the prices at which widgets are sold, nor the conditions under which undertakings may be established in order to make them, which remain matters for the Member States. Nor does it affect the rules of the Member States on liability for damage caused by defective widgets, or the way in which the Member States organise their market surveillance authorities.',
  ],
  chapters: [
    {
      num: 'I',
      title: 'GENERAL PROVISIONS',
      articles: [
        {
          num: '1',
          heading: 'Subject matter',
          subparas: [
            'This Regulation lays down uniform rules for the design, testing, labelling and supply of synthetic widgets placed on the market in the Union.',
            'It also lays down rules on cooperation between the competent authorities of the Member States responsible for supervising manufacturers and distributors of synthetic widgets.',
          ],
        },
        {
          num: '2',
          heading: 'Definitions',
          text: 'For the purposes of this Regulation, the following definitions apply:',
          defs: [
            '‘synthetic widget’ means a manufactured device, whether or not built into another product, that performs a mechanical or electrical function by means of components assembled according to a recorded design;',
            '‘manufacturer’ means a natural or legal person who makes a synthetic widget, or has it designed or made, and markets it under its own name or trade mark;',
            '‘test report’ means the document drawn up by a manufacturer in accordance with Article 3(1), point (b).',
          ],
        },
      ],
    },
    {
      num: 'II',
      title: 'OBLIGATIONS OF MANUFACTURERS AND DISTRIBUTORS',
      sections: [
        {
          num: '1',
          title: 'Design and testing',
          articles: [
            {
              num: '3',
              heading: 'Testing of synthetic widgets',
              paras: [
                {
                  text: 'Before placing a synthetic widget on the market, the manufacturer shall:',
                  points: [
                    {
                      num: '(a)',
                      text: 'test the widget against each of the requirements set out in Annex I;',
                    },
                    {
                      num: '(b)',
                      text: 'draw up a test report which shall:',
                      points: [
                        {
                          num: '(i)',
                          text: 'describe the methods, tools and equipment used for each test, together with any relevant supporting docu{hy}mentation needed to repeat the test under the same conditions;',
                        },
                        {
                          num: '(ii)',
                          text: 'state the result of each test and the name of the person who carried it out;',
                        },
                      ],
                    },
                    {
                      num: '(c)',
                      text: 'keep the test report for ten years after the last widget of the model concerned has been placed on the market;',
                    },
                    {
                      num: '(d)',
                      text: 'make the test report available to the competent authority upon a reasoned request.',
                    },
                  ],
                },
                {
                  text: 'The manufacturer shall repeat the tests referred to in paragraph 1 whenever a change to the design or to the components of a widget may affect its compliance with the requirements set out in Annex I, and shall update the test report accordingly.',
                },
                {
                  text: 'The Commission may, by means of implementing acts, lay down a template for the test report. Those implementing acts shall be adopted in accordance with the examination procedure referred to in Article 6 of Regulation (EU) No 182/2011.',
                },
              ],
            },
            {
              num: '4',
              heading:
                'Obligations of manufacturers established outside the Union and of the authorised representatives that they appoint in the Member States where their widgets are supplied',
              paras: [
                {
                  text: 'A manufacturer established outside the Union shall, before placing a synthetic widget on the market, appoint by written mandate an authorised representative established in the Union.',
                  subparas: [
                    'The mandate shall empower the authorised representative to keep the test report at the disposal of the competent authorities for the period referred to in Article 3(1), point (c), and to cooperate with those authorities on any action taken in respect of a widget that presents a risk.',
                  ],
                },
                {
                  text: 'The authorised representative shall terminate the mandate where it has reason to consider that the manufacturer is acting contrary to its obligations under this Regulation. In that case, it shall inform the competent authority of the Member State in which it is established without delay, and shall keep a copy of the notice of termination for five years.',
                },
                {
                  text: 'Where a manufacturer established outside the Union has not appointed an authorised representative, the importer of the widget shall perform the tasks referred to in paragraph 1, second subparagraph, and shall be liable for their performance as if it were the authorised representative.',
                },
              ],
            },
          ],
        },
        {
          num: '2',
          title: 'Labelling and supply',
          articles: [
            {
              num: '5',
              heading: 'Labelling',
              paras: [
                {
                  text: 'Manufacturers shall ensure that each synthetic widget bears a label containing the information set out in Annex II. Where the size of the widget does not allow it, the label shall be affixed to its packaging and to the instructions for use.',
                },
                {
                  text: 'The label shall be clearly legible and indelible. It shall be written in a language which can be easily understood by consumers, as determined by the Member State in which the widget is made available, and shall not be obscured by any other marking.',
                },
              ],
            },
            {
              num: '6',
              heading: 'Supply to consumers',
              paras: [
                {
                  text: 'Before making a widget available to consumers, a distributor shall first verify that it bears the label required by{br}Article 5 and that the manufacturer has drawn up the test report referred to in Article 3(1), point (b).',
                },
                {
                  text: 'Where a distributor considers that a widget does not comply with this Regulation, it shall not make the widget available until it has been brought into compliance, and shall inform the manufacturer and the competent authority to that effect.',
                },
                { text: 'This Article shall apply from 1 July 2099.' },
              ],
            },
          ],
        },
      ],
    },
  ],
  closing: {
    binding: 'This Regulation shall be binding in its entirety and directly applicable in all Member States.',
    done: 'Done at Brussels, 1 January 2099.',
    signatures: [
      ['For the European Parliament', 'The President', 'J. DOE'],
      ['For the Council', 'The President', 'R. ROE'],
    ],
  },
  annexes: [
    {
      num: 'I',
      title: 'Requirements for the testing of synthetic widgets',
      sections: [
        {
          num: '1',
          title: 'Mechanical tests',
          text: 'The manufacturer shall carry out at least the following mechanical tests on a sample of each model:',
          points: [
            'A load test, in which the widget is operated for 1 000 cycles at its maximum rated load without any loss of function.',
            'A drop test, in which the widget is dropped three times from a height of one metre onto a hard surface and is then inspected for damage.',
          ],
        },
        {
          num: '2',
          title: 'Electrical tests',
          text: '',
          points: [
            'An insulation test, carried out at twice the rated voltage of the widget for one minute.',
            'A test of the behaviour of the widget when its power supply is interrupted and then restored.',
          ],
        },
      ],
    },
    {
      num: 'II',
      title: 'Information to be shown on the label',
      text: 'The label shall show the name and postal address of the manufacturer, the model and batch number of the widget and the date of the most recent test carried out in accordance with Article 3, in the form that is required by the provisions of{br}Article 5.',
    },
  ],
};

/** Build the act's unit list (without pages) from the model. */
function actUnits(m) {
  const units = [];
  const u = (id, type, num, heading, text, parent) =>
    units.push({ id, type, num, heading, text: plain(text), parent, fns: footnoteNumbers(text) });
  u('pre', 'preamble', null, null, [...m.title, m.enacting, m.whereas, m.adopted].join(' '), null);
  m.citations.forEach((c, i) => u(`cit_${i + 1}`, 'citation', null, null, c, 'pre'));
  m.recitals.forEach((r, i) => u(`rec_${i + 1}`, 'recital', String(i + 1), null, r, 'pre'));
  const article = (a, parent) => {
    const id = `art_${a.num}`;
    u(id, 'article', a.num, a.heading, a.text ?? (a.subparas ? a.subparas[0] : ''), parent);
    (a.subparas || [])
      .slice(1)
      .forEach((s, i) => u(`${id}__subpara_${i + 2}`, 'subparagraph', null, null, s, id));
    (a.defs || []).forEach((d, i) => u(`${id}__point_${i + 1}`, 'point', `(${i + 1})`, null, d, id));
    (a.paras || []).forEach((p, i) => {
      const pid = `${id}__para_${i + 1}`;
      u(pid, 'paragraph', String(i + 1), null, p.text, id);
      const points = (list, parent2) =>
        (list || []).forEach((pt) => {
          const ptid = `${parent2}__point_${pt.num.replace(/[()]/g, '')}`;
          u(ptid, 'point', pt.num, null, pt.text, parent2);
          points(pt.points, ptid);
        });
      points(p.points, pid);
      (p.subparas || []).forEach((s, k) => u(`${pid}__subpara_${k + 2}`, 'subparagraph', null, null, s, pid));
    });
  };
  for (const c of m.chapters) {
    const cid = `chp_${c.num}`;
    u(cid, 'chapter', c.num, c.title, '', null);
    (c.articles || []).forEach((a) => article(a, cid));
    for (const s of c.sections || []) {
      const sid = `${cid}__sec_${s.num}`;
      u(sid, 'section', s.num, s.title, '', cid);
      s.articles.forEach((a) => article(a, sid));
    }
  }
  const cl = m.closing;
  const rows = [0, 1, 2].flatMap((r) => cl.signatures.map((col) => col[r]));
  u('closing', 'other', null, null, [cl.binding, cl.done, ...rows].join(' '), null);
  for (const a of m.annexes) {
    const aid = `anx_${a.num}`;
    u(aid, 'annex', a.num, a.title, a.text ?? '', null);
    for (const s of a.sections || []) {
      const sid = `${aid}__sec_${s.num}`;
      u(sid, 'section', s.num, s.title, s.text, aid);
      s.points.forEach((p, i) => u(`${sid}__point_${i + 1}`, 'point', String(i + 1), null, p, sid));
    }
  }
  return units;
}

const ACT_STYLE = {
  body: { r: ['R', 9.6], i: ['I', 9.6], sup: ['R', 5.5, 3.1] },
  small: { r: ['R', 8.5], i: ['I', 8.5], sup: ['R', 4.9, 2.8] },
  bold: { r: ['B', 9.6] },
  boldSmall: { r: ['B', 8.5] },
  boldItalic: { r: ['BI', 9.6] },
  italic: { r: ['I', 9.6] },
  italicSmall: { r: ['I', 8.5] },
};
const A = { L: 67.4, R: PAGE_W - 67.4, LEAD: 10.5, GAP: 31.4, PGAP: 28.4 };

function layoutAct(m, fonts) {
  const f = new Flow({
    fonts,
    top: (n) => (n === 1 ? 735.0 : 757.7),
    bottom: 45.4,
    footnotes: m.footnotes,
    noteStyle: { textStyle: ACT_STYLE.small, textX: 89.4, right: A.R, leading: 9.3 },
  });
  const S = ACT_STYLE;
  const body = (text, o) => f.para(text, { style: S.body, x: A.L, right: A.R, leading: A.LEAD, ...o });
  const centered = (text, style, dy, o = {}) =>
    f.para(text, { style, x: A.L + 40, right: A.R - 40, leading: A.LEAD, dy, align: 'center', ...o });

  // Title block (page 1, below the masthead drawn in decorate())
  const titleLine = (t, dy, unit) => {
    const lines = f.para(t, {
      style: S.bold,
      x: 45,
      right: PAGE_W - 45,
      leading: A.LEAD,
      dy,
      align: 'center',
      unit,
    });
    if (lines !== 1) throw new Error(`act title line must not wrap: ${t}`);
  };
  titleLine(m.title[0], 0, 'pre');
  titleLine(m.title[1], 28.4);
  f.para(m.enacting, { style: S.small, x: A.L, right: A.R, leading: A.LEAD, dy: 33, align: 'left' });
  m.citations.forEach((c, i) => body(c, { dy: A.PGAP, unit: `cit_${i + 1}` }));
  body(m.whereas, { dy: A.PGAP, align: 'left' });
  m.recitals.forEach((r, i) =>
    body(r, {
      dy: A.PGAP,
      x1: 93.7,
      xN: 93.7,
      unit: `rec_${i + 1}`,
      keepLines: 1,
      label: { text: `(${i + 1})`, x: A.L, font: 'R', size: 8.5 },
    }),
  );
  f.para(m.adopted, { style: S.small, x: A.L, right: A.R, leading: A.LEAD, dy: 51.5, align: 'left' });

  let dyNext = 51; // gap before the next heading block
  const headingBlock = (label, labelStyle, title, titleStyle, unit, keepAfter) => {
    const lines = f.breakLines(tokenize(title), titleStyle, A.R - A.L - 80, A.R - A.L - 80).length;
    f.ensure(dyNext, 16.9 + (lines - 1) * A.LEAD + keepAfter);
    centered(label, labelStyle, dyNext, { unit });
    centered(title, titleStyle, 16.4);
  };
  const article = (a) => {
    const id = `art_${a.num}`;
    headingBlock(`Article ${a.num}`, S.italic, a.heading, S.bold, id, A.GAP + 2 * A.LEAD);
    let dy = A.GAP;
    if (a.subparas) {
      a.subparas.forEach((s, i) => {
        body(s, { dy, unit: i === 0 ? undefined : `${id}__subpara_${i + 1}` });
        dy = A.GAP;
      });
    }
    if (a.text) {
      body(a.text, { dy });
      dy = A.GAP;
    }
    (a.defs || []).forEach((d, i) => {
      body(d, {
        dy,
        x1: 86.9,
        xN: 86.9,
        unit: `${id}__point_${i + 1}`,
        label: { text: `(${i + 1})`, x: A.L, font: 'R', size: 9.6 },
      });
      dy = A.GAP;
    });
    (a.paras || []).forEach((p, i) => {
      const pid = `${id}__para_${i + 1}`;
      body(p.text, {
        dy,
        x1: 89.0,
        xN: A.L,
        unit: pid,
        label: { text: `${i + 1}.`, x: A.L, font: 'R', size: 9.6 },
      });
      dy = A.GAP;
      for (const pt of p.points || []) {
        const ptid = `${pid}__point_${pt.num.replace(/[()]/g, '')}`;
        body(pt.text, {
          dy,
          x1: 81.5,
          xN: 81.5,
          unit: ptid,
          label: { text: pt.num, x: A.L, font: 'R', size: 9.6 },
        });
        for (const sp of pt.points || []) {
          const spid = `${ptid}__point_${sp.num.replace(/[()]/g, '')}`;
          body(sp.text, {
            dy: A.GAP,
            x1: 95.5,
            xN: 95.5,
            unit: spid,
            label: { text: sp.num, rightAt: 93.2, font: 'R', size: 9.6 },
          });
        }
      }
      (p.subparas || []).forEach((s, k) => body(s, { dy: A.GAP, unit: `${pid}__subpara_${k + 2}` }));
    });
    dyNext = 50;
  };
  for (const c of m.chapters) {
    const cid = `chp_${c.num}`;
    // keep a chapter / section heading with the article heading and two lines after it
    headingBlock(
      `CHAPTER ${c.num}`,
      { r: ['R', 8.5] },
      c.title,
      S.boldSmall,
      cid,
      c.sections ? 36 + 16.9 + 125 : 140,
    );
    dyNext = 51.5;
    (c.articles || []).forEach((a) => article(a));
    for (const s of c.sections || []) {
      if (dyNext === 51.5) dyNext = 36; // section directly under the chapter title
      headingBlock(`SECTION ${s.num}`, S.italicSmall, s.title, S.boldItalic, `${cid}__sec_${s.num}`, 125);
      dyNext = 51.5;
      s.articles.forEach((a) => article(a));
    }
  }
  // Closing formula
  const cl = m.closing;
  f.ensure(23.3, 23.3 * 2 + 17 * 2 + 10);
  f.para(cl.binding, {
    style: S.body,
    x: 93.0,
    right: A.R,
    leading: A.LEAD,
    dy: 23.3,
    align: 'left',
    unit: 'closing',
  });
  f.para(cl.done, { style: S.body, x: 93.0, right: A.R, leading: A.LEAD, dy: 23.3, align: 'left' });
  const centers = [202.0, 430.0];
  [0, 1, 2].forEach((row) => {
    const runs = cl.signatures.map((col, k) => {
      const font = row < 2 ? 'I' : 'R';
      return {
        x: centers[k] - f.width(col[row], font, 9.6) / 2,
        text: col[row],
        font,
        size: 9.6,
        rise: 0,
        tw: 0,
      };
    });
    f.put(runs, row === 0 ? 23.2 : 17);
  });
  // Annexes: each on a new page
  for (const a of m.annexes) {
    f.newPage();
    const aid = `anx_${a.num}`;
    f.para(`ANNEX ${a.num}`, {
      style: S.italicSmall,
      x: A.L,
      right: A.R,
      leading: A.LEAD,
      dy: 0,
      align: 'center',
      unit: aid,
    });
    centered(a.title, S.bold, 23);
    if (a.text) body(a.text, { dy: 34.4 });
    for (const s of a.sections || []) {
      const sid = `${aid}__sec_${s.num}`;
      f.ensure(34.4, 17 + 17 + 2 * A.LEAD);
      centered(`Section ${s.num}`, S.body, 34.4, { unit: sid });
      centered(s.title, S.body, 16.9);
      let dy = 17;
      if (s.text) {
        body(s.text, { dy });
        dy = 27;
      }
      s.points.forEach((p, i) => {
        body(p, {
          dy,
          x1: 94.3,
          xN: 94.3,
          unit: `${sid}__point_${i + 1}`,
          label: { text: `${i + 1}.`, x: A.L, font: 'R', size: 9.6 },
        });
        dy = 27;
      });
    }
  }
  return f;
}

function decorateAct(f) {
  const total = f.pages.length;
  const grey = rgb(0, 0, 0);
  for (const p of f.pages) {
    const even = p.num % 2 === 0;
    const item = (x, y, text, font, size) => p.items.push({ x, y, text, font, size, tw: 0 });
    const w = (t, size) => f.width(t, 'R', size);
    if (p.num === 1) {
      // Masthead (simplified): emblem box, journal name, language, series, number and date.
      p.rects.push({ x: 41.8, y: 781, width: 36, height: 24, color: rgb(0.0, 0.2, 0.6) });
      item(84.4, 794.7, 'Official Journal', 'R', 9.6);
      item(84.4, 784.1, 'of the European Union', 'R', 9.6);
      item(A.R + 26 - w('EN', 9.6), 794.7, 'EN', 'R', 9.6);
      item(A.R + 26 - w('L series', 9.6), 784.1, 'L series', 'R', 9.6);
      item(CENTER - w('2099/1', 12.7) / 2, 760.0, '2099/1', 'R', 12.7);
      item(A.R + 26 - w('1.1.2099', 9.6), 762.6, '1.1.2099', 'R', 9.6);
      p.rules.push({ start: { x: 41.8, y: 775 }, end: { x: A.R + 26, y: 775 }, thickness: 0.5, color: grey });
      p.rules.push({ start: { x: 41.8, y: 754 }, end: { x: A.R + 26, y: 754 }, thickness: 0.5, color: grey });
    } else if (even) {
      item(41.8, 785.7, 'EN', 'R', 15.9);
      item(491.1, 784.0, ACT_HEADER_DATE, 'R', 9.6);
    } else {
      item(41.8, 784.0, ACT_HEADER_DATE, 'R', 9.6);
      item(A.R + 26 - w('EN', 15.9), 785.7, 'EN', 'R', 15.9);
    }
    const pn = `${p.num}/${total}`;
    if (even) {
      item(41.8, 21.7, pn, 'R', 9.6);
      item(A.R + 26 - w(ACT_ELI, 9.6), 21.7, ACT_ELI, 'R', 9.6);
    } else {
      item(41.8, 21.7, ACT_ELI, 'R', 9.6);
      item(A.R + 26 - w(pn, 9.6), 21.7, pn, 'R', 9.6);
    }
    // Footnotes, bottom-aligned at y = 45.4, with a short rule above them.
    if (p.notes.length) {
      const all = p.notes.map((n) => ({ n, lines: f.noteLines(n) }));
      const count = all.reduce((a, x) => a + x.lines.length, 0);
      let y = 45.4 + (count - 1) * 9.3;
      p.rules.push({
        start: { x: A.L, y: y + 11 },
        end: { x: A.L + 130, y: y + 11 },
        thickness: 0.5,
        color: grey,
      });
      for (const { n, lines } of all) {
        item(A.L, y, '(', 'R', 8.5);
        const ox = A.L + f.width('(', 'R', 8.5);
        p.items.push({ x: ox, y: y + 2.8, text: String(n), font: 'R', size: 4.9, tw: 0 });
        item(ox + f.width(String(n), 'R', 4.9), y, ')', 'R', 8.5);
        lines.forEach((line, i) => {
          const tw = line.last ? 0 : (A.R - 89.4 - line.natural) / Math.max(1, line.toks.length - 1);
          for (const r of f.runsFor(line, ACT_STYLE.small, 89.4, tw)) p.items.push({ ...r, y });
          if (i < lines.length - 1) y -= 9.3;
        });
        y -= 9.3;
      }
    }
  }
}

// ─────────────────────────────────────────── the codes ────────────────────────────────────────

const NAVY = rgb(0.09, 0.2, 0.36);
const C = { L: 57.0, R: PAGE_W - 57.0, LEAD: 13.1, PGAP: 18.75, TOP: 775.2, BOTTOM: 72 };
const CODE_STYLE = {
  body: { r: ['R', 10.5], i: ['I', 10.5], sup: ['R', 6, 3.5] },
  bold: { r: ['B', 10.5] },
  legal: { r: ['R', 9.5] },
};

const CODE = {
  kind: 'code',
  cover: ['Code of Practice for', 'General-Purpose AI Models', 'Transparency Chapter (synthetic)'],
  summary: true,
  objectives: [
    [
      'A',
      'To help providers of general-purpose AI models show how they meet the documentation obligations in Article 53(1), points (a) and (b) AI Act, bearing in mind that following this Chapter is not conclusive evidence of compliance.',
    ],
    [
      'B',
      'To give the AI Office and downstream providers a consistent and comparable set of information about each model covered by this Chapter, so that they can rely on it when carrying out their own tasks.',
    ],
  ],
  recitals: [
    [
      'a',
      'Proportionate documentation. The Signatories recognise that the amount of detail in the documentation should reflect the nature of the model and the size of the provider, and that small and medium enterprises may use simplified forms where this Chapter allows it.',
    ],
    [
      'b',
      'Confidentiality. The Signatories recognise that information shared with the AI Office or with downstream providers may include trade secrets, and that its confidentiality should be protected in line with Article 78 AI Act.',
    ],
    [
      'c',
      'Keeping information current. The Signatories recognise that documentation loses its value if it is not kept up to date, and that changes to a model should therefore be reflected in the documentation within a reasonable time.',
    ],
  ],
  commitments: [
    {
      num: '1',
      heading: 'Documentation of models and information{br}for downstream providers',
      legal: 'LEGAL TEXT: Article 53(1), points (a) and (b) AI Act',
      body: [
        'Signatories commit to documenting each model they place on the market, to keeping that documentation up to date, and to providing the relevant parts of it to the AI Office and to downstream providers, as specified in Measures 1.1 to 1.3.',
        'Signatories whose model is only used internally are not required to share its documentation with downstream providers, but will still keep that documentation up to date.',
      ],
      measures: [
        {
          num: '1.1',
          heading: 'Drawing up and keeping the model documentation',
          body: ['Signatories will draw up, for each model, documentation that contains at least:'],
          points: [
            {
              num: '(1)',
              text: 'the information listed in Appendix 1, filled in for the model concerned; and',
            },
            {
              num: '(2)',
              text: 'a record of each version of the model, which will include:',
              points: [
                { num: '(a)', text: 'the date on which the version was first made available; and' },
                {
                  num: '(b)',
                  text: 'the changes made compared with the previous version, including:',
                  points: [
                    { num: '(i)', text: 'changes to the data used for training; and' },
                    { num: '(ii)', text: 'changes to the tasks that the model is intended to perform.' },
                  ],
                },
              ],
            },
          ],
          tail: [
            'Signatories will keep each version of the documentation for at least ten years after the model has been placed on the market, and will make earlier versions available to the AI Office upon request.',
          ],
        },
        {
          num: '1.2',
          heading: 'Providing information to downstream providers',
          body: [
            'Signatories will make the parts of the documentation that downstream providers need in order to integrate the model into their AI systems available to them before the integration starts, and at the latest within 14 days of a request. That information will include at least:',
          ],
          points: [
            {
              num: '(1)',
              text: 'the tasks that the model is intended to perform and the types of AI systems into which it can be integrated;',
            },
            { num: '(2)', text: 'the acceptable use policy that applies to the model; and' },
            {
              num: '(3)',
              text: 'the formats of the inputs and outputs that the model supports, and their maximum size; and',
            },
            {
              num: '(4)',
              text: 'the main known limitations of the model that downstream providers should take into account when they integrate it into an AI system.',
            },
          ],
          tail: [
            'Such information will be given in a form that downstream providers can read and process without specialist tools, and will be updated whenever the documentation changes.',
          ],
        },
        {
          num: '1.3',
          heading: 'Ensuring the quality and integrity of the information',
          body: [
            'Signatories will check the documentation for accuracy before sharing it and will protect it against unintended changes. Upon request, Signatories will give the AI Office the information provided under{br}Measure 1.2, other than as regards information that they have already made public, within the period set in the request.',
            'Signatories will keep a record of each request received from the AI Office and of the information provided in response to it, and will keep that record for at least five years after the request was received.',
            'Where Signatories find that information they have already shared was inaccurate, they will correct it and will inform the recipients of the correction without undue delay, stating which parts of the information have changed and the reasons for the change. Corrections that may affect the safety of AI systems into which the model has been integrated will be sent to the downstream providers concerned first. A record of each correction will be kept with the documentation.',
          ],
        },
      ],
    },
  ],
  glossary: [
    [
      '‘downstream provider’',
      'a provider of an AI system, including a general-purpose AI system, that integrates a model into that system, whether the model is its own or supplied by another party.',
    ],
    ['‘model documentation’', 'the documentation drawn up and kept in accordance with Measure 1.1.'],
  ],
  appendices: [
    {
      num: '1',
      heading: 'Model documentation form',
      body: [
        'The model documentation form contains the items listed in Appendix 1.1. Signatories may add further items where this helps readers to understand the model.',
      ],
      children: [
        {
          num: '1.1',
          heading: 'General information',
          body: ['The general information about the model comprises:'],
          points: [
            { num: '(1)', text: 'the name of the provider and the name of the model; and' },
            {
              num: '(2)',
              text: 'the date of release and the channels through which the model is distributed.',
            },
          ],
        },
      ],
    },
  ],
};

const CODE_COPYRIGHT = {
  kind: 'code',
  cover: ['Code of Practice for', 'General-Purpose AI Models', 'Copyright Chapter (synthetic)'],
  commitments: [
    {
      num: '1',
      heading: 'Copyright policy',
      legal: 'LEGAL TEXT: Article 53(1), point (c) AI Act',
      body: [
        'Signatories commit to drawing up, keeping up to date and implementing a policy to comply with Union law on copyright and related rights for all models they place on the market, as specified in Measures 1.1 to 1.5.',
      ],
      measures: [
        {
          num: '1.1',
          heading: 'Drawing up and implementing a copyright policy',
          body: [
            'Signatories will set out in a single document the policy referred to in this Commitment, assign responsibility for it within their organisation, and review it at least once a year.',
          ],
        },
        {
          num: '1.2',
          heading: 'Respecting reservations of rights when collecting content',
          body: ['When they collect content from the internet for training, Signatories will:'],
          points: [
            {
              num: '(1)',
              text: 'use crawlers that read and follow machine-readable instructions by which rightsholders reserve their rights; and',
            },
            {
              num: '(2)',
              text: 'not circumvent technical measures that restrict access to content, such as subscription walls.',
            },
          ],
        },
        {
          num: '1.3',
          heading: 'Excluding repeatedly infringing sources',
          body: [
            'Signatories will exclude from their collection of training content any website that courts or public authorities in the Union have recognised as repeatedly making content available in breach of copyright.',
          ],
        },
        {
          num: '1.4',
          heading: 'Reducing the risk of infringing outputs',
          body: [
            'Signatories will take proportionate technical measures to prevent their models from reproducing protected content in an infringing manner, and will prohibit such uses in their terms of use.',
          ],
        },
        {
          num: '1.5',
          heading: 'Designating a point of contact',
          body: [
            'Signatories will designate a point of contact for rightsholders and will allow them to submit complaints electronically. Complaints will be handled diligently, impartially and within a reasonable time.',
          ],
        },
      ],
    },
  ],
};

const CODE_DRAFT = {
  kind: 'code',
  cover: ['Draft Code of Practice for', 'General-Purpose AI Models', 'Working draft (synthetic)'],
  commitments: [
    {
      num: 'II.1',
      heading: 'Technical documentation',
      legal: 'LEGAL TEXT: Article 53(1), points (a) and (b) AI Act',
      body: [
        'Signatories commit to drawing up and keeping up to date technical documentation for each of their models.',
      ],
      measures: [
        {
          num: 'II.1.1',
          heading: 'Documentation form',
          body: [
            'Signatories will use a documentation form that lists the information to be kept for each model.',
          ],
        },
        {
          num: 'II.1.2',
          heading: 'Updating the documentation',
          body: [
            'Signatories will update the documentation whenever the model changes in a way that affects the information in the form.',
          ],
        },
      ],
    },
  ],
};

function codeUnits(m) {
  const units = [];
  const u = (id, type, num, heading, text, parent) =>
    units.push({
      id,
      type,
      num,
      heading: heading === null ? null : plain(heading),
      text: plain(text),
      parent,
      fns: [],
    });
  const points = (list, parent) =>
    (list || []).forEach((pt) => {
      const id = `${parent}__point_${pt.num.replace(/[()]/g, '')}`;
      u(id, 'point', pt.num, null, pt.text, parent);
      points(pt.points, id);
    });
  // The `Objectives` and `Recitals` banners head units of their own (type heading) that hold any
  // introductory text (`Whereas:`) and parent the objectives and recitals.
  if (m.objectives) u('objectives', 'heading', null, 'Objectives', '', null);
  for (const [n, t] of m.objectives || []) u(`obj_${n}`, 'objective', n, null, t, 'objectives');
  if (m.recitals) u('recitals', 'heading', null, 'Recitals', 'Whereas:', null);
  for (const [n, t] of m.recitals || []) u(`rec_${n}`, 'recital', n, null, t, 'recitals');
  for (const c of m.commitments) {
    const cid = `cmt_${c.num}`;
    u(cid, 'commitment', c.num, c.heading, [c.legal, ...c.body].join(' '), null);
    for (const ms of c.measures) {
      const mid = `msr_${ms.num}`;
      u(mid, 'measure', ms.num, ms.heading, [...ms.body, ...(ms.tail || [])].join(' '), cid);
      points(ms.points, mid);
    }
  }
  if (m.glossary) u('gls', 'glossary', null, 'Glossary', m.glossary.flat().join(' '), null);
  const appendix = (a, parent) => {
    const id = `app_${a.num}`;
    u(id, 'appendix', a.num, a.heading, (a.body || []).join(' '), parent);
    points(a.points, id);
    (a.children || []).forEach((ch) => appendix(ch, id));
  };
  (m.appendices || []).forEach((a) => appendix(a, null));
  return units;
}

function layoutCode(m, fonts, tocPages) {
  const f = new Flow({ fonts, top: () => C.TOP, bottom: C.BOTTOM, footnotes: {} });
  const S = CODE_STYLE;
  const body = (text, o) => f.para(text, { style: S.body, x: C.L, right: C.R, leading: C.LEAD, ...o });
  const banner = (text) => {
    f.detach();
    // section banner at the top of a fresh page: 16 pt bold
    f.put([{ x: C.L, text, font: 'B', size: 16, tw: 0, color: NAVY }], 0);
    f.lastY = 766.2;
    f.page.items[f.page.items.length - 1].y = 766.2;
  };
  const pointList = (list, parent, depth) => {
    const lx = [C.L, 79.7, 102.4][depth];
    const tx = [79.7, 102.4, 125.1][depth];
    for (const pt of list || []) {
      const id = `${parent}__point_${pt.num.replace(/[()]/g, '')}`;
      body(pt.text, {
        dy: C.PGAP,
        x1: tx,
        xN: tx,
        unit: id,
        label: { text: pt.num, x: lx, font: 'R', size: 10.5 },
      });
      pointList(pt.points, id, depth + 1);
    }
  };
  // Cover
  const cover = m.cover;
  f.at(C.L, 588.4, cover[0], 'B', 28, { color: NAVY });
  f.at(C.L, 554.7, cover[1], 'B', 28, { color: NAVY });
  f.at(C.L, 516.4, cover[2], 'R', 18, { color: NAVY });
  f.at(C.L, 440.0, 'Synthetic test fixture for Crosswalk. Not an official text.', 'I', 10);
  f.at(C.L, 388.9, 'Ada Placeholder', 'B', 10);
  f.at(C.L, 376.2, 'Working Group 1 Chair', 'R', 10);
  f.at(223.4, 388.9, 'Ben Sample', 'B', 10);
  f.at(223.4, 376.2, 'Working Group 1 Vice-Chair', 'R', 10);
  // Summary (a table of contents: must not become content)
  if (m.summary) {
    f.newPage();
    banner('Summary of Commitments and Measures');
    let dy = 28;
    const entry = (text, font, x, page) => {
      const style = { r: [font, 10.5] };
      const lines = f.breakLines(tokenize(text), style, C.R - x - 30, C.R - x - 30);
      lines.forEach((line, i) => {
        const runs = f.runsFor(line, style, x, 0);
        if (i === lines.length - 1) {
          const pn = String(page ?? 0);
          runs.push({ x: C.R - f.width(pn, 'R', 10.5), text: pn, font: 'R', size: 10.5, tw: 0 });
        }
        f.put(runs, i === 0 ? dy : C.LEAD);
      });
      dy = 16;
    };
    for (const c of m.commitments) {
      entry(`Commitment ${c.num} ${plain(c.heading)}`, 'B', C.L, tocPages.get(`cmt_${c.num}`));
      for (const ms of c.measures)
        entry(`Measure ${ms.num} ${ms.heading}`, 'R', 79.7, tocPages.get(`msr_${ms.num}`));
      dy = 24;
    }
  }
  // Objectives and recitals
  if (m.objectives) {
    f.newPage();
    f.mark('objectives');
    banner('Objectives');
    let dy = 24;
    for (const [n, t] of m.objectives) {
      body(t, {
        dy,
        x1: 79.7,
        xN: 79.7,
        unit: `obj_${n}`,
        label: { text: `${n}.`, x: C.L, font: 'R', size: 10.5 },
      });
      dy = C.PGAP;
    }
  }
  if (m.recitals) {
    f.ensure(40, 60);
    f.detach();
    f.mark('recitals');
    f.put([{ x: C.L, text: 'Recitals', font: 'B', size: 16, tw: 0, color: NAVY }], 40);
    body('Whereas:', { dy: 24, align: 'left' });
    for (const [n, t] of m.recitals)
      body(t, {
        dy: C.PGAP,
        x1: 79.7,
        xN: 79.7,
        unit: `rec_${n}`,
        label: { text: `(${n})`, x: C.L, font: 'R', size: 10.5 },
      });
  }
  // Commitments and measures
  for (const c of m.commitments) {
    f.newPage();
    const cid = `cmt_${c.num}`;
    f.para(`Commitment ${c.num} ${c.heading}`, {
      style: { r: ['B', 15] },
      x: C.L,
      right: C.R,
      leading: 18,
      dy: 0,
      align: 'left',
      unit: cid,
      color: NAVY,
    });
    const ly = f.lastY - 27;
    f.page.rects.push({
      x: C.L,
      y: ly - 6,
      width: C.R - C.L,
      height: 18.5,
      borderColor: rgb(0.55, 0.6, 0.7),
      borderWidth: 0.75,
    });
    f.put([{ x: 63.7, text: c.legal, font: 'R', size: 9.5, tw: 0 }], 27);
    let dy = 23.2;
    for (const p of c.body) {
      body(p, { dy });
      dy = C.PGAP;
    }
    for (const ms of c.measures) {
      const mid = `msr_${ms.num}`;
      f.ensure(23.3, 18.7 + 2 * C.LEAD);
      f.para(`Measure ${ms.num} ${ms.heading}`, {
        style: { r: ['B', 12] },
        x: C.L,
        right: C.R,
        leading: 14.4,
        dy: 23.3,
        align: 'left',
        unit: mid,
        color: NAVY,
      });
      let d = 18.7;
      for (const p of ms.body) {
        body(p, { dy: d });
        d = C.PGAP;
      }
      pointList(ms.points, mid, 0);
      for (const p of ms.tail || []) body(p, { dy: C.PGAP });
    }
  }
  // Glossary and appendices
  if (m.glossary) {
    // the Glossary follows on the same page when there is room (a banner, then term / definition)
    f.detach();
    f.ensure(40, 24 + 15 + 3 * C.LEAD);
    f.put([{ x: C.L, text: 'Glossary', font: 'B', size: 16, tw: 0, color: NAVY }], 40);
    let dy = 24;
    f.mark('gls');
    for (const [term, def] of m.glossary) {
      f.ensure(dy, 15 + C.LEAD);
      f.para(term, { style: S.bold, x: C.L, right: C.R, leading: C.LEAD, dy, align: 'left' });
      body(def, { dy: 15 });
      dy = C.PGAP;
    }
  }
  if (m.appendices) {
    f.ensure(40, 120);
    f.detach();
    f.put([{ x: C.L, text: 'Appendices', font: 'B', size: 16, tw: 0, color: NAVY }], 40);
    const appendix = (a, level) => {
      const id = `app_${a.num}`;
      const size = level === 0 ? 15 : 12;
      f.ensure(28, 18 + 2 * C.LEAD);
      f.para(`Appendix ${a.num} ${a.heading}`, {
        style: { r: ['B', size] },
        x: C.L,
        right: C.R,
        leading: size * 1.2,
        dy: level === 0 ? 28.5 : 23.3,
        align: 'left',
        unit: id,
        color: NAVY,
      });
      let d = 18.7;
      for (const p of a.body || []) {
        body(p, { dy: d });
        d = C.PGAP;
      }
      pointList(a.points, id, 0);
      (a.children || []).forEach((ch) => appendix(ch, level + 1));
    };
    m.appendices.forEach((a) => appendix(a, 0));
  }
  // Page numbers: bare, centred, at the bottom of every page (the cover too)
  for (const p of f.pages) {
    const t = String(p.num);
    p.items.push({ x: CENTER - f.width(t, 'R', 10) / 2, y: 25.2, text: t, font: 'R', size: 10, tw: 0 });
  }
  return f;
}

// ───────────────────────────────────────── plain memo ─────────────────────────────────────────

const PLAIN = {
  kind: 'other',
  heading: 'Memo: moving the project archive',
  paragraphs: [
    'The project archive will move to the new storage server over the weekend of 14 and 15 March. During the move the archive will be read-only, and files saved to it in that time will be lost.',
    'Please make sure that drafts you are still working on are saved on your own computer before Friday evening. If you are not sure whether a folder is included in the move, ask the office team, who keep the list of folders.',
    'After the move the archive will be reachable at the same address as before, so shortcuts and bookmarks do not need to be changed. Thank you for your patience.',
  ],
};

function layoutPlain(m, fonts) {
  const f = new Flow({ fonts, top: () => 760, bottom: 72, footnotes: {} });
  f.put([{ x: 72, text: m.heading, font: 'B', size: 16, tw: 0 }], 0, { unit: 'h_1' });
  let dy = 30;
  m.paragraphs.forEach((p, i) => {
    f.para(p, { style: { r: ['R', 11] }, x: 72, right: PAGE_W - 72, leading: 14.5, dy, unit: `p_${i + 1}` });
    dy = 24;
  });
  return f;
}

// ─────────────────────────────────────── expected JSON ────────────────────────────────────────

function expectedJson(kind, title, pages, units, unitPage, footnotes = {}) {
  const out = {
    document: { kind, title, pages },
    units: units.map((x) => {
      const page = unitPage.get(x.id);
      if (!page) throw new Error(`layout never placed unit ${x.id}`);
      return {
        id: x.id,
        type: x.type,
        num: x.num,
        heading: x.heading,
        text: x.text,
        parent: x.parent,
        page,
        notes: x.fns.map((n) => ({ marker: `(${n})`, text: plain(footnotes[n]) })),
      };
    }),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

// ────────────────────────────────────── encryption (R6) ───────────────────────────────────────

const sha = (alg, ...parts) =>
  createHash(alg)
    .update(Buffer.concat(parts.map((p) => Buffer.from(p))))
    .digest();
const seeded = (label, n) => sha('sha256', Buffer.from(`crosswalk-fixtures:${label}`)).subarray(0, n);

function aes(alg, key, iv, data, padding) {
  const c = createCipheriv(alg, key, iv);
  c.setAutoPadding(padding);
  return Buffer.concat([c.update(data), c.final()]);
}

/** ISO 32000-2, 7.6.4.3.4, Algorithm 2.B (hash for revision 6). */
function hash2B(pwd, salt, udata) {
  let k = sha('sha256', pwd, salt, udata);
  let e;
  for (let i = 0; ;) {
    const block = Buffer.concat([pwd, k, udata]);
    const k1 = Buffer.concat(Array(64).fill(block));
    e = aes('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32), k1, false);
    let sum = 0;
    for (let j = 0; j < 16; j++) sum += e[j];
    k = sha(['sha256', 'sha384', 'sha512'][sum % 3], e);
    i++;
    if (i >= 64 && e[e.length - 1] <= i - 32) break;
  }
  return k.subarray(0, 32);
}

/** Encrypt a PDF (bytes) with the standard security handler V5/R6 (AES-256), deterministically. */
async function encryptR6(bytes, { user, owner, permissions, seed }) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const ctx = doc.context;
  const up = Buffer.from(user, 'utf8');
  const op = Buffer.from(owner, 'utf8');
  const fileKey = seeded(`${seed}:key`, 32);
  const uvs = seeded(`${seed}:uvs`, 8);
  const uks = seeded(`${seed}:uks`, 8);
  const ovs = seeded(`${seed}:ovs`, 8);
  const oks = seeded(`${seed}:oks`, 8);
  const zero = Buffer.alloc(16);
  const U = Buffer.concat([hash2B(up, uvs, Buffer.alloc(0)), uvs, uks]);
  const UE = aes('aes-256-cbc', hash2B(up, uks, Buffer.alloc(0)), zero, fileKey, false);
  const O = Buffer.concat([hash2B(op, ovs, U), ovs, oks]);
  const OE = aes('aes-256-cbc', hash2B(op, oks, U), zero, fileKey, false);
  const perms = Buffer.alloc(16);
  perms.writeInt32LE(permissions, 0);
  perms.fill(0xff, 4, 8);
  perms.write('Tadb', 8, 'latin1');
  seeded(`${seed}:perms`, 4).copy(perms, 12);
  const Perms = aes('aes-256-ecb', fileKey, null, perms, false);

  let ivCounter = 0;
  const enc = (data) => {
    const iv = seeded(`${seed}:iv:${ivCounter++}`, 16);
    return Buffer.concat([iv, aes('aes-256-cbc', fileKey, iv, Buffer.from(data), true)]);
  };
  const hex = (b) => PDFHexString.of(Buffer.from(b).toString('hex'));
  const walk = (obj) => {
    if (obj instanceof PDFString || obj instanceof PDFHexString) return hex(enc(obj.asBytes()));
    if (obj instanceof PDFDict) {
      for (const [k, v] of obj.entries()) obj.set(k, walk(v));
      return obj;
    }
    if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) obj.set(i, walk(obj.get(i)));
      return obj;
    }
    return obj;
  };
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
    if (obj instanceof PDFRawStream) {
      walk(obj.dict);
      ctx.assign(ref, PDFRawStream.of(obj.dict, enc(obj.contents)));
    } else if (obj instanceof PDFStream) {
      throw new Error('unexpected non-raw stream in a loaded document');
    } else walk(obj);
  }
  const encryptDict = ctx.obj({
    CF: { StdCF: { AuthEvent: 'DocOpen', CFM: 'AESV3', Length: 32 } },
    Filter: 'Standard',
    Length: 256,
    O: hex(O),
    OE: hex(OE),
    P: PDFNumber.of(permissions),
    Perms: hex(Perms),
    R: 6,
    StmF: 'StdCF',
    StrF: 'StdCF',
    U: hex(U),
    UE: hex(UE),
    V: 5,
  });
  ctx.trailerInfo.Encrypt = ctx.register(encryptDict);
  const id = hex(seeded(`${seed}:id`, 16));
  ctx.trailerInfo.ID = ctx.obj([id, id]);
  doc.catalog.set(
    PDFName.of('Extensions'),
    ctx.obj({ ADBE: { BaseVersion: PDFName.of('1.7'), ExtensionLevel: 8 } }),
  );
  return PDFWriter.forContext(ctx, 50).serializeToBuffer();
}

// ─────────────────────────────────────────── PNG scan ─────────────────────────────────────────

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function adler32(buf) {
  let a = 1;
  let b = 0;
  for (const x of buf) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}
/** zlib stream made of stored (uncompressed) deflate blocks: byte-identical on every platform. */
function zlibStored(data) {
  const parts = [Buffer.from([0x78, 0x01])];
  for (let off = 0; off < data.length || off === 0; off += 65535) {
    const chunk = data.subarray(off, Math.min(off + 65535, data.length));
    const last = off + 65535 >= data.length;
    const h = Buffer.alloc(5);
    h[0] = last ? 1 : 0;
    h.writeUInt16LE(chunk.length, 1);
    h.writeUInt16LE(~chunk.length & 0xffff, 3);
    parts.push(h, chunk);
    if (last) break;
  }
  const ad = Buffer.alloc(4);
  ad.writeUInt32BE(adler32(data));
  parts.push(ad);
  return Buffer.concat(parts);
}
function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** A grey "scanned page": paper tone, a title bar and ragged rows of word-like dark blocks. */
function scanPng(w = 298, h = 421) {
  const rnd = mulberry32(1689);
  const px = Buffer.alloc(w * h, 236);
  const fill = (x0, y0, x1, y1, v) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) px[y * w + x] = v;
  };
  fill(80, 30, 218, 36, 70); // title
  let y = 52;
  while (y < h - 40) {
    let x = 34;
    const end = rnd() < 0.15 ? 34 + Math.floor(rnd() * 150) : w - 34;
    while (x < end - 6) {
      const ww = 6 + Math.floor(rnd() * 22);
      fill(x, y, Math.min(x + ww, end), y + 3, 95 + Math.floor(rnd() * 30));
      x += ww + 3;
    }
    y += end < w - 34 ? 12 : 7;
  }
  const raw = Buffer.alloc((w + 1) * h);
  for (let r = 0; r < h; r++) {
    raw[r * (w + 1)] = 0; // filter: none
    px.copy(raw, r * (w + 1) + 1, r * w, (r + 1) * w);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlibStored(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ───────────────────────────────────────────── build ──────────────────────────────────────────

const TIMES = {
  R: StandardFonts.TimesRoman,
  B: StandardFonts.TimesRomanBold,
  I: StandardFonts.TimesRomanItalic,
  BI: StandardFonts.TimesRomanBoldItalic,
};
const HELV = {
  R: StandardFonts.Helvetica,
  B: StandardFonts.HelveticaBold,
  I: StandardFonts.HelveticaOblique,
};

function checkForcedBreaks(name, f) {
  for (const fb of f.forced) {
    if (process.env.FIXTURES_DEBUG) console.error(name, fb.natural, fb.fill.toFixed(3), fb.text);
    if (!fb.natural && !process.env.FIXTURES_DEBUG)
      throw new Error(`${name}: forced break is not where the line would break anyway: "${fb.text}"`);
  }
}

async function buildAct() {
  const doc = await newDoc(
    ACT.title.join(' '),
    'Synthetic test fixture for Crosswalk (not an official text)',
  );
  const fonts = await embedFonts(doc, TIMES);
  const f = layoutAct(ACT, fonts);
  checkForcedBreaks('act', f);
  decorateAct(f);
  draw(doc, fonts, f.pages);
  const units = actUnits(ACT);
  return {
    pdf: await save(doc),
    json: expectedJson('act', ACT.title.join(' '), f.pages.length, units, f.unitPage, ACT.footnotes),
    flow: f,
    units,
  };
}

async function buildCode(model) {
  const title = model.cover.join(' ');
  const make = async (tocPages) => {
    const doc = await newDoc(title, 'Synthetic test fixture for Crosswalk (not an official text)');
    const fonts = await embedFonts(doc, HELV);
    return { doc, fonts, f: layoutCode(model, fonts, tocPages) };
  };
  const first = await make(new Map());
  const { doc, fonts, f } = await make(first.f.unitPage);
  checkForcedBreaks(title, f);
  draw(doc, fonts, f.pages);
  const units = codeUnits(model);
  return {
    pdf: await save(doc),
    json: expectedJson('code', title, f.pages.length, units, f.unitPage),
    flow: f,
    units,
  };
}

async function buildPlain() {
  const doc = await newDoc(PLAIN.heading, 'Synthetic test fixture for Crosswalk');
  const fonts = await embedFonts(doc, HELV);
  const f = layoutPlain(PLAIN, fonts);
  draw(doc, fonts, f.pages);
  const units = [
    { id: 'h_1', type: 'heading', num: null, heading: PLAIN.heading, text: '', parent: null, fns: [] },
    ...PLAIN.paragraphs.map((p, i) => ({
      id: `p_${i + 1}`,
      type: 'other',
      num: null,
      heading: null,
      text: plain(p),
      parent: 'h_1',
      fns: [],
    })),
  ];
  return {
    pdf: await save(doc),
    json: expectedJson('other', PLAIN.heading, f.pages.length, units, f.unitPage),
    flow: f,
    units,
  };
}

async function buildScanned() {
  const doc = await newDoc('Scanned page', 'Synthetic test fixture for Crosswalk: an image-only page');
  const img = await doc.embedPng(scanPng());
  const page = doc.addPage([PAGE_W, PAGE_H]);
  page.drawImage(img, { x: 0, y: 0, width: PAGE_W, height: PAGE_H });
  return save(doc);
}

function corrupt(bytes) {
  const out = Buffer.from(bytes);
  const rnd = mulberry32(2099);
  const a = Math.floor(out.length / 3);
  const b = Math.floor((2 * out.length) / 3);
  for (let i = a; i < b; i++) out[i] = Math.floor(rnd() * 256);
  return out;
}

/** Self-checks of the features the fixtures promise (fail loudly if an edit breaks one). */
function checkActFeatures(f) {
  const lines = f.pages.flatMap((p) => {
    const byY = new Map();
    for (const it of p.items) {
      const k = Math.round(it.y * 10);
      if (!byY.has(k)) byY.set(k, []);
      byY.get(k).push(it);
    }
    return [...byY.values()].map((its) => ({ page: p.num, its: its.sort((x, y) => x.x - y.x) }));
  });
  const text = (l) => l.its.map((i) => i.text).join('');
  const need = (ok, what) => {
    if (ok) return;
    if (process.env.FIXTURES_DEBUG) console.error(`act.pdf: missing feature: ${what}`);
    else throw new Error(`act.pdf: missing feature: ${what}`);
  };
  need(
    lines.some(
      (l) => /^Article 5 /.test(text(l)) && l.its[0].font === 'R' && Math.abs(l.its[0].x - A.L) < 0.5,
    ),
    'body line starting with "Article 5"',
  );
  need(
    lines.some((l) => text(l) === 'Article 5.' && l.its[0].font === 'R'),
    'body line "Article 5." alone',
  );
  need(
    lines.some((l) => text(l).endsWith('docu-')),
    'line ending "docu-"',
  );
  need(f.pages[0].notes.includes(1), 'footnote (1) on page 1');
  const spans = (id) =>
    new Set(
      f.lineUnits.filter((l) => l.unit === id || (l.unit || '').startsWith(`${id}__`)).map((l) => l.page),
    ).size > 1;
  need(
    [1, 2, 3, 4, 5, 6].some((n) => spans(`art_${n}`)),
    'an article continuing across a page break',
  );
  // the last recital starts on page 1 and goes on on page 2 (page 1's footnotes print in between)
  need(f.unitPage.get('rec_6') === 1 && spans('rec_6'), 'a recital continuing across a page break');
}

function checkCodeFeatures(f) {
  const spans = (id) =>
    new Set(
      f.lineUnits.filter((l) => l.unit === id || (l.unit || '').startsWith(`${id}__`)).map((l) => l.page),
    ).size > 1;
  if (!['1.1', '1.2', '1.3'].some((n) => spans(`msr_${n}`))) {
    if (process.env.FIXTURES_DEBUG)
      console.error('code.pdf: missing feature: a measure continuing across a page break');
    else throw new Error('code.pdf: missing feature: a measure continuing across a page break');
  }
}

function qpdfAvailable() {
  const r = spawnSync('qpdf', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

function qpdfCrossCheck(dir) {
  const run = (...args) => spawnSync('qpdf', args, { encoding: 'utf8' });
  const enc = join(dir, 'broken', 'encrypted.pdf');
  const nou = join(dir, 'broken', 'encrypted-nouser.pdf');
  const problems = [];
  // --requires-password: exit 0 = password required, 3 = encrypted but opens without one
  if (run('--requires-password', enc).status !== 0) problems.push('encrypted.pdf should require a password');
  if (run('--requires-password', nou).status !== 3)
    problems.push('encrypted-nouser.pdf should open without a password');
  const chk = run('--check', '--password=secret', enc);
  if (chk.status !== 0 || !/No syntax or stream encoding errors/.test(chk.stdout))
    problems.push(`qpdf --check encrypted.pdf: ${chk.stdout}${chk.stderr}`);
  const chkO = run('--check', '--password=owner', enc);
  if (chkO.status !== 0) problems.push('owner password does not open encrypted.pdf');
  const chk2 = run('--check', nou);
  if (chk2.status !== 0 || !/No syntax or stream encoding errors/.test(chk2.stdout))
    problems.push(`qpdf --check encrypted-nouser.pdf: ${chk2.stdout}${chk2.stderr}`);
  const show = run('--show-encryption', '--password=secret', enc).stdout;
  if (!/R = 6/.test(show) || !/AESv3/.test(show)) problems.push(`unexpected encryption: ${show}`);
  return problems;
}

async function main() {
  const args = process.argv.slice(2);
  let out = join(REPO, 'fixtures');
  const oi = args.indexOf('--out');
  if (oi >= 0) {
    if (!args[oi + 1]) throw new Error('--out needs a directory');
    out = resolve(args[oi + 1]);
  }
  const quiet = args.includes('--quiet');
  const log = (s) => {
    if (!quiet) console.log(s);
  };

  const act = await buildAct();
  checkActFeatures(act.flow);
  const code = await buildCode(CODE);
  checkCodeFeatures(code.flow);
  const copyright = await buildCode(CODE_COPYRIGHT);
  const draft = await buildCode(CODE_DRAFT);
  const memo = await buildPlain();
  const scanned = await buildScanned();
  const actBytes = Buffer.from(act.pdf);

  const files = [
    ['act.pdf', act.pdf],
    ['act.expected.json', act.json],
    ['code.pdf', code.pdf],
    ['code.expected.json', code.json],
    ['code-copyright.pdf', copyright.pdf],
    ['code-copyright.expected.json', copyright.json],
    ['code-draft.pdf', draft.pdf],
    ['code-draft.expected.json', draft.json],
    ['plain.pdf', memo.pdf],
    ['plain.expected.json', memo.json],
    ['broken/empty.pdf', Buffer.alloc(0)],
    [
      'broken/not-a-pdf.pdf',
      'This is not a PDF file.\nIt is plain text that was saved with a .pdf extension.\n',
    ],
    ['broken/truncated.pdf', actBytes.subarray(0, Math.floor(actBytes.length * 0.4))],
    ['broken/header-only.pdf', '%PDF-1.7\n'],
    ['broken/corrupted.pdf', corrupt(actBytes)],
    [
      'broken/encrypted.pdf',
      await encryptR6(memo.pdf, { user: 'secret', owner: 'owner', permissions: -4, seed: 'encrypted' }),
    ],
    // all permitted except "modify" (bit 4) and "assemble" (bit 11)
    [
      'broken/encrypted-nouser.pdf',
      await encryptR6(memo.pdf, {
        user: '',
        owner: 'owner',
        permissions: -4 & ~8 & ~1024,
        seed: 'encrypted-nouser',
      }),
    ],
    ['broken/scanned.pdf', scanned],
    ['hostile/actions.pdf', await hostilePdf(act.pdf)],
  ];

  mkdirSync(join(out, 'broken'), { recursive: true });
  mkdirSync(join(out, 'hostile'), { recursive: true });
  log(`Writing fixtures to ${relative(process.cwd(), out) || '.'}`);
  for (const [name, data] of files) {
    const bytes = Buffer.from(data);
    if (bytes.length >= 40 * 1024)
      throw new Error(`${name} is ${bytes.length} bytes: fixtures must stay under 40 KB`);
    const path = join(out, name);
    const same = existsSync(path) && Buffer.compare(readFileSync(path), bytes) === 0;
    if (!same) writeFileSync(path, bytes);
    log(
      `  ${same ? 'unchanged' : 'wrote    '}  ${name.padEnd(30)} ${String(bytes.length).padStart(6)} bytes`,
    );
  }
  if (qpdfAvailable()) {
    const problems = qpdfCrossCheck(out);
    if (problems.length) throw new Error(`qpdf cross-check failed:\n  ${problems.join('\n  ')}`);
    log(
      'qpdf found: encrypted.pdf and encrypted-nouser.pdf cross-checked with qpdf (R6/AESv3, passwords, structure): OK',
    );
  } else {
    // printed even with --quiet
    console.log(
      'NOTE: qpdf NOT found on PATH: the encrypted fixtures were written by the built-in AES-256 (R6) encryptor and were NOT cross-checked with qpdf.',
    );
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
