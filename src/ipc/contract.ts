/**
 * The one IPC contract between Electron's main process and the renderer.
 *
 * Main registers a handler for every invoke channel here, the preload exposes exactly the bridge
 * derived here (checked with `satisfies`), and everything that crosses the boundary is plain data
 * parsed with the validators below: arguments arrive in main as `unknown`, and results go back as
 * `{ ok: true, value } | { ok: false, error }` so an exception never leaks Electron internals.
 */
import { z } from 'zod';

/** A value or a plain-language error: what crosses every process boundary. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Wraps a value as a successful {@link Result}. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps a plain-language message as a failed {@link Result}. */
export function fail(error: string): { readonly ok: false; readonly error: string } {
  return { ok: false, error };
}

/** The largest PDF Crosswalk reads (bytes); bigger files are refused before they are read. */
export const MAX_PDF_BYTES = 256 * 1024 * 1024;

/** The largest bundle (JSON) Crosswalk reads (bytes). */
export const MAX_BUNDLE_BYTES = 160 * 1024 * 1024;

/** The largest file the renderer may ask main to save (bytes). */
export const MAX_SAVE_BYTES = 256 * 1024 * 1024;

/** The longest text the renderer may ask main to save: its UTF-8 form stays within {@link MAX_SAVE_BYTES}. */
export const MAX_SAVE_TEXT_LENGTH = Math.floor(MAX_SAVE_BYTES / 3);

/** A bare file name: what the renderer may learn about a file the user picked. Never a path. */
export const fileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine(isBareFileName, { message: 'must be a bare file name, not a path' });

function isBareFileName(name: string): boolean {
  if (name === '.' || name === '..') return false;
  for (const ch of name) {
    const code = ch.charCodeAt(0);
    // Separators would make it a path; control characters have no business in a displayed name.
    if (ch === '/' || ch === '\\' || code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

/** Characters Windows refuses in a file name (the separators among them). */
const RESERVED_CHARACTERS = new Set(['<', '>', ':', '"', '/', '\\', '|', '?', '*']);

/** Device names Windows will not use as a file name, whatever the extension (`con.md` too). */
const DEVICE_NAMES = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** Controls (C0, DEL, C1), bidirectional marks and overrides, lone surrogates: invisible or spoofing. */
function isInvisibleOrSpoofing(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    (code >= 0xd800 && code <= 0xdfff)
  );
}

function isPortableFileName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  // Iterating by code point: a paired surrogate arrives as one character above 0xFFFF.
  for (const ch of name) {
    if (RESERVED_CHARACTERS.has(ch) || isInvisibleOrSpoofing(ch.codePointAt(0) ?? 0)) return false;
  }
  // Windows drops a trailing dot or space, so the saved file would not have the confirmed name.
  if (name.endsWith('.') || name.endsWith(' ')) return false;
  const stem = name.split('.')[0] ?? '';
  return !DEVICE_NAMES.test(stem.trimEnd());
}

/**
 * Turns any title ("Memo: AI Act / GPAI Code.md") into a name {@link saveNameSchema} accepts:
 * reserved characters become `-`, invisible ones are dropped, a device name gets a `_` prefix and
 * an over-long name is shortened before its extension. Never returns an empty string.
 */
export function toSafeFileName(title: string, fallback = 'untitled'): string {
  let name = '';
  for (const ch of title) {
    if (RESERVED_CHARACTERS.has(ch)) name += '-';
    else if (!isInvisibleOrSpoofing(ch.codePointAt(0) ?? 0)) name += ch;
  }
  name = name.trim().replace(/[. ]+$/, '');
  if (name.length > 255) {
    const extension = /\.[^.]{1,16}$/.exec(name)?.[0] ?? '';
    const stem = Array.from(name.slice(0, name.length - extension.length));
    while (stem.join('').length + extension.length > 255) stem.pop();
    name = `${stem.join('').replace(/[. ]+$/, '')}${extension}`;
  }
  if (name === '' || name.startsWith('.')) name = `${fallback}${name}`;
  const stem = name.split('.')[0] ?? '';
  if (DEVICE_NAMES.test(stem.trimEnd())) name = `_${name}`.slice(0, 255);
  return isPortableFileName(name) ? name : fallback;
}

/**
 * The name of a file the user picked, made displayable: a Linux file may legally contain a
 * backslash or a newline, which {@link fileNameSchema} refuses, so such characters become `_`.
 */
export function toDisplayFileName(baseName: string): string {
  let name = '';
  for (const ch of baseName) {
    const code = ch.charCodeAt(0);
    name += ch === '/' || ch === '\\' || code < 0x20 || code === 0x7f ? '_' : ch;
  }
  if (name === '' || name === '.' || name === '..') return 'untitled';
  if (name.length <= 255) return name;
  const chars = Array.from(name);
  while (chars.join('').length > 254) chars.pop();
  return `${chars.join('')}…`;
}

/**
 * Bytes as a `Uint8Array` (a Node `Buffer` is one). Typed over any buffer, as the renderer's own
 * arrays are; `z.instanceof` would narrow it to `Uint8Array<ArrayBuffer>`.
 */
const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, {
  message: 'must be bytes (a Uint8Array)',
});

/** A PDF the user chose: its name and its bytes. */
export const pdfFileSchema = z.strictObject({
  name: fileNameSchema,
  bytes: bytesSchema.refine((bytes) => bytes.byteLength <= MAX_PDF_BYTES, {
    message: 'is larger than the limit',
  }),
});
export type PdfFile = z.infer<typeof pdfFileSchema>;

/**
 * A text file the user chose (a bundle): its name and its decoded text. A UTF-8 file of at most
 * {@link MAX_BUNDLE_BYTES} bytes never decodes to more UTF-16 code units than it had bytes.
 */
export const textFileSchema = z.strictObject({
  name: fileNameSchema,
  text: z.string().max(MAX_BUNDLE_BYTES, { message: 'is larger than the limit' }),
});
export type TextFile = z.infer<typeof textFileSchema>;

/**
 * Decodes a bundle's bytes as UTF-8 (a leading byte-order mark is dropped). Invalid UTF-8 is
 * refused with a plain message rather than patched with replacement characters, which would
 * silently change the text. Main (desktop) and the web page both read bundles through this.
 */
export function decodeBundleText(bytes: Uint8Array, name: string): Result<string> {
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail(`"${name}" is not UTF-8 text, so Crosswalk cannot read it as a bundle.`);
  }
}

/** The plain message for a file over one of the limits above. */
export function tooLargeMessage(name: string, limitBytes: number, what: 'a PDF' | 'a bundle'): string {
  return `"${name}" is larger than ${limitBytes / (1024 * 1024)} MB, which Crosswalk cannot open as ${what}.`;
}

/** Which side of a project a PDF is imported as. */
export const importRoleSchema = z.enum(['law', 'code']);
export type ImportRole = z.infer<typeof importRoleSchema>;

/**
 * A name the renderer suggests for a file it wants saved: a bare name that is valid on Windows,
 * macOS and Linux alike (no separators, no `<>:"|?*`, no control or bidirectional-override
 * characters, no trailing dot or space, no device name such as `CON`). The user still confirms
 * or changes it in the Save dialog; {@link toSafeFileName} turns any title into one.
 */
export const saveNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine(isPortableFileName, { message: 'must be a plain file name' });

/** A MIME type such as `text/markdown; charset=utf-8`. */
export const mimeTypeSchema = z
  .string()
  .max(255)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(?:\s*;\s*[a-z0-9_.-]+=[a-z0-9_.-]+)*$/i, {
    message: 'must be a MIME type',
  });

/** What the renderer asks main to save. Main shows the Save dialog; the renderer never sees a path. */
export const saveRequestSchema = z.strictObject({
  suggestedName: saveNameSchema,
  contents: z.union([
    bytesSchema.refine((bytes) => bytes.byteLength <= MAX_SAVE_BYTES, {
      message: 'is larger than the limit',
    }),
    z.string().max(MAX_SAVE_TEXT_LENGTH, { message: 'is larger than the limit' }),
  ]),
  mimeType: mimeTypeSchema,
});
export type SaveRequest = z.infer<typeof saveRequestSchema>;

/** The longest memo HTML main is asked to print to PDF (characters). */
export const MAX_PRINT_HTML_LENGTH = 64 * 1024 * 1024;

/** A memo (self-contained HTML) to print to PDF and save where the user says. */
export const pdfSaveRequestSchema = z.strictObject({
  suggestedName: saveNameSchema,
  html: z.string().max(MAX_PRINT_HTML_LENGTH, { message: 'is larger than the limit' }),
});
export type PdfSaveRequest = z.infer<typeof pdfSaveRequestSchema>;

/** Backups kept per project in the app's data folder; older ones are deleted as new ones are made. */
export const BACKUPS_KEPT = 10;

/**
 * A project id as a backup folder name. Project ids are UUIDs; anything else (a separator, `..`,
 * a drive letter) is refused, so the page can never make main write outside the backups folder.
 */
export const backupProjectIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,100}$/, { message: 'must be a project id' });

/**
 * A backup's file name, exactly as main makes it from its own clock (`2026-11-29T05-20-32-123Z`,
 * `_2` on a clash within the same millisecond). The page only ever names a backup main listed.
 */
export const backupNameSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:_\d{1,3})?\.crosswalk\.json$/, {
    message: 'must be the name of a backup',
  });

/** What the page asks main to keep as a backup: a project bundle (checked again in main). */
export const backupWriteSchema = z.strictObject({
  projectId: backupProjectIdSchema,
  text: z.string().max(MAX_BUNDLE_BYTES, { message: 'is larger than the limit' }),
});

/** Which backup to read back. */
export const backupRefSchema = z.strictObject({
  projectId: backupProjectIdSchema,
  name: backupNameSchema,
});

/** One backup as the Restore dialog lists it (read from the bundle when it was written). */
export const backupInfoSchema = z.strictObject({
  projectId: backupProjectIdSchema,
  name: backupNameSchema,
  /** ISO time main wrote it. */
  savedAt: z.string().max(64),
  bytes: z.number().int().min(0).max(MAX_BUNDLE_BYTES),
  projectName: z.string().max(2_000),
  /** The project's `updatedAt` when backed up: the page compares it to know if there is news. */
  projectUpdatedAt: z.string().max(64),
  links: z.number().int().min(0),
  annotations: z.number().int().min(0),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

/**
 * What main asks the page to do: the application menu's items. File items that need a file have
 * already shown the native dialog in main and carry the file's name and contents.
 */
export const hostCommandSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('import-pdf'), role: importRoleSchema, file: pdfFileSchema }),
  z.strictObject({ kind: z.literal('open-sample') }),
  z.strictObject({ kind: z.literal('import-bundle'), file: textFileSchema }),
  z.strictObject({ kind: z.literal('export-memo') }),
  z.strictObject({ kind: z.literal('toggle-dark-mode') }),
  z.strictObject({ kind: z.literal('about') }),
  z.strictObject({ kind: z.literal('backup-now') }),
  z.strictObject({ kind: z.literal('restore-backup') }),
]);
export type HostCommand = z.infer<typeof hostCommandSchema>;

export const appInfoSchema = z.strictObject({
  version: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[0-9A-Za-z.+-]+$/),
  platform: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[a-z0-9]+$/),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Renderer -> main requests (`ipcRenderer.invoke` / `ipcMain.handle`). `args` is the argument list. */
export const invokeChannels = {
  /**
   * Show the native Open dialog ("Import law PDF" / "Import code PDF"); main reads the chosen
   * file. `null` when the user cancels.
   */
  'pdf:open-dialog': { args: z.tuple([importRoleSchema]), value: pdfFileSchema.nullable() },
  /** Show the native Open dialog for a bundle (.json); main reads and decodes it. `null` on cancel. */
  'bundle:open-dialog': { args: z.tuple([]), value: textFileSchema.nullable() },
  /** Show the native Save dialog and write the contents there. `false` when the user cancels. */
  'file:save': { args: z.tuple([saveRequestSchema]), value: z.boolean() },
  /**
   * Print a memo's HTML to PDF (A4, in a hidden window with JavaScript off) and save it through the
   * native Save dialog. `false` when the user cancels.
   */
  'memo:save-pdf': { args: z.tuple([pdfSaveRequestSchema]), value: z.boolean() },
  /** The page's theme, so native parts (title bar, menus, dialogs) follow it. */
  'theme:set': { args: z.tuple([z.boolean()]), value: z.null() },
  /** Version and platform, for the About line and bug reports. */
  'app:info': { args: z.tuple([]), value: appInfoSchema },
  /**
   * Keep a project bundle as a backup in the app's data folder (main names the file and deletes
   * all but the last {@link BACKUPS_KEPT}). Returns what was kept.
   */
  'backup:write': { args: z.tuple([backupWriteSchema]), value: backupInfoSchema },
  /** Every backup kept, newest first. */
  'backup:list': { args: z.tuple([]), value: z.array(backupInfoSchema).max(10_000) },
  /** The text of one listed backup, for a restore. */
  'backup:read': { args: z.tuple([backupRefSchema]), value: textFileSchema },
} as const;

/** Main -> renderer notifications (`webContents.send` / `ipcRenderer.on`). */
export const eventChannels = {
  /** The user chose an item of the application menu (File, View, Help). */
  'host:command': hostCommandSchema,
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type EventChannel = keyof typeof eventChannels;
export type InvokeArgs<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['args']>;
export type InvokeValue<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['value']>;
export type EventPayload<E extends EventChannel> = z.infer<(typeof eventChannels)[E]>;

export const INVOKE_CHANNELS = Object.keys(invokeChannels) as readonly InvokeChannel[];
export const EVENT_CHANNELS = Object.keys(eventChannels) as readonly EventChannel[];

/** True when `name` is one of the contract's invoke channels (and not, say, `__proto__`). */
export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(invokeChannels, name);
}

/** True when `name` is one of the contract's event channels. */
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(eventChannels, name);
}

function safeParse<T>(schema: z.ZodType<T>, input: unknown, what: string): Result<T> {
  try {
    const parsed = schema.safeParse(input);
    if (parsed.success) return ok(parsed.data);
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.map(String).join('.')}` : '';
    return fail(`${what} was not in the expected form${where}: ${first?.message ?? 'invalid'}.`);
  } catch {
    // A hostile object (throwing getter, revoked proxy) must end up as a refusal, not a crash.
    return fail(`${what} could not be read.`);
  }
}

/** Validates the argument list of an invoke request (as received by main: `unknown`). */
export function parseInvokeArgs<C extends InvokeChannel>(channel: C, args: unknown): Result<InvokeArgs<C>> {
  if (!isInvokeChannel(channel)) return fail('The request named an unknown channel.');
  const schema = invokeChannels[channel].args as unknown as z.ZodType<InvokeArgs<C>>;
  return safeParse(schema, args, `The request to ${channel}`);
}

/** Validates the value main is about to return for an invoke request. */
export function parseInvokeValue<C extends InvokeChannel>(
  channel: C,
  value: unknown,
): Result<InvokeValue<C>> {
  if (!isInvokeChannel(channel)) return fail('The reply named an unknown channel.');
  const schema = invokeChannels[channel].value as unknown as z.ZodType<InvokeValue<C>>;
  return safeParse(schema, value, `The reply from ${channel}`);
}

/** Validates the payload of a main -> renderer event. */
export function parseEventPayload<E extends EventChannel>(
  channel: E,
  payload: unknown,
): Result<EventPayload<E>> {
  if (!isEventChannel(channel)) return fail('The message named an unknown channel.');
  const schema = eventChannels[channel] as unknown as z.ZodType<EventPayload<E>>;
  return safeParse(schema, payload, `The message on ${channel}`);
}

/** Where the preload puts the bridge: `window.crosswalk`. */
export const BRIDGE_KEY = 'crosswalk';

/** Bridge method name -> invoke channel it calls. */
export const bridgeMethods = {
  openPdfDialog: 'pdf:open-dialog',
  openBundleDialog: 'bundle:open-dialog',
  saveFile: 'file:save',
  savePdf: 'memo:save-pdf',
  setDarkMode: 'theme:set',
  getAppInfo: 'app:info',
  writeBackup: 'backup:write',
  listBackups: 'backup:list',
  readBackup: 'backup:read',
} as const satisfies Record<string, InvokeChannel>;

/** Bridge subscription name -> event channel it listens to. */
export const bridgeEvents = {
  onHostCommand: 'host:command',
} as const satisfies Record<string, EventChannel>;

type BridgeMethods = typeof bridgeMethods;
type BridgeEvents = typeof bridgeEvents;

/** The object the preload exposes as `window.crosswalk`, derived from the channels above. */
export type CrosswalkBridge = {
  readonly [M in keyof BridgeMethods]: (
    ...args: InvokeArgs<BridgeMethods[M]>
  ) => Promise<Result<InvokeValue<BridgeMethods[M]>>>;
} & {
  /** Subscribes to an event; returns the function that unsubscribes. */
  readonly [E in keyof BridgeEvents]: (
    listener: (payload: EventPayload<BridgeEvents[E]>) => void,
  ) => () => void;
};
