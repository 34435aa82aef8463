import type { RenderedMessage } from '../messages/message-catalogue.ts';
import type { Diagnosis } from './diagnosis.ts';

/** One emulated call, as reports show it. Request and response are already redacted. */
export interface CallRecord {
  requestId: string;
  service: string;
  operation: string;
  request: unknown;
  httpStatus: number;
  response?: unknown;
  error?: { type: string; message: string };
  /** Catalogue entries used to build the answer, with provenance. */
  messages: RenderedMessage[];
  /** What the emulator did on the wire (the SSH client side of TestConnection, say). */
  transcript: Array<{ at: number; kind: string; detail: Record<string, unknown> }>;
  /** The harness's explanation beside AWS's answer: what it saw, why, what to change. */
  diagnosis: Diagnosis[];
  durationMs: number;
}

/**
 * The most recent calls, by request id: a ring of `size` records, so an endpoint that answers
 * millions of calls keeps a flat memory. A scenario looks its call up right after making it.
 */
export class CallLog {
  readonly #calls = new Map<string, CallRecord>();
  readonly #listeners = new Set<(record: CallRecord) => void>();

  constructor(readonly size: number) {}

  /** Calls `listener` with each record as it is added; returns the unsubscribe. */
  onAdd(listener: (record: CallRecord) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  add(record: CallRecord): void {
    for (const listener of this.#listeners) {
      try {
        listener(record);
      } catch {
        // A listener's mistake must not cost the record or the other listeners.
      }
    }
    this.#calls.delete(record.requestId);
    this.#calls.set(record.requestId, record);
    for (const oldest of this.#calls.keys()) {
      if (this.#calls.size <= this.size) break;
      this.#calls.delete(oldest);
    }
  }

  get(requestId: string): CallRecord | undefined {
    return this.#calls.get(requestId);
  }

  /** Oldest first. */
  all(): CallRecord[] {
    return [...this.#calls.values()];
  }

  get length(): number {
    return this.#calls.size;
  }
}
