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
  | { readonly kind: 'about' }
  | { readonly kind: 'backup-now' }
  | { readonly kind: 'restore-backup' };

/** Version and platform, for the About box. */
export interface HostInfo {
  readonly version: string;
  readonly platform: string;
}

/** One backup the host keeps, as the Restore dialog lists it. */
export interface BackupInfo {
  readonly projectId: string;
  /** The file name main gave it (a time stamp); the page never learns the folder. */
  readonly name: string;
  /** ISO time it was made. */
  readonly savedAt: string;
  readonly bytes: number;
  readonly projectName: string;
  /** The project's `updatedAt` when it was backed up: unchanged since means no new backup is needed. */
  readonly projectUpdatedAt: string;
  readonly links: number;
  readonly annotations: number;
}

/**
 * Rolling backups kept by the host: the desktop app keeps the last ten of each project in its
 * data folder. The web page has none (it cannot write files unasked): it offers downloads instead.
 */
export interface BackupShelf {
  /** Keeps a project bundle as the project's newest backup (the oldest beyond ten are deleted). */
  write(projectId: string, bundleText: string): Promise<BackupInfo>;
  /** Every backup kept, newest first. */
  list(): Promise<readonly BackupInfo[]>;
  /** One listed backup's bundle text. */
  read(projectId: string, name: string): Promise<TextFile>;
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
  /**
   * Desktop: prints a memo's HTML to PDF in main (Chromium's printToPDF) and saves it through the
   * Save dialog; `false` on cancel. Null on the web, where the browser's own print dialog is used.
   */
  readonly savePdf: ((suggestedName: string, html: string) => Promise<boolean>) | null;
  /** Commands from outside the page (desktop menus). Returns the unsubscribe function. */
  onCommand(listener: (command: HostCommand) => void): () => void;
  /** Tells the host the page's theme, so native parts (desktop title bar, menus) follow it. */
  setDarkMode(dark: boolean): Promise<void>;
  info(): Promise<HostInfo>;
  /** Automatic backups kept by the host; null on the web, where backups are offered as downloads. */
  readonly backups: BackupShelf | null;
}
