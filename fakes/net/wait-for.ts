/**
 * Resolves when `arm` calls back or any signal aborts; never rejects. `arm` returns how to disarm,
 * so no timer or listener outlives the wait.
 */
export function waitFor(arm: (done: () => void) => (() => void) | void, signals: readonly AbortSignal[]): Promise<void> {
  return new Promise<void>((resolve) => {
    let settled = false;
    let disarm: (() => void) | void;
    const done = (): void => {
      if (settled) return;
      settled = true;
      for (const signal of signals) signal.removeEventListener('abort', done);
      disarm?.();
      resolve();
    };
    if (signals.some((signal) => signal.aborted)) return done();
    for (const signal of signals) signal.addEventListener('abort', done, { once: true });
    disarm = arm(done);
    if (settled) disarm?.();
  });
}

export function delay(ms: number, signals: readonly AbortSignal[]): Promise<void> {
  return waitFor((done) => {
    const timer = setTimeout(done, Math.max(0, ms));
    return () => clearTimeout(timer);
  }, signals);
}
