import { EndpointBuilder } from '../shared/endpoint-builder.ts';
import { validateHost, validatePort } from '../shared/validate-endpoint.ts';
import { FaultSet } from './fault-set.ts';
import type { NetFault } from './net-fault.ts';
import { StartedEmbeddedFaultProxy } from './started-embedded-fault-proxy.ts';
import type { StartedFaultProxy } from './started-fault-proxy.ts';
import { InvalidOptionError } from '../../core/errors/index.ts';

// withTarget takes any resolvable name, so the proxy's hint says so (withHost shares the wording).
const HOST_EXAMPLE = "'127.0.0.1' or a host name";

/**
 * A TCP proxy that misbehaves on purpose (our Toxiproxy), placed between a client and any partner:
 * `await using proxy = await new FaultProxy().withTarget(sftp.getHost(), sftp.getPort()).withFault({ kind: 'latency', ms: 200 }).start()`.
 */
export class FaultProxy extends EndpointBuilder {
  #target?: { host: string; port: number };
  readonly #faults = new FaultSet();

  constructor() {
    super(HOST_EXAMPLE);
  }

  /** Where connections go: the partner behind the proxy. */
  withTarget(host: string, port: number): this {
    validateHost('withTarget', host, HOST_EXAMPLE);
    validatePort('withTarget', port, 1);
    this.#target = { host, port };
    return this;
  }

  /** Adds a fault after the others; they apply in order. The name defaults to `<kind>-<n>`. */
  withFault(fault: NetFault, options: { name?: string } = {}): this {
    this.#faults.add(fault, options, 'withFault');
    return this;
  }

  async start(): Promise<StartedFaultProxy> {
    if (!this.#target) throw new InvalidOptionError('FaultProxy: no target; call withTarget(host, port) with the partner to proxy to');
    return StartedEmbeddedFaultProxy.start({
      ...this.endpoint(),
      target: { ...this.#target },
      faults: this.#faults.clone(),
    });
  }
}
