import { performance } from 'node:perf_hooks';
import type { FaultEntry } from './fault-set.ts';

/** A piece of one direction's stream, waiting in a pump's queue. */
export interface Chunk {
  data: Buffer;
  /** Arrival, on the monotonic clock. */
  at: number;
  /** Faults this chunk has already gone through; a re-evaluation after a wake skips them. */
  passed: Set<FaultEntry>;
  /** Latency drawn once per chunk and fault, so jitter is not re-rolled on a wake. */
  delays: Map<FaultEntry, number>;
  paces: Map<FaultEntry, number>;
  /** Reset the connection once this chunk is out: the last bytes a reset-after allows. */
  resetBy?: FaultEntry;
}

export function newChunk(data: Buffer): Chunk {
  return { data, at: performance.now(), passed: new Set(), delays: new Map(), paces: new Map() };
}

/** One pump's queue and the state its faults keep across chunks. */
export interface StageContext {
  /** The chunk being shaped is queue[0]. */
  queue: Chunk[];
  /** When each bandwidth fault's pipe is next free. */
  freeAt: Map<FaultEntry, number>;
  /** Per connection: bytes each reset-after has let through. */
  resetCounters: Map<FaultEntry, number>;
  /** Bytes taken out of the queue without being sent. */
  discard(bytes: number): void;
}

/** What one fault does to the head chunk: a monotonic time to hold it until, 'drop', or undefined (nothing). */
export function runStage(entry: FaultEntry, chunk: Chunk, context: StageContext): number | 'drop' | undefined {
  const { fault } = entry;
  switch (fault.kind) {
    case 'blackhole':
    case 'timeout':
      return 'drop';
    case 'latency': {
      let delay = chunk.delays.get(entry);
      if (delay === undefined) {
        delay = fault.ms + Math.random() * (fault.jitterMs ?? 0);
        chunk.delays.set(entry, delay);
      }
      return chunk.at + delay;
    }
    case 'bandwidth': {
      let at = chunk.paces.get(entry);
      if (at === undefined) {
        // Slices of 100 ms worth keep the stream smooth instead of one long stall per big chunk.
        splitHead(context.queue, Math.max(1, Math.floor(fault.bytesPerSecond / 10)));
        at = Math.max(performance.now(), context.freeAt.get(entry) ?? 0) + (chunk.data.length / fault.bytesPerSecond) * 1000;
        chunk.paces.set(entry, at);
        context.freeAt.set(entry, at);
      }
      return at;
    }
    case 'reset-after': {
      const seen = context.resetCounters.get(entry) ?? 0;
      const allowed = Math.max(0, fault.bytes - seen);
      if (chunk.data.length >= allowed) {
        context.discard(chunk.data.length - allowed);
        chunk.data = chunk.data.subarray(0, allowed);
        chunk.resetBy = entry;
        // Nothing after the cut is ever sent.
        for (const later of context.queue.splice(1)) context.discard(later.data.length);
      }
      context.resetCounters.set(entry, seen + chunk.data.length);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Keeps the first `size` bytes in the head; the rest becomes the next chunk, with the same history. */
function splitHead(queue: Chunk[], size: number): void {
  const head = queue[0]!;
  if (head.data.length <= size) return;
  const rest: Chunk = { ...head, data: head.data.subarray(size), passed: new Set(head.passed), delays: new Map(head.delays), paces: new Map() };
  head.data = head.data.subarray(0, size);
  // A pending reset waits for the last piece.
  head.resetBy = undefined;
  queue.splice(1, 0, rest);
}
