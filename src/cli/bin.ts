/** Entry point of the bundled CLI (out/cli/crosswalk.mjs). */
import { run } from './main';

// See extract-worker.ts: the awaited parse reports the failure; a stray pdf.js rejection must not crash us.
process.on('unhandledRejection', () => undefined);

// A closed pipe (`crosswalk parse … | head`) is the reader saying it has enough, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = code;
