import { connect, type Socket } from 'node:net';
import createDebug from 'debug';
import type { Recorder } from '../shared/transcript.ts';
import { slowClose, type FaultEntry, type FaultSet } from './fault-set.ts';
import { StreamPump, type Flow, type PumpHost } from './stream-pump.ts';

const log = createDebug('partner-harness:fake:net');

export interface ConnectionConfig {
  client: Socket;
  target: { host: string; port: number };
  faults: FaultSet;
  /** Already tagged with this connection's id. */
  record: Recorder;
}

type Side = 'client' | 'upstream';

/** RST rather than FIN; a socket still connecting has nothing to reset, so it is just destroyed. */
export function resetSocket(socket: Socket): void {
  if (socket.destroyed) return;
  if (socket.connecting || socket.pending) socket.destroy();
  else socket.resetAndDestroy();
}

/** One accepted client, the socket we dialled for it, and the two pumps between them. */
export class ProxiedConnection implements PumpHost {
  readonly closed: Promise<void>;
  readonly resetCounters = new Map<FaultEntry, number>();
  readonly #config: ConnectionConfig;
  readonly #client: Socket;
  #upstream?: Socket;
  #up?: StreamPump;
  #down?: StreamPump;
  #upstreamConnected = false;
  readonly #closedSides = new Set<Side>();
  readonly #finishedFlows = new Set<Flow>();
  readonly #timeouts = new Map<FaultEntry, NodeJS.Timeout | undefined>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #applied = new Map<FaultEntry, Set<string>>();
  readonly #unsubscribe: () => void;
  #discarded = 0;
  #reason?: string;

  constructor(config: ConnectionConfig) {
    this.#config = config;
    this.#client = config.client;
    this.#client.setNoDelay(true);
    this.#client.on('error', (error) => log('client socket error: %s', error.message));
    let markClosed!: () => void;
    this.closed = new Promise((resolve) => (markClosed = resolve));
    this.#client.once('close', (hadError) => {
      this.#onClose('client', hadError);
      if (!this.#upstream || this.#upstream.destroyed) markClosed();
      else this.#upstream.once('close', () => markClosed());
    });
    const onAccept = config.faults.entries().find((e) => e.fault.kind === 'reset-on-accept' || e.fault.kind === 'blackhole');
    if (onAccept?.fault.kind === 'reset-on-accept') {
      this.#reason = onAccept.name;
      this.applied(onAccept, undefined, 'reset');
      resetSocket(this.#client);
    } else if (onAccept) {
      this.#reason = onAccept.name;
      this.applied(onAccept);
      this.#client.on('data', (chunk: Buffer) => (this.#discarded += chunk.length));
    } else {
      this.#dial();
    }
    this.#syncTimeouts();
    this.#unsubscribe = config.faults.onChange(() => this.#faultsChanged());
  }

  #dial(): void {
    const { host, port } = this.#config.target;
    const upstream = connect({ host, port, allowHalfOpen: true, noDelay: true });
    this.#upstream = upstream;
    const up = (this.#up = new StreamPump(this.#client, upstream, 'upstream', this));
    const down = (this.#down = new StreamPump(upstream, this.#client, 'downstream', this));
    this.#client.on('data', (chunk: Buffer) => up.push(chunk)).on('end', () => {
      this.#reason ??= 'client-closed';
      up.end();
    });
    upstream.on('data', (chunk: Buffer) => down.push(chunk)).on('end', () => {
      this.#reason ??= 'upstream-closed';
      down.end();
    });
    upstream.once('connect', () => {
      this.#upstreamConnected = true;
      this.#config.record('upstream-connected', { localPort: upstream.localPort });
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      log('upstream socket error: %s', error.message);
      if (!this.#upstreamConnected) this.#config.record('upstream-error', { target: `${host}:${port}`, code: error.code ?? error.message });
    });
    upstream.once('close', (hadError) => this.#onClose('upstream', hadError));
  }

  faults(): readonly FaultEntry[] {
    return this.#config.faults.entries();
  }

  /** Records a fault the first time it touches this connection; `action` marks a one-off (reset, close). */
  applied(entry: FaultEntry, flow?: Flow, action?: string): void {
    const flows = this.#applied.get(entry) ?? new Set<string>();
    if (flows.has(flow ?? 'both') && !action) return;
    this.#applied.set(entry, flows.add(flow ?? 'both'));
    this.#config.record('fault-applied', { name: entry.name, kind: entry.fault.kind, ...(flow && { flow }), ...(action && { action }) });
  }

  reset(entry: FaultEntry, flow: Flow): void {
    // A fault that cuts the connection says more than whoever sent FIN before it.
    this.#reason = entry.name;
    this.applied(entry, flow, 'reset');
    this.#haltPumps();
    resetSocket(this.#client);
    if (this.#upstream) resetSocket(this.#upstream);
  }

  finished(flow: Flow): void {
    this.#finishedFlows.add(flow);
    // Data from the other peer has nowhere to go once this side's reader is gone.
    const readerGone = this.#closedSides.has(flow === 'upstream' ? 'client' : 'upstream');
    if (readerGone) this.#socket(flow === 'upstream' ? 'upstream' : 'client')?.destroy();
  }

  /** stop() and timeouts: FIN both sockets now, queued data is dropped. */
  destroy(reason = 'stopped'): void {
    this.#reason ??= reason;
    this.#haltPumps();
    this.#client.destroy();
    this.#upstream?.destroy();
  }

  #onClose(side: Side, hadError: boolean): void {
    this.#closedSides.add(side);
    const otherSide: Side = side === 'client' ? 'upstream' : 'client';
    const other = this.#socket(otherSide);
    if (side === 'upstream' && !this.#upstreamConnected) {
      this.#reason ??= 'upstream-error';
      this.#client.destroy();
    } else if (other && !other.destroyed) {
      this.#reason ??= hadError ? `${side}-reset` : `${side}-closed`;
      if (hadError) {
        this.#haltPumps();
        this.#afterSlowClose(() => resetSocket(other));
      } else if (this.#finishedFlows.has(side === 'client' ? 'upstream' : 'downstream')) {
        other.destroy();
      } else {
        (side === 'client' ? this.#up : this.#down)?.end();
      }
    }
    if (this.#closedSides.size === (this.#upstream ? 2 : 1)) this.#onBothClosed();
  }

  #onBothClosed(): void {
    this.#unsubscribe();
    for (const timer of [...this.#timers, ...this.#timeouts.values()]) clearTimeout(timer);
    this.#config.record('closed', {
      reason: this.#reason ?? 'closed',
      upstream: this.#bytes(this.#up, this.#discarded),
      downstream: this.#bytes(this.#down, 0),
    });
  }

  #bytes(pump: StreamPump | undefined, discarded: number): Record<string, number> {
    return { received: (pump?.received ?? 0) + discarded, forwarded: pump?.forwarded ?? 0, dropped: (pump?.dropped ?? 0) + discarded };
  }

  #faultsChanged(): void {
    this.#syncTimeouts();
    this.#up?.wake();
    this.#down?.wake();
  }

  /** A timeout's clock starts when it first applies to this connection, at accept or when added. */
  #syncTimeouts(): void {
    const current = this.faults().filter((e) => e.fault.kind === 'timeout');
    for (const [entry, timer] of this.#timeouts) {
      if (!current.includes(entry)) {
        clearTimeout(timer);
        this.#timeouts.delete(entry);
      }
    }
    for (const entry of current) {
      if (this.#timeouts.has(entry) || entry.fault.kind !== 'timeout') continue;
      const { ms } = entry.fault;
      const timer = ms > 0 ? setTimeout(() => this.#timedOut(entry), ms) : undefined;
      this.#timeouts.set(entry, timer);
    }
  }

  #timedOut(entry: FaultEntry): void {
    this.applied(entry, undefined, 'close');
    this.#reason = entry.name;
    this.destroy();
  }

  #afterSlowClose(run: () => void): void {
    const { entries, ms } = slowClose(this.faults());
    if (ms === 0) return run();
    for (const entry of entries) this.applied(entry);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      run();
    }, ms);
    this.#timers.add(timer);
  }

  #haltPumps(): void {
    this.#up?.halt();
    this.#down?.halt();
  }

  #socket(side: Side): Socket | undefined {
    return side === 'client' ? this.#client : this.#upstream;
  }
}
