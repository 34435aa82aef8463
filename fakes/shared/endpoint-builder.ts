import { validateHost, validatePort } from './validate-endpoint.ts';

/**
 * The listen address every fake's builder takes, checked when set so a bad value fails at the
 * with*() call, not at start(). Subclasses read it back at start() with endpoint().
 */
export abstract class EndpointBuilder {
  #host = '127.0.0.1';
  #port = 0;
  readonly #hostExample: string | undefined;

  /** `hostExample` replaces the addresses withHost()'s error suggests. */
  constructor(hostExample?: string) {
    this.#hostExample = hostExample;
  }

  withHost(host: string): this {
    validateHost('withHost', host, this.#hostExample);
    this.#host = host;
    return this;
  }

  /** 0 (the default) lets the OS choose a free port; read it back with getPort(). */
  withPort(port: number): this {
    validatePort('withPort', port);
    this.#port = port;
    return this;
  }

  protected endpoint(): { host: string; port: number } {
    return { host: this.#host, port: this.#port };
  }
}
