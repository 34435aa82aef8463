/**
 * Last-resort cleanup when the test process ends without stop(): engines are separate processes and
 * would outlive us. Only synchronous work runs here (signals, rmSync). A SIGKILL of our own process
 * cannot be caught; engines then stay until someone kills them.
 */
const cleanups = new Set<() => void>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function runAll(): void {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: the process is going away.
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  runAll();
  // If we were the only listener, restore the default behaviour (terminate) that our listener replaced.
  if (process.listenerCount(signal) === 1) {
    uninstall();
    process.kill(process.pid, signal);
  }
}

function install(): void {
  process.on('exit', runAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  process.off('exit', runAll);
  for (const signal of SIGNALS) process.off(signal, onSignal);
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
