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

/** A PDF the user chose: its name and its bytes. */
export const pdfFileSchema = z.strictObject({
  name: fileNameSchema,
  bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_PDF_BYTES, {
    message: 'is larger than the limit',
  }),
});
export type PdfFile = z.infer<typeof pdfFileSchema>;

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
  /** Show the native Open dialog; main reads the chosen file. `null` when the user cancels. */
  'pdf:open-dialog': { args: z.tuple([]), value: pdfFileSchema.nullable() },
  /** Version and platform, for the About line and bug reports. */
  'app:info': { args: z.tuple([]), value: appInfoSchema },
} as const;

/** Main -> renderer notifications (`webContents.send` / `ipcRenderer.on`). */
export const eventChannels = {
  /** The user opened a PDF from the application menu (File > Open PDF…). */
  'pdf:opened': pdfFileSchema,
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
  getAppInfo: 'app:info',
} as const satisfies Record<string, InvokeChannel>;

/** Bridge subscription name -> event channel it listens to. */
export const bridgeEvents = {
  onPdfOpened: 'pdf:opened',
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
