import { isIP } from 'node:net';
import { FaultSet } from './fault-set.ts';
import type { NetFault } from './net-fault.ts';
import { StartedEmbeddedFaultProxy } from './started-embedded-fault-proxy.ts';
import type { StartedFaultProxy } from './started-fault-proxy.ts';

const HOST_PATTERN = /^[A-Za-z0-9.-]+$/;

function checkPort(where: string, port: number, min: number): void {
  if (!Number.isInteger(port) || port < min || port > 65535) {
    throw new Error(`${where}: invalid port ${JSON.stringify(port)}; use ${min}..65535${min === 0 ? ' (0 picks a free port)' : ''}`);
  }
}

function checkHost(where: string, host: string): void {
  if (typeof host !== 'string' || (isIP(host) === 0 && !HOST_PATTERN.test(host))) {
    throw new Error(`${where}: invalid host ${JSON.stringify(host)}; use an address like '127.0.0.1' or a host name`);
  }
}

/**
 * A TCP proxy that misbehaves on purpose (our Toxiproxy), placed between a client and any partner:
 * `await using proxy = await new FaultProxy().withTarget(sftp.getHost(), sftp.getPort()).withFault({ kind: 'latency', ms: 200 }).start()`.
 */
export class FaultProxy {
  #host = '127.0.0.1';
  #port = 0;
  #target?: { host: string; port: number };
  readonly #faults = new FaultSet();

  /** Where connections go: the partner behind the proxy. */
  withTarget(host: string, port: number): this {
    checkHost('withTarget', host);
    checkPort('withTarget', port, 1);
    this.#target = { host, port };
    return this;
  }

  /** Adds a fault after the others; they apply in order. The name defaults to `<kind>-<n>`. */
  withFault(fault: NetFault, options: { name?: string } = {}): this {
    this.#faults.add(fault, options, 'withFault');
    return this;
  }

  /** The listen address. */
  withHost(host: string): this {
    checkHost('withHost', host);
    this.#host = host;
    return this;
  }

  /** 0 (the default) lets the OS choose a free port; read it back with getPort(). */
  withPort(port: number): this {
    checkPort('withPort', port, 0);
    this.#port = port;
    return this;
  }

  async start(): Promise<StartedFaultProxy> {
    if (!this.#target) throw new Error('FaultProxy: no target; call withTarget(host, port) with the partner to proxy to');
    return StartedEmbeddedFaultProxy.start({
      host: this.#host,
      port: this.#port,
      target: { ...this.#target },
      faults: this.#faults.clone(),
    });
  }
}
