import type { Socket } from 'node:net';
import createDebug from 'debug';
import { StartedFakeBase } from '../shared/started-fake.ts';
import { FaultSet } from './fault-set.ts';
import type { NetFault } from './net-fault.ts';
import { ProxiedConnection } from './proxied-connection.ts';
import { ProxyListener } from './proxy-listener.ts';
import type { StartedFaultProxy } from './started-fault-proxy.ts';

const log = createDebug('partner-harness:fake:net');

export interface EmbeddedFaultProxyConfig {
  host: string;
  port: number;
  target: { host: string; port: number };
  /** Owned by the started proxy from here on. */
  faults: FaultSet;
}

/** The in-process proxy: our own listener, one ProxiedConnection per accepted client. */
export class StartedEmbeddedFaultProxy extends StartedFakeBase implements StartedFaultProxy {
  readonly #config: EmbeddedFaultProxyConfig;
  readonly #faults: FaultSet;
  readonly #connections = new Set<ProxiedConnection>();
  readonly #listener: ProxyListener;
  #nextId = 1;

  private constructor(config: EmbeddedFaultProxyConfig) {
    super();
    this.#config = config;
    this.#faults = config.faults;
    this.#listener = new ProxyListener(config.host, (socket) => this.#onSocket(socket), (kind, detail) => this.transcript.record(kind, detail));
    this.#faults.onChange(() => this.#listener.want(!this.isStopping && !this.#faults.some('refuse')));
  }

  static async start(config: EmbeddedFaultProxyConfig): Promise<StartedEmbeddedFaultProxy> {
    const proxy = new StartedEmbeddedFaultProxy(config);
    for (const { name, fault } of proxy.#faults.entries()) proxy.transcript.record('fault-added', { name, fault });
    // Listen even when refusing, to own a port that removing 'refuse' can listen on again.
    await proxy.#listener.open(config.port);
    proxy.#listener.want(!proxy.#faults.some('refuse'));
    log('proxying %s:%d -> %s:%d', config.host, proxy.getPort(), config.target.host, config.target.port);
    return proxy;
  }

  #onSocket(socket: Socket): void {
    if (this.isStopping) {
      socket.destroy();
      return;
    }
    const id = this.#nextId++;
    this.transcript.record('accepted', { connection: id, remoteAddress: socket.remoteAddress, remotePort: socket.remotePort });
    const connection = new ProxiedConnection({
      client: socket,
      target: this.#config.target,
      faults: this.#faults,
      record: (kind, detail = {}) => this.transcript.record(kind, { connection: id, ...detail }),
    });
    this.#connections.add(connection);
    void connection.closed.then(() => this.#connections.delete(connection));
  }

  getHost(): string {
    return this.#config.host;
  }

  getPort(): number {
    return this.#listener.getPort();
  }

  /** `tcp://host:port`: the proxy speaks whatever its target speaks. */
  getUrl(): string {
    return this.formatUrl('tcp');
  }

  addFault(fault: NetFault, options: { name?: string } = {}): string {
    const { name, fault: added } = this.#faults.add(fault, options, 'addFault');
    this.transcript.record('fault-added', { name, fault: added });
    log('fault %s added: %o', name, added);
    return name;
  }

  removeFault(name: string): void {
    this.#faults.remove(name);
    this.transcript.record('fault-removed', { name });
    log('fault %s removed', name);
  }

  clearFaults(): void {
    const names = this.#faults.entries().map((e) => e.name);
    this.#faults.clear();
    this.transcript.record('faults-cleared', { names });
  }

  getFaults(): Array<{ name: string; fault: NetFault }> {
    return this.#faults.entries().map(({ name, fault }) => ({ name, fault: { ...fault } }));
  }

  settled(): Promise<void> {
    return this.#listener.settled();
  }

  protected async close(): Promise<void> {
    const listenerClosed = this.#listener.close();
    const connections = [...this.#connections];
    for (const connection of connections) connection.destroy();
    await Promise.all([listenerClosed, ...connections.map((c) => c.closed)]);
    // 'close' fires before libuv has closed the handles; a timer runs after that phase.
    await new Promise((resolve) => setTimeout(resolve, 0));
    log('stopped %s:%d', this.#config.host, this.getPort());
  }
}
