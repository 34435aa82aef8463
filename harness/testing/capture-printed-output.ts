import { Console } from 'node:console';
import { Writable } from 'node:stream';

/**
 * Replaces this process's console and stdout/stderr writes with a recorder, for tests that
 * prove what reaches the terminal. `printed` holds every chunk as text; `restore()` puts the
 * originals back.
 */
export function capturePrintedOutput(): { printed: string[]; restore: () => void } {
  const printed: string[] = [];
  const saved = { out: process.stdout.write, err: process.stderr.write, console: globalThis.console };
  const text = (chunk: unknown) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
  const record = ((chunk: unknown) => printed.push(text(chunk)) > 0) as typeof process.stdout.write;
  process.stdout.write = record;
  process.stderr.write = record;
  const sink = new Writable({ write: (chunk, _encoding, done) => (printed.push(text(chunk)), done()) });
  globalThis.console = new Console({ stdout: sink, stderr: sink });
  return {
    printed,
    restore: () => {
      process.stdout.write = saved.out;
      process.stderr.write = saved.err;
      globalThis.console = saved.console;
    },
  };
}
