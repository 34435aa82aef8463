import type { StartedFake } from '../shared/started-fake.ts';
import type { TranscriptEntry } from '../shared/transcript.ts';
import type { NetFault } from './net-fault.ts';

/** A running proxy: clients connect to getHost():getPort() and reach the target through the faults. */
export interface StartedFaultProxy extends StartedFake {
  /** `tcp://host:port`: the proxy speaks whatever its target speaks. */
  getUrl(): string;
  /**
   * Adds a fault after the others and returns its name (given, or `<kind>-<n>`). It applies to new
   * connections and, where it means something, to open ones: latency and bandwidth to the next chunks,
   * reset-after counts from now, timeout drops from now, refuse closes the listener.
   */
  addFault(fault: NetFault, options?: { name?: string }): string;
  /** Removing 'refuse' listens again on the same port. */
  removeFault(name: string): void;
  clearFaults(): void;
  getFaults(): Array<{ name: string; fault: NetFault }>;
  /** Resolves once the listener matches the faults (a listen after removing 'refuse' has finished). */
  settled(): Promise<void>;
  /** Connections accepted and closed, bytes each way, faults added and applied; never payload bytes. */
  getTranscript(): TranscriptEntry[];
  /** Idempotent: closes the listener and destroys every proxied socket pair; resolves when all are closed. */
  stop(): Promise<void>;
}
