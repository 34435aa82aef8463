import type { RenderedMessage } from '../messages/message-catalogue.ts';

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
  durationMs: number;
}

/**
 * The most recent calls, by request id: a ring of `size` records, so an endpoint that answers
 * millions of calls keeps a flat memory. A scenario looks its call up right after making it.
 */
export class CallLog {
  readonly #calls = new Map<string, CallRecord>();

  constructor(readonly size: number) {}

  add(record: CallRecord): void {
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
