import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { slowClose, type FaultEntry } from './fault-set.ts';
import { appliesTo } from './net-fault.ts';
import { newChunk, runStage, type Chunk, type StageContext } from './chunk-stages.ts';
import { delay, waitFor } from './wait-for.ts';

/** Past this much queued data we stop reading the source, so TCP flow control reaches the sender. */
const HIGH_WATER = 64 * 1024;
const LOW_WATER = 16 * 1024;
/**
 * How long a reset-after waits between the last allowed byte and the RST. libuv reports data and an
 * RST that arrive in one poll as a clean EOF (POLLHUP after a partial read), so a Node peer would
 * see 'end' instead of ECONNRESET; a short pause lets it read the data first.
 */
const RESET_GRACE_MS = 20;

export type Flow = 'upstream' | 'downstream';

/** What a pump needs from its connection. */
export interface PumpHost {
  faults(): readonly FaultEntry[];
  /** Bytes a reset-after fault has let through on this connection (shared by both flows for 'both'). */
  readonly resetCounters: Map<FaultEntry, number>;
  applied(entry: FaultEntry, flow: Flow): void;
  reset(entry: FaultEntry, flow: Flow): void;
  /** FIN passed on (after any slow-close); the destination's writable side has finished. */
  finished(flow: Flow): void;
}

/**
 * Moves one direction of a connection, one chunk at a time so order is kept. Before a chunk is
 * written it passes each current fault in order; a fault change wakes any wait and re-evaluates.
 */
export class StreamPump {
  readonly #source: Socket;
  readonly #dest: Socket;
  readonly #flow: Flow;
  readonly #host: PumpHost;
  readonly #halt = new AbortController();
  #wake = new AbortController();
  readonly #queue: Chunk[] = [];
  readonly #stageContext: StageContext;
  #queued = 0;
  #paused = false;
  #running = false;
  #finAt?: number;
  #done = false;
  received = 0;
  forwarded = 0;
  dropped = 0;

  constructor(source: Socket, dest: Socket, flow: Flow, host: PumpHost) {
    this.#source = source;
    this.#dest = dest;
    this.#flow = flow;
    this.#host = host;
    dest.once('close', () => this.halt());
    this.#stageContext = {
      queue: this.#queue,
      freeAt: new Map(),
      resetCounters: host.resetCounters,
      discard: (bytes) => {
        this.dropped += bytes;
        this.#queued -= bytes;
      },
    };
  }

  push(data: Buffer): void {
    this.received += data.length;
    if (this.#halt.signal.aborted || this.#finAt !== undefined) return;
    this.#queue.push(newChunk(data));
    this.#queued += data.length;
    if (this.#queued >= HIGH_WATER && !this.#paused) {
      this.#paused = true;
      this.#source.pause();
    }
    this.#kick();
  }

  /** The source sent FIN. */
  end(): void {
    this.#finAt ??= performance.now();
    this.#kick();
  }

  /** Faults changed: cut short any wait and look again. */
  wake(): void {
    this.#wake.abort();
    this.#wake = new AbortController();
    this.#kick();
  }

  /** The connection is going away: drop what is queued, write nothing more. */
  halt(): void {
    this.#halt.abort();
    this.#queue.length = 0;
  }

  #kick(): void {
    if (this.#running || this.#done || this.#halt.signal.aborted) return;
    this.#running = true;
    void this.#drain();
  }

  async #drain(): Promise<void> {
    try {
      while (!this.#halt.signal.aborted) {
        const chunk = this.#queue[0];
        if (chunk === undefined) {
          if (this.#finAt !== undefined && !this.#blocked()) await this.#finish();
          return;
        }
        const wait = this.#nextWait(chunk);
        if (wait === 'drop') {
          this.#take(chunk);
          this.dropped += chunk.data.length;
        } else if (wait !== undefined) {
          await this.#sleepUntil(wait);
        } else {
          await this.#write(chunk);
        }
      }
    } finally {
      this.#running = false;
    }
  }

  /** Runs the chunk through the faults it has not passed yet: a time to wait for, 'drop', or undefined to write now. */
  #nextWait(chunk: Chunk): number | 'drop' | undefined {
    for (const entry of this.#host.faults()) {
      if (chunk.passed.has(entry) || !appliesTo(entry.fault, this.#flow)) continue;
      const result = runStage(entry, chunk, this.#stageContext);
      if (result === 'drop') {
        this.#host.applied(entry, this.#flow);
        return 'drop';
      }
      if (result !== undefined && performance.now() < result) return result;
      if (result !== undefined) this.#host.applied(entry, this.#flow);
      chunk.passed.add(entry);
    }
    return undefined;
  }

  #take(chunk: Chunk): void {
    this.#queue.shift();
    this.#queued -= chunk.data.length;
    if (this.#paused && this.#queued <= LOW_WATER) {
      this.#paused = false;
      this.#source.resume();
    }
  }

  async #write(chunk: Chunk): Promise<void> {
    this.#take(chunk);
    if (this.#dest.destroyed || this.#dest.writableEnded) return this.halt();
    let ok = true;
    let flushed = chunk.data.length === 0;
    const onFlushed: Array<() => void> = [];
    if (!flushed) {
      ok = this.#dest.write(chunk.data, () => {
        flushed = true;
        for (const done of onFlushed) done();
      });
    }
    this.forwarded += chunk.data.length;
    if (chunk.resetBy) {
      // Let the allowed bytes reach the kernel first, then cut.
      if (!flushed) await this.#until((done) => void onFlushed.push(done));
      await delay(RESET_GRACE_MS, [this.#halt.signal]);
      if (this.#halt.signal.aborted) return;
      this.#host.reset(chunk.resetBy, this.#flow);
      this.halt();
    } else if (!ok) {
      await this.#until((done) => {
        this.#dest.once('drain', done);
        return () => this.#dest.off('drain', done);
      });
    }
  }

  async #finish(): Promise<void> {
    for (;;) {
      const { entries, ms } = slowClose(this.#host.faults());
      const target = this.#finAt! + ms;
      if (performance.now() >= target) {
        for (const entry of entries) this.#host.applied(entry, this.#flow);
        break;
      }
      await this.#sleepUntil(target);
      if (this.#halt.signal.aborted) return;
    }
    this.#done = true;
    if (!this.#dest.destroyed) await this.#until((done) => void this.#dest.end(done));
    if (!this.#halt.signal.aborted) this.#host.finished(this.#flow);
  }

  #sleepUntil(target: number): Promise<void> {
    return delay(Math.ceil(target - performance.now()), [this.#halt.signal, this.#wake.signal]);
  }

  /** Waits for `arm` or a halt (the destination closing halts too); a wake does not cut these short. */
  #until(arm: (done: () => void) => (() => void) | void): Promise<void> {
    return waitFor(arm, [this.#halt.signal]);
  }

  #blocked(): boolean {
    return this.#host.faults().some((e) => e.fault.kind === 'timeout' || e.fault.kind === 'blackhole');
  }
}
