/** A PDF the user chose. The renderer only ever learns a file's name, never its path. */
export interface PdfFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A text file the user chose (a bundle): its name and its contents. */
export interface TextFile {
  readonly name: string;
  readonly text: string;
}

/** Which side of a project a PDF is imported as. */
export type ImportRole = 'law' | 'code';

/**
 * What the host asks the page to do: the desktop app's menu items (File, View, Help) and PDFs
 * dropped or opened from outside. The web page raises the same commands from its own toolbar.
 */
export type HostCommand =
  | { readonly kind: 'import-pdf'; readonly role: ImportRole; readonly file: PdfFile }
  | { readonly kind: 'open-sample' }
  | { readonly kind: 'import-bundle'; readonly file: TextFile }
  | { readonly kind: 'export-memo' }
  | { readonly kind: 'toggle-dark-mode' }
  | { readonly kind: 'about' };

/** Version and platform, for the About box. */
export interface HostInfo {
  readonly version: string;
  readonly platform: string;
}

/**
 * What the page needs from its host. The desktop app implements it over the preload bridge, the
 * plain web page with file inputs and downloads; the UI never knows which one it has.
 */
export interface Platform {
  readonly kind: 'desktop' | 'web';
  /** Lets the user pick a PDF and returns its bytes; `null` when they cancel. */
  openPdf(role: ImportRole): Promise<PdfFile | null>;
  /** Lets the user pick a bundle (JSON) and returns its text; `null` when they cancel. */
  openBundle(): Promise<TextFile | null>;
  /**
   * Saves bytes or text under a name the user confirms (desktop: native Save dialog, main writes
   * the file; web: a download). Resolves `false` when the user cancels.
   */
  saveFile(suggestedName: string, contents: Uint8Array | string, mimeType: string): Promise<boolean>;
  /** Commands from outside the page (desktop menus). Returns the unsubscribe function. */
  onCommand(listener: (command: HostCommand) => void): () => void;
  /** Tells the host the page's theme, so native parts (desktop title bar, menus) follow it. */
  setDarkMode(dark: boolean): Promise<void>;
  info(): Promise<HostInfo>;
}
