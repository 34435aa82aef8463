/**
 * Last-resort cleanup when the test process ends without stop(): engines are separate processes and
 * would outlive us. Only synchronous work runs here (signals, rmSync). A SIGKILL of our own process
 * cannot be caught; engines then stay until someone kills them.
 */
const cleanups = new Set<() => void>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** Signals another handler in this process stops it for (leaveSignalsTo), by how many handlers. */
const leftTo = new Map<NodeJS.Signals, number>();

function runAll(): void {
  // Last registered first, like nested finally blocks: an engine is killed before the directory
  // it writes to (registered earlier) is removed.
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: the process is going away.
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  // That handler stops the process its own way; the 'exit' hook still runs everything left.
  if (leftTo.get(signal)) return;
  runAll();
  // If nobody else handles the signal, restore the default behaviour (terminate) that our listener
  // replaced. signal-exit (loaded by testcontainers' dependencies) is as polite as we are: it
  // re-raises only when its own listeners are all that is left, so it does not count as a handler.
  if (process.listenerCount(signal) - 1 <= signalExitListeners()) {
    uninstall();
    process.kill(process.pid, signal);
  }
}

/** How many listeners per signal signal-exit v3/v4 copies have installed (both keep a count on a global emitter). */
function signalExitListeners(): number {
  const v3 = (process as { __signal_exit_emitter__?: { count?: unknown } }).__signal_exit_emitter__;
  const v4 = (globalThis as Record<symbol, { count?: unknown } | undefined>)[Symbol.for('signal-exit emitter')];
  return [v3, v4].reduce((sum, emitter) => sum + (typeof emitter?.count === 'number' ? emitter.count : 0), 0);
}

function install(): void {
  process.on('exit', runAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  process.off('exit', runAll);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/**
 * Leaves `signals` to a handler that stops this process gracefully and then exits (the CLI's
 * RunInterrupt: on Ctrl-C it lets the run stop its engines itself, while scenarios still run
 * on them), until the returned function is called. The cleanups then run at exit instead.
 */
export function leaveSignalsTo(signals: readonly NodeJS.Signals[]): () => void {
  for (const signal of signals) leftTo.set(signal, (leftTo.get(signal) ?? 0) + 1);
  let undone = false;
  return () => {
    if (undone) return;
    undone = true;
    for (const signal of signals) leftTo.set(signal, leftTo.get(signal)! - 1);
  };
}

/** Registers `cleanup` until the returned function is called. */
export function onProcessExit(cleanup: () => void): () => void {
  if (cleanups.size === 0) install();
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) uninstall();
  };
}
