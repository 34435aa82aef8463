import { Transcript, type TranscriptEntry } from './transcript.ts';

/**
 * What every running fake offers, whatever its kind and runtime: where clients connect, what it
 * saw, and a stop that is safe on every path. A scenario reaches any fake through this alone.
 */
export interface StartedFake extends AsyncDisposable {
  getHost(): string;
  getPort(): number;
  /** Where a client connects, in the fake's own scheme: `sftp://…`, `http://…/stage`, `postgresql://…`. */
  getUrl(): string;
  /** What the fake saw, in order. Never secrets: that a password was tried, never the password. */
  getTranscript(): TranscriptEntry[];
  /**
   * Releases everything the fake holds (listeners, sockets, processes, containers, temp dirs).
   * Idempotent: every call, concurrent or later, returns the first call's promise.
   */
  stop(): Promise<void>;
}

/**
 * The stop/dispose lifecycle, written once for every fake. A subclass implements `close()`; the
 * base runs it at most once and records `stopped` in the transcript.
 *
 * A `close()` that fails still leaves the fake stopped: running it again could release twice
 * what the first attempt already released, or wait on resources it left half-closed. The
 * transcript records `stopped` with the error, and every `stop()` (the first, concurrent ones,
 * later ones, and `Symbol.asyncDispose`) rejects with that same error, so no caller mistakes a
 * failed stop for a clean one.
 */
export abstract class StartedFakeBase implements StartedFake {
  protected readonly transcript: Transcript;
  #stopRequested = false;
  #stopping?: Promise<void>;

  /** `transcript`: one the start-up already recorded into (a launch that logs before the handle exists). */
  protected constructor(transcript: Transcript = new Transcript()) {
    this.transcript = transcript;
  }

  abstract getHost(): string;
  abstract getPort(): number;
  abstract getUrl(): string;

  /** Releases what this fake holds. Called at most once, by stop(). */
  protected abstract close(): Promise<void>;

  getTranscript(): TranscriptEntry[] {
    return this.transcript.entries();
  }

  /** True from the first stop() on, already while close() runs: a stopping fake takes no new work. */
  protected get isStopping(): boolean {
    return this.#stopRequested;
  }

  stop(): Promise<void> {
    if (!this.#stopping) {
      this.#stopRequested = true;
      this.#stopping = this.#stop();
    }
    return this.#stopping;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  /** `scheme://host:port` + path, with an IPv6 host in brackets. */
  protected formatUrl(scheme: string, path = ''): string {
    const host = this.getHost().includes(':') ? `[${this.getHost()}]` : this.getHost();
    return `${scheme}://${host}:${this.getPort()}${path}`;
  }

  async #stop(): Promise<void> {
    try {
      await this.close();
    } catch (error) {
      this.transcript.record('stopped', { error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
    this.transcript.record('stopped', {});
  }
}
