/**
 * Where pdf.js's standard font data sits relative to the page, in dev and in builds: the one
 * constant shared by the build (scripts/vite-plugins.ts serves and emits the files there) and the
 * renderer (which tells pdf.js where to read them).
 */
export const STANDARD_FONTS_PATH = 'pdfjs/standard_fonts/';
