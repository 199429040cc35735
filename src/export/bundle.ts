/**
 * The project bundle: a project's review (links, annotations, objections) as versioned JSON, for
 * handing to a colleague. It carries document metadata and fingerprints; the PDFs themselves only
 * when the sender asks (`files`, base64), so a colleague who holds them already gets a small file,
 * and the fingerprints say whether both sides read the same documents.
 *
 * Version history: 1 — project, documents, links, annotations; 2 — adds `objections` (required) and
 * `files` (optional). Version 1 bundles are still read (with no objections); newer ones are refused.
 *
 * A bundle arrives from outside, so `parseBundle` trusts nothing: size first, then JSON, then the
 * format and version, then every field (strict objects, the model's enums, length caps). It never
 * throws and never returns a value it has not checked.
 */
import { z } from 'zod';
import type { Stance } from '../compare/index';
import type { LinkBasis } from '../linking/index';
import { DOCUMENT_KINDS } from '../model/clause';
import {
  LINK_STATUSES,
  linkId,
  MAX_STRENGTH,
  MIN_STRENGTH,
  RATIONALE_TYPES,
  RELATIONSHIPS,
  OBJECTION_ASSESSMENTS,
  REVIEW_STATUSES,
  STANCES,
  type Annotation,
  type DocumentRecord,
  type LinkRecord,
  type Objection,
  type ProjectRecord,
} from '../model/review';

export const BUNDLE_FORMAT = 'crosswalk-bundle';
/** The version this build writes; it reads every version from 1 up to this one. */
export const BUNDLE_VERSION = 2;

/** A PDF carried inside a bundle, when the sender chose to include the documents. */
export interface BundleFile {
  /** SHA-256 of the bytes, lowercase hex; the importer checks it before using them. */
  readonly fingerprint: string;
  readonly fileName: string;
  /** The PDF's bytes, base64 (RFC 4648, with padding). */
  readonly base64: string;
}

export interface Bundle {
  readonly format: typeof BUNDLE_FORMAT;
  readonly version: typeof BUNDLE_VERSION;
  readonly exportedAt: string;
  readonly project: ProjectRecord;
  /** Metadata and fingerprints of the project's documents; never their bytes. */
  readonly documents: readonly DocumentRecord[];
  readonly links: readonly LinkRecord[];
  readonly annotations: readonly Annotation[];
  readonly objections: readonly Objection[];
  /** The PDFs, only when the sender included them. */
  readonly files?: readonly BundleFile[];
}

export interface BundleLimits {
  /** Largest bundle read, in UTF-8 bytes; larger ones are refused before parsing. */
  readonly maxBytes: number;
  readonly maxDocuments: number;
  readonly maxLinks: number;
  readonly maxAnnotations: number;
  readonly maxObjections: number;
  /** Longest rationale (and objection response or claim), in characters. */
  readonly maxRationale: number;
}

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  // Room for two large PDFs in base64 (4/3 of their size) beside a big review. The desktop reads
  // bundles up to the same size (MAX_BUNDLE_BYTES in src/ipc/contract.ts; a test keeps them equal).
  maxBytes: 160 * 1024 * 1024,
  maxDocuments: 16,
  maxLinks: 200_000,
  maxAnnotations: 100_000,
  maxObjections: 10_000,
  maxRationale: 1024 * 1024,
};

/** Caps on the short fields: generous for real data, small enough that no field is a payload. */
const MAX_ID = 512;
const MAX_NAME = 2_000;
const MAX_TIME = 64;
const MAX_QUOTE = 10_000;
const MAX_TAGS = 200;
const MAX_TAG = 200;
const MAX_EVIDENCE = 100;
const MAX_EVIDENCE_TEXT = 4_000;
const MAX_OBJECTION_UNITS = 5_000;

// The linker's own unions, listed here so the schema cannot drift from them unseen.
const LINK_BASES = ['citation', 'citation-inherited', 'similarity', 'definition'] as const;
const SUGGESTED_STANCES = ['clarifies', 'expands', 'restates', 'narrows', 'unclear'] as const;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const basesComplete: Same<(typeof LINK_BASES)[number], LinkBasis> = true;
const stancesComplete: Same<(typeof SUGGESTED_STANCES)[number], Stance> = true;
void basesComplete;
void stancesComplete;

const id = z.string().min(1).max(MAX_ID);
const time = z.string().max(MAX_TIME);
const fingerprint = z.string().regex(/^[0-9A-Za-z_-]{1,128}$/, { message: 'is not a fingerprint' });
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const projectSchema = z.strictObject({
  id,
  name: z.string().max(MAX_NAME),
  lawFingerprint: fingerprint,
  codeFingerprint: fingerprint,
  sample: z.boolean(),
  createdAt: time,
  updatedAt: time,
} satisfies Record<keyof ProjectRecord, z.ZodType>);

const documentSchema = z.strictObject({
  fingerprint,
  fileName: z.string().max(MAX_NAME),
  title: z.string().max(MAX_NAME),
  kind: z.enum(DOCUMENT_KINDS),
  pages: count,
  unitCount: count,
  byteLength: count,
  importedAt: time,
} satisfies Record<keyof DocumentRecord, z.ZodType>);

const suggestedStanceSchema = z.strictObject({
  stance: z.enum(SUGGESTED_STANCES),
  confidence: z.number().min(0).max(1),
  evidence: z.array(z.string().max(MAX_EVIDENCE_TEXT)).max(MAX_EVIDENCE),
});

const linkSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(3 * MAX_ID + 2),
  projectId: id,
  source: id,
  target: id,
  status: z.enum(LINK_STATUSES),
  origin: z.enum(['machine', 'user']),
  rank: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable(),
  score: z.number().min(0).max(1).nullable(),
  basis: z.array(z.enum(LINK_BASES)).max(LINK_BASES.length),
  evidence: z.array(z.string().max(MAX_EVIDENCE_TEXT)).max(MAX_EVIDENCE),
  suggestedStance: suggestedStanceSchema.nullable(),
  createdAt: time,
  updatedAt: time,
} satisfies Record<keyof LinkRecord, z.ZodType>);

function annotationSchema(maxRationale: number) {
  return z.strictObject({
    id,
    projectId: id,
    source: id,
    target: id.nullable(),
    quote: z.strictObject({
      exact: z.string().max(MAX_QUOTE),
      prefix: z.string().max(MAX_QUOTE),
      suffix: z.string().max(MAX_QUOTE),
    }),
    stance: z.enum(STANCES).nullable(),
    relationship: z.enum(RELATIONSHIPS).nullable(),
    rationaleType: z.enum(RATIONALE_TYPES).nullable(),
    strength: z.number().int().min(MIN_STRENGTH).max(MAX_STRENGTH).nullable(),
    rationale: z.string().max(maxRationale, { message: `is longer than ${maxRationale} characters` }),
    tags: z.array(z.string().min(1).max(MAX_TAG)).max(MAX_TAGS),
    status: z.enum(REVIEW_STATUSES),
    author: z.string().max(MAX_NAME),
    fromSuggestion: z.boolean(),
    createdAt: time,
    updatedAt: time,
  } satisfies Record<keyof Annotation, z.ZodType>);
}

function objectionSchema(maxText: number) {
  const long = z.string().max(maxText, { message: `is longer than ${maxText} characters` });
  return z.strictObject({
    id,
    projectId: id,
    title: z.string().max(MAX_NAME),
    raisedBy: z.string().max(MAX_NAME),
    raisedOn: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'is not a date (YYYY-MM-DD)' }),
    source: z.string().max(MAX_NAME),
    claim: long,
    units: z.array(id).max(MAX_OBJECTION_UNITS),
    assessment: z.enum(OBJECTION_ASSESSMENTS).nullable(),
    response: long,
    author: z.string().max(MAX_NAME),
    createdAt: time,
    updatedAt: time,
  } satisfies Record<keyof Objection, z.ZodType>);
}

/**
 * Base64 as RFC 4648 writes it. A flat character class and a length check, not a grouped
 * repetition: V8 runs out of regex stack on a grouped pattern over a few megabytes of text.
 */
const BASE64_CHARS = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (text: string): boolean => text.length % 4 === 0 && BASE64_CHARS.test(text);

const fileSchema = z.strictObject({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, { message: 'is not a SHA-256 fingerprint' }),
  fileName: z.string().max(MAX_NAME),
  // A regex over 50 MB of text is slow but linear; the size cap bounds it.
  base64: z.string().refine(isBase64, { message: 'is not base64' }),
} satisfies Record<keyof BundleFile, z.ZodType>);

/** The fields every version has; later versions add to them. */
function baseShape(limits: BundleLimits) {
  return {
    format: z.literal(BUNDLE_FORMAT),
    exportedAt: time,
    project: projectSchema,
    documents: z.array(documentSchema).max(limits.maxDocuments),
    links: z.array(linkSchema).max(limits.maxLinks),
    annotations: z.array(annotationSchema(limits.maxRationale)).max(limits.maxAnnotations),
  };
}

/** Version 1, read for compatibility: no objections, no files. */
function bundleV1Schema(limits: BundleLimits) {
  return z.strictObject({ ...baseShape(limits), version: z.literal(1) });
}

function bundleSchema(limits: BundleLimits) {
  return z
    .strictObject({
      ...baseShape(limits),
      version: z.literal(BUNDLE_VERSION),
      objections: z.array(objectionSchema(limits.maxRationale)).max(limits.maxObjections),
      files: z.array(fileSchema).max(limits.maxDocuments).optional(),
    } satisfies Record<keyof Bundle, z.ZodType>)
    .superRefine((bundle, ctx) => {
      // Ids are how a merge recognises an item it has seen: they must be what they claim to be.
      const project = bundle.project.id;
      const seenLinks = new Set<string>();
      bundle.links.forEach((link, i) => {
        if (link.projectId !== project)
          ctx.addIssue({
            code: 'custom',
            path: ['links', i, 'projectId'],
            message: 'is not the bundle’s project',
          });
        else if (link.id !== linkId(project, link.source, link.target))
          ctx.addIssue({
            code: 'custom',
            path: ['links', i, 'id'],
            message: 'does not match its source and target',
          });
        else if (seenLinks.has(link.id))
          ctx.addIssue({ code: 'custom', path: ['links', i, 'id'], message: 'appears twice' });
        seenLinks.add(link.id);
      });
      const seenAnnotations = new Set<string>();
      bundle.annotations.forEach((annotation, i) => {
        if (annotation.projectId !== project)
          ctx.addIssue({
            code: 'custom',
            path: ['annotations', i, 'projectId'],
            message: 'is not the bundle’s project',
          });
        else if (seenAnnotations.has(annotation.id))
          ctx.addIssue({ code: 'custom', path: ['annotations', i, 'id'], message: 'appears twice' });
        seenAnnotations.add(annotation.id);
      });
      const seenObjections = new Set<string>();
      bundle.objections.forEach((objection, i) => {
        if (objection.projectId !== project)
          ctx.addIssue({
            code: 'custom',
            path: ['objections', i, 'projectId'],
            message: 'is not the bundle’s project',
          });
        else if (seenObjections.has(objection.id))
          ctx.addIssue({ code: 'custom', path: ['objections', i, 'id'], message: 'appears twice' });
        seenObjections.add(objection.id);
      });
      const seenFiles = new Set<string>();
      (bundle.files ?? []).forEach((file, i) => {
        if (seenFiles.has(file.fingerprint))
          ctx.addIssue({ code: 'custom', path: ['files', i, 'fingerprint'], message: 'appears twice' });
        seenFiles.add(file.fingerprint);
      });
    });
}

export interface BundleInput {
  readonly project: ProjectRecord;
  /** The project's two documents (more are kept; extra fields of a stored record are not). */
  readonly documents: readonly DocumentRecord[];
  /** The project's links; links of other projects are left out. */
  readonly links: readonly LinkRecord[];
  /** The project's annotations; those of other projects are left out. */
  readonly annotations: readonly Annotation[];
  /** The project's objections; those of other projects are left out. Absent: none. */
  readonly objections?: readonly Objection[];
  /** The PDFs to carry, when the user asked for them (base64 is done by the caller). */
  readonly files?: readonly BundleFile[];
  /** ISO time of the export, passed in. */
  readonly exportedAt: string;
}

const byId = <T extends { readonly id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Only the fields of the model: a stored record may carry more (Dexie keys, caches) that a bundle must not. */
function pick<T extends object>(record: T, keys: readonly (keyof T)[]): T {
  const out = {} as T;
  for (const key of keys) out[key] = record[key];
  return out;
}

const PROJECT_KEYS = Object.keys(projectSchema.shape) as (keyof ProjectRecord)[];
const DOCUMENT_KEYS = Object.keys(documentSchema.shape) as (keyof DocumentRecord)[];
const LINK_KEYS = Object.keys(linkSchema.shape) as (keyof LinkRecord)[];
const ANNOTATION_KEYS = Object.keys(annotationSchema(1).shape) as (keyof Annotation)[];
const OBJECTION_KEYS = Object.keys(objectionSchema(1).shape) as (keyof Objection)[];
const FILE_KEYS = Object.keys(fileSchema.shape) as (keyof BundleFile)[];

/**
 * The bundle of one project as pretty-printed JSON. Items are sorted by id, so two exports of the
 * same review are the same text (apart from `exportedAt`) and diff cleanly.
 */
export function buildBundle(input: BundleInput): string {
  const { project } = input;
  const documents = [...new Map(input.documents.map((d) => [d.fingerprint, d])).values()];
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: input.exportedAt,
    project: pick(project, PROJECT_KEYS),
    documents: documents.map((d) => pick(d, DOCUMENT_KEYS)),
    links: input.links
      .filter((link) => link.projectId === project.id)
      .sort(byId)
      .map((link) => pick(link, LINK_KEYS)),
    annotations: input.annotations
      .filter((a) => a.projectId === project.id)
      .sort(byId)
      .map((a) => pick(a, ANNOTATION_KEYS)),
    objections: (input.objections ?? [])
      .filter((o) => o.projectId === project.id)
      .sort(byId)
      .map((o) => pick(o, OBJECTION_KEYS)),
  };
  const files = input.files ?? [];
  // The key only when there are files: a bundle without them stays byte-identical across exports.
  const withFiles: Bundle =
    files.length === 0
      ? bundle
      : {
          ...bundle,
          files: [...new Map(files.map((f) => [f.fingerprint, pick(f, FILE_KEYS)])).values()].sort((a, b) =>
            a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0,
          ),
        };
  return `${JSON.stringify(withFiles, null, 2)}\n`;
}

export type ParseBundleResult =
  { readonly ok: true; readonly bundle: Bundle } | { readonly ok: false; readonly error: string };

/** UTF-8 length of `text`, counting only as far as `stop` (the answer is then "more than stop"). */
function utf8Length(text: string, stop: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stop; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The first key that could reach an object's prototype if some later code copied the value
 * carelessly. Iterative: a bundle nested a million levels deep must not overflow the stack.
 */
function forbiddenKey(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next !== 'object' || next === null) continue;
    if (Array.isArray(next)) {
      for (const item of next) stack.push(item);
      continue;
    }
    for (const key of Object.keys(next)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      stack.push((next as Record<string, unknown>)[key]);
    }
  }
  return null;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/** A version field as a short phrase: its value when it is a small number or string, else its type. */
function describeVersion(version: unknown): string {
  if (version === undefined) return 'none';
  if (typeof version === 'number') return String(version).slice(0, 24);
  if (typeof version === 'string')
    return version.length <= 24 ? JSON.stringify(version) : `a ${version.length}-character text`;
  if (version === null) return 'null';
  return Array.isArray(version) ? 'a list' : typeof version === 'object' ? 'an object' : typeof version;
}

/**
 * Reads a bundle. Never throws: any input gives either a checked bundle or a sentence saying what
 * is wrong, fit to show the user (the position of a JSON error, the newer version that made it).
 */
export function parseBundle(text: string, limits: Partial<BundleLimits> = {}): ParseBundleResult {
  const limit: BundleLimits = { ...DEFAULT_BUNDLE_LIMITS, ...limits };
  try {
    if (typeof text !== 'string') return { ok: false, error: 'The bundle is not text.' };
    // A string of n UTF-16 units is at least n bytes of UTF-8: most sizes are settled without counting.
    if (
      text.length > limit.maxBytes ||
      (text.length * 3 > limit.maxBytes && utf8Length(text, limit.maxBytes) > limit.maxBytes)
    )
      return {
        ok: false,
        error: `The file is larger than ${size(limit.maxBytes)}, the most a bundle may be.`,
      };
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return { ok: false, error: jsonErrorMessage(body) };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { ok: false, error: 'This is not a Crosswalk bundle (it is not a JSON object).' };
    const head = value as Record<string, unknown>;
    if (head.format !== BUNDLE_FORMAT) return { ok: false, error: 'This is not a Crosswalk bundle.' };
    const version = head.version;
    if (typeof version === 'number' && Number.isInteger(version) && version > BUNDLE_VERSION)
      return {
        ok: false,
        error:
          `This bundle was made by a newer version of Crosswalk (bundle version ${version}); ` +
          `this version reads version ${BUNDLE_VERSION}. Update Crosswalk to open it.`,
      };
    if (version !== BUNDLE_VERSION && version !== 1)
      return {
        ok: false,
        error: `This bundle has an unknown version (${describeVersion(version)}).`,
      };
    const forbidden = forbiddenKey(value);
    if (forbidden !== null)
      return {
        ok: false,
        error: `The bundle is invalid: it contains the key "${forbidden}", which is not allowed.`,
      };
    // A version 1 bundle is read as version 2 with no objections; the ids are checked the same way.
    const result =
      version === 1
        ? bundleV1Schema(limit)
            .transform((v1) => ({ ...v1, version: BUNDLE_VERSION, objections: [] as Objection[] }))
            .pipe(bundleSchema(limit))
            .safeParse(value)
        : bundleSchema(limit).safeParse(value);
    if (!result.success) {
      const issues = result.error.issues;
      const shown = issues.slice(0, 3).map(describeIssue).join('; ');
      const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
      return { ok: false, error: `The bundle is invalid: ${shown}${more}.` };
    }
    const bundle: Bundle = result.data;
    return { ok: true, bundle };
  } catch (error) {
    // Nothing above should throw; if an engine limit does (stack, memory), the user still gets a sentence.
    return {
      ok: false,
      error: `The bundle could not be read (${error instanceof Error ? error.name : 'error'}).`,
    };
  }
}

/**
 * Where JSON.parse stopped, found again by a small scanner: engines word (and place) their messages
 * differently, and some do not give a position at all.
 */
export function jsonErrorMessage(text: string): string {
  const found = findJsonError(text);
  if (found === null) return 'The file is not valid JSON.';
  const before = text.slice(0, found);
  const line = before.split('\n').length;
  const column = found - before.lastIndexOf('\n');
  const what =
    found >= text.length
      ? 'the file ends too early'
      : `unexpected ${describeChar(text.codePointAt(found) ?? 0)}`;
  return `The file is not valid JSON: ${what} at line ${line}, column ${column} (position ${found}).`;
}

function describeChar(code: number): string {
  const char = String.fromCodePoint(code);
  if (code < 0x20 || code === 0x7f)
    return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `character ${JSON.stringify(char)}`;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * Offset of the first syntax error in `text` as RFC 8259 JSON (the length when it ends too early),
 * or null when it is valid. Iterative, so no nesting depth can overflow the stack.
 */
export function findJsonError(text: string): number | null {
  let i = 0;
  const n = text.length;
  const stack: number[] = [];
  const skip = (): void => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const string = (): boolean => {
    if (text.charCodeAt(i) !== 0x22) return false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) {
          i++;
          return false;
        }
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            while (i < n && /[0-9a-fA-F]/.test(text[i] ?? '')) i++;
            return false;
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return false;
        }
      } else i++;
    }
    return false;
  };
  const digits = (): boolean => {
    const start = i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    return i > start;
  };
  const number = (): boolean => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (!digits()) return false;
    if (text[i] === '.') {
      i++;
      if (!digits()) return false;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!digits()) return false;
    }
    return true;
  };
  const literal = (word: string): boolean => {
    for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) return false;
    return true;
  };
  /** A key and its colon, in an object. */
  const key = (): boolean => {
    skip();
    if (!string()) return false;
    skip();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };

  skip();
  // `expectValue`: read a value next; otherwise we have just finished one.
  let expectValue = true;
  for (;;) {
    if (expectValue) {
      skip();
      const c = text[i];
      if (c === '{') {
        i++;
        skip();
        if (text[i] === '}') {
          i++;
          expectValue = false;
        } else {
          stack.push(0x7b);
          if (!key()) return i;
        }
        continue;
      }
      if (c === '[') {
        i++;
        skip();
        if (text[i] === ']') {
          i++;
          expectValue = false;
        } else stack.push(0x5b);
        continue;
      }
      const ok =
        c === '"'
          ? string()
          : c === '-' || (c !== undefined && isDigit(c.charCodeAt(0)))
            ? number()
            : c === 't'
              ? literal('true')
              : c === 'f'
                ? literal('false')
                : c === 'n'
                  ? literal('null')
                  : false;
      if (!ok) return i;
      expectValue = false;
      continue;
    }
    skip();
    const top = stack[stack.length - 1];
    if (top === undefined) return i >= n ? null : i;
    const c = text[i];
    if (c === ',') {
      i++;
      if (top === 0x7b && !key()) return i;
      expectValue = true;
    } else if ((top === 0x7b && c === '}') || (top === 0x5b && c === ']')) {
      i++;
      stack.pop();
    } else return i;
  }
}
