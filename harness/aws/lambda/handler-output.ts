import { AsyncLocalStorage } from 'node:async_hooks';
import { formatMasked } from './mask-sensitive.ts';

/** One thing a Lambda handler printed, as Lambda would put it in CloudWatch Logs. */
export interface HandlerLogLine {
  stream: 'stdout' | 'stderr';
  /** The console method (`log`, `error`, …), or `write` for process.stdout/stderr.write. */
  level: string;
  text: string;
}

export type HandlerLogSink = (line: HandlerLogLine) => void;

const sinks = new AsyncLocalStorage<HandlerLogSink>();

/**
 * Runs `fn` (a Lambda handler) with everything it prints going to `sink` instead of this
 * process's output. On AWS a function's output goes to CloudWatch, never to the caller; here the
 * handler runs inside the harness (often a vitest worker), where its `console.log(event)` would
 * otherwise put the user's password in the terminal and in junit.xml. The scope follows the
 * handler's async work (AsyncLocalStorage); everything else in the process prints as before.
 * Values under sensitive keys (`password`) are masked before formatting; the caller redacts the
 * text with its secrets.
 */
export function captureHandlerOutput<T>(sink: HandlerLogSink, fn: () => T): T {
  interceptConsole(globalThis.console);
  interceptStream(process.stdout, 'stdout');
  interceptStream(process.stderr, 'stderr');
  return sinks.run(sink, fn);
}

const STDERR_METHODS = new Set(['warn', 'error', 'trace', 'assert']);
const CONSOLE_METHODS = ['log', 'info', 'debug', 'dir', 'dirxml', 'table', 'warn', 'error', 'trace', 'assert', 'timeLog', 'group', 'groupCollapsed'] as const;
const intercepted = new WeakSet<object>();

/** vitest gives each worker its own console object, so each console object is wrapped once. */
function interceptConsole(target: Console): void {
  if (intercepted.has(target)) return;
  intercepted.add(target);
  const methods = target as unknown as Record<string, (...args: unknown[]) => void>;
  for (const method of CONSOLE_METHODS) {
    const original = methods[method];
    if (typeof original !== 'function') continue;
    methods[method] = function (this: unknown, ...args: unknown[]) {
      const sink = sinks.getStore();
      if (!sink) return original.apply(this, args);
      const text = formatConsoleCall(method, args);
      if (text !== undefined) sink({ stream: STDERR_METHODS.has(method) ? 'stderr' : 'stdout', level: method, text });
    };
  }
}

function interceptStream(stream: NodeJS.WriteStream, name: 'stdout' | 'stderr'): void {
  if (intercepted.has(stream)) return;
  intercepted.add(stream);
  const original = stream.write;
  stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
    const sink = sinks.getStore();
    if (!sink) return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    sink({ stream: name, level: 'write', text: typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8') });
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (callback) process.nextTick(callback);
    return true;
  } as typeof stream.write;
}

function formatConsoleCall(method: string, args: unknown[]): string | undefined {
  if (method === 'assert') {
    if (args[0]) return undefined;
    return formatArgs(['Assertion failed', ...args.slice(1)]);
  }
  if (method === 'trace') return formatArgs(['Trace:', ...args]);
  if (method === 'timeLog') return formatArgs(args.slice(1).length > 0 ? [`${String(args[0] ?? 'default')}:`, ...args.slice(1)] : [String(args[0] ?? 'default')]);
  return formatArgs(args);
}

function formatArgs(args: unknown[]): string {
  return `${formatMasked(args)}\n`;
}
