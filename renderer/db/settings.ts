/**
 * The app's settings: each key with its type, its default and a schema. A stored value that does
 * not fit its schema (written by a later version, or by hand in devtools) reads as the default
 * instead of reaching the UI with the wrong type.
 */
import { z } from 'zod';

export interface Settings {
  /** Name written into new annotations and memos. */
  readonly author: string;
  readonly darkMode: boolean;
  /** Widths of the resizable panes, in CSS pixels, left to right; empty for the layout's own. */
  readonly paneWidths: readonly number[];
  /** The project to reopen at start; null for the library. */
  readonly lastProjectId: string | null;
  /** Set once the first start has run (which opens the sample project for a newcomer). */
  readonly firstRunDone: boolean;
}

export type SettingKey = keyof Settings;

export const SETTING_DEFAULTS: Settings = {
  author: '',
  darkMode: false,
  paneWidths: [],
  lastProjectId: null,
  firstRunDone: false,
};

export const SETTING_SCHEMAS: { readonly [K in SettingKey]: z.ZodType<Settings[K]> } = {
  author: z.string(),
  darkMode: z.boolean(),
  paneWidths: z.array(z.number().nonnegative()),
  lastProjectId: z.string().nullable(),
  firstRunDone: z.boolean(),
};

/** The value if it fits the key's schema, else undefined. */
export function parseSetting<K extends SettingKey>(key: K, value: unknown): Settings[K] | undefined {
  const result = SETTING_SCHEMAS[key].safeParse(value);
  return result.success ? result.data : undefined;
}
