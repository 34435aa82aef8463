import { formatMasked } from '../../aws/lambda/mask-sensitive.ts';
import { Redactor } from '../../redaction/index.ts';

/** Redactors of the scenarios running in this worker now. */
const redactors = new Set<Redactor>();
/**
 * The secrets of every scenario this worker has finished, in one redactor: late output of an
 * earlier scenario is still masked. A redactor kept per finished scenario cost each write a pass
 * per scenario and the worker ~15 KB per scenario (its matcher's tables), over 1,000 scenarios.
 */
const finished = new Redactor();
const wrapped = new WeakSet<object>();

/**
 * Makes everything this scenario worker prints pass through `redactor` (and those of earlier
 * scenarios in the same worker): console.* calls, which vitest sends to the terminal and to
 * reporters (junit.xml), and process.stdout/stderr writes (debug logs, libraries), which vitest
 * pipes to the terminal. The worker is the only place that knows the scenario's secrets, so this
 * is where its output is redacted; values under sensitive keys are masked too.
 */
export function redactWorkerOutput(redactor: Redactor): void {
  redactors.add(redactor);
  wrapConsole(globalThis.console);
  wrapStream(process.stdout);
  wrapStream(process.stderr);
  redactUncaughtErrors();
}

/**
 * An error nothing caught (a fake failing in a callback) reaches vitest's own handler, which
 * sends its message and stack to the terminal and reports. Ours runs first and redacts them.
 */
export function redactUncaughtError(error: unknown): void {
  if (!(error instanceof Error)) return;
  try {
    error.message = redactWorkerText(error.message);
    if (error.stack) error.stack = redactWorkerText(error.stack);
  } catch {
    // A frozen error keeps its text; there is nothing else to do with it here.
  }
}

let uncaughtRedacted = false;
function redactUncaughtErrors(): void {
  if (uncaughtRedacted) return;
  uncaughtRedacted = true;
  process.prependListener('uncaughtException', redactUncaughtError);
  process.prependListener('unhandledRejection', redactUncaughtError);
}

/** The scenario is over: its secrets join those of the finished ones, still masked. */
export function scenarioFinished(redactor: Redactor): void {
  finished.absorb(redactor);
  redactors.delete(redactor);
}

/** `text` with every secret of this worker's scenarios masked. */
export function redactWorkerText(text: string): string {
  let out = finished.redactString(text);
  for (const redactor of redactors) out = redactor.redactString(out);
  return out;
}

const WITHHELD = '[partner-harness: output withheld because it could not be redacted]\n';

function safely(text: () => string): string {
  try {
    return redactWorkerText(text());
  } catch {
    return WITHHELD;
  }
}

/** Methods whose arguments are all printed; each call is formatted here, redacted, and passed on as one string. */
const PRINTING = ['log', 'info', 'debug', 'warn', 'error', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed'] as const;

function wrapConsole(target: Console): void {
  if (wrapped.has(target)) return;
  wrapped.add(target);
  const methods = target as unknown as Record<string, (...args: unknown[]) => void>;
  for (const method of PRINTING) {
    const original = methods[method];
    if (typeof original !== 'function') continue;
    methods[method] = function (this: unknown, ...args: unknown[]) {
      if (args.length === 0) return original.call(this);
      return original.call(this, safely(() => formatMasked(args)));
    };
  }
  // The first argument of these is a condition or a label, not printed output.
  for (const method of ['assert', 'timeLog'] as const) {
    const original = methods[method];
    if (typeof original !== 'function') continue;
    methods[method] = function (this: unknown, first: unknown, ...rest: unknown[]) {
      if (rest.length === 0) return original.call(this, first);
      return original.call(this, first, safely(() => formatMasked(rest)));
    };
  }
}

function wrapStream(stream: NodeJS.WriteStream): void {
  if (wrapped.has(stream)) return;
  wrapped.add(stream);
  const original = stream.write as (...args: unknown[]) => boolean;
  stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
    const text = safely(() => (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8')));
    // A Buffer's encoding argument no longer applies to the string that replaces it.
    const args = typeof chunk === 'string' ? rest : rest.filter((arg) => typeof arg === 'function');
    return original.call(this, text, ...args);
  } as typeof stream.write;
}
