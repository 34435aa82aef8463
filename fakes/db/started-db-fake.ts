import type { StartedFake } from '../shared/started-fake.ts';
import type { TranscriptEntry } from '../shared/transcript.ts';
import type { DbEngine, DbRuntime } from './db-types.ts';

/** A running database partner. Embedded, process and container flavours all look like this. */
export interface StartedDbFake extends StartedFake {
  getEngine(): DbEngine;
  getRuntime(): DbRuntime;
  /** Always '127.0.0.1'. */
  getHost(): string;
  /** The advertised port; with a fault, the fault's port. */
  getPort(): number;
  /** `postgresql://127.0.0.1:PORT` or `mysql://127.0.0.1:PORT`, no database. */
  getUrl(): string;
  /** `jdbc:postgresql://127.0.0.1:PORT/db` or `jdbc:mysql://127.0.0.1:PORT/db`. */
  getJdbcUrl(database: string): string;
  /** The server's self-signed certificate (PEM) when TLS is on: what goes into Glue's CUSTOM_JDBC_CERT_STRING. */
  getCertificatePem(): string | undefined;
  /** Start/stop, users and databases created (names only), the fault, engine log lines on failure. Never passwords. */
  getTranscript(): TranscriptEntry[];
  /** Idempotent: stops the engine processes, removes data dirs and temp files, closes fault listeners. */
  stop(): Promise<void>;
}
