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
