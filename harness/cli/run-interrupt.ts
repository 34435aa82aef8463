import { leaveSignalsTo } from '../../core/process/index.ts';
import { ExitCode } from './exit-codes.ts';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * Ctrl-C (SIGINT) or a CI cancel (SIGTERM) during `run`. The first signal asks the run to stop
 * (`whenInterrupted`): workers and the fakes inside them stop, the scenarios that finished are
 * reported, temp dirs are removed, and the command exits 130. A second signal exits at once,
 * after the cleanup that can run synchronously (`onForcedExit`).
 */
export class RunInterrupt {
  #signals = 0;
  #onInterrupt?: () => void;
  readonly #forcedExitCleanups: Array<() => void> = [];
  readonly #listener = () => this.#handle();
  /** The run's engines live in this process (host-engines.ts): the first signal stops them with the run, not under it. */
  readonly #takeBackSignals = leaveSignalsTo(SIGNALS);

  constructor(private readonly say: (text: string) => void = (text) => process.stderr.write(text)) {
    for (const signal of SIGNALS) process.on(signal, this.#listener);
  }

  get interrupted(): boolean {
    return this.#signals > 0;
  }

  /** Runs `stop` on the first signal (at once if one already came). */
  whenInterrupted(stop: () => void): void {
    this.#onInterrupt = stop;
    if (this.interrupted) stop();
  }

  onForcedExit(cleanup: () => void): void {
    this.#forcedExitCleanups.push(cleanup);
  }

  /**
   * Creates something (vitest) that installs its own SIGINT/SIGTERM listeners, and removes them:
   * vitest's logger exits the process 1 ms after the signal (Vite's server on SIGTERM too),
   * before `close()` has removed vitest's temp dir, the workers have stopped their fakes, or the
   * reports are written. This run handles the signals itself. Listeners are removed as soon as
   * the synchronous part of `create` has run, and again once it has resolved.
   */
  static async withoutOwnSignalHandling<T>(create: () => Promise<T>): Promise<T> {
    const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
    const strip = () => {
      for (const signal of SIGNALS) {
        for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.off(signal, listener);
      }
    };
    const pending = create();
    strip();
    try {
      return await pending;
    } finally {
      strip();
    }
  }

  dispose(): void {
    for (const signal of SIGNALS) process.off(signal, this.#listener);
    this.#takeBackSignals();
  }

  #handle(): void {
    this.#signals += 1;
    if (this.#signals === 1) {
      this.say('\npartner-harness: interrupted; stopping the scenarios and their fakes (press Ctrl-C again to exit at once)\n');
      this.#onInterrupt?.();
      return;
    }
    for (const cleanup of this.#forcedExitCleanups) {
      try {
        cleanup();
      } catch {
        // Best effort: the user asked to exit now.
      }
    }
    process.exit(ExitCode.Interrupted);
  }
}
