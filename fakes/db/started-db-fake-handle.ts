import createDebug from 'debug';
import { StartedFakeBase } from '../shared/started-fake.ts';
import { Transcript } from '../shared/transcript.ts';
import type { DbFakeConfig } from './db-fake.ts';
import { DB_HOST } from './db-types.ts';
import { startFaultListener } from './fault-listener.ts';
import type { StartedDbFake } from './started-db-fake.ts';

const log = createDebug('partner-harness:fake:db');

/** What the handle needs from whatever serves the port: an engine or a fault listener. */
export interface ServingPort {
  /** Where clients connect; DB_HOST unless a remote Docker daemon publishes the port elsewhere. */
  host?: string;
  port: number;
  certificatePem?: string;
  stop(): Promise<void>;
}

/** Starts an engine through `launch`, or only a fault listener when the config has a fault. */
export async function startDbFake(config: DbFakeConfig, launch: (config: DbFakeConfig, transcript: Transcript) => Promise<ServingPort>): Promise<StartedDbFake> {
  const transcript = new Transcript();
  if (config.fault) {
    const listener = await startFaultListener(config.fault, DB_HOST);
    transcript.record('fault', { kind: config.fault.kind, port: listener.port });
    log('%s fault %s on %s:%d', config.engine, config.fault.kind, DB_HOST, listener.port);
    return new StartedDbFakeHandle(config, transcript, { port: listener.port, stop: () => listener.close() });
  }
  return new StartedDbFakeHandle(config, transcript, await launch(config, transcript));
}

class StartedDbFakeHandle extends StartedFakeBase implements StartedDbFake {
  constructor(
    readonly config: DbFakeConfig,
    transcript: Transcript,
    readonly serving: ServingPort,
  ) {
    super(transcript);
  }

  getEngine() {
    return this.config.engine;
  }

  getRuntime() {
    return this.config.runtime;
  }

  getHost(): string {
    return this.serving.host ?? DB_HOST;
  }

  getPort(): number {
    return this.serving.port;
  }

  getUrl(): string {
    return this.formatUrl(this.config.engine === 'postgresql' ? 'postgresql' : 'mysql');
  }

  getJdbcUrl(database: string): string {
    return `jdbc:${this.getUrl()}/${encodeURIComponent(database)}`;
  }

  getCertificatePem(): string | undefined {
    return this.serving.certificatePem;
  }

  protected async close(): Promise<void> {
    await this.serving.stop();
    log('%s stopped %s:%d', this.config.engine, this.getHost(), this.serving.port);
  }
}
