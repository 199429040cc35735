// pdfjs-dist ships no declarations for its worker module; only its one export matters here.
declare module 'pdfjs-dist/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
