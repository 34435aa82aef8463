/**
 * What a fake saw, in order. Entries are plain JSON so reports can embed them as they are.
 * Whoever records an entry is responsible for never putting secrets in `detail`:
 * record that a password was tried, never the password.
 */
export interface TranscriptEntry {
  /** Milliseconds since the fake started. */
  at: number;
  /** Short stable name, e.g. `auth`, `handshake`, `sftp`. */
  kind: string;
  detail: Record<string, unknown>;
}

/** Where a part of a fake records what it saw: `record('auth', { user, result })`. */
export type Recorder = (kind: string, detail?: Record<string, unknown>) => void;

export class Transcript {
  readonly #entries: TranscriptEntry[] = [];
  readonly #start = Date.now();

  record(kind: string, detail: Record<string, unknown> = {}): void {
    this.#entries.push({ at: Date.now() - this.#start, kind, detail });
  }

  entries(): TranscriptEntry[] {
    return [...this.#entries];
  }
}
