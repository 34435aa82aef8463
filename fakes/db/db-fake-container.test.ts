import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerRequest } from '../container/docker-api.ts';
import { isContainerRuntimeAvailable, MANAGED_LABEL } from '../container/index.ts';
import { mariadbContainerRecipe, postgresContainerRecipe } from './db-container-recipe.ts';
import { ensureEngineImage } from './launch-container.ts';
import { MysqlFake } from './mysql-fake.ts';
import { expectPortClosed } from './port-probe.ts';
import { describePostgresContract } from './postgres-fake-contract.ts';
import { PostgresFake } from './postgres-fake.ts';
import { isRuntimeAvailable } from './runtime-availability.ts';
import type { StartedDbFake } from './started-db-fake.ts';

// Building an image (apt-get inside) takes about a minute; afterwards a start takes seconds.
const BUILD_TIMEOUT = 600_000;
const START_TIMEOUT = 60_000;
const CANARY = 'canary-PW-c0n7a1';

// Not skipped without Docker: CI must provide it, and a silent skip would hide that it did not.
beforeAll(async () => {
  const docker = isContainerRuntimeAvailable();
  if (!docker.available) throw new Error(`runtime 'container' needs a Docker daemon: ${docker.reason}`);
  for (const recipe of [postgresContainerRecipe, mariadbContainerRecipe]) {
    const image = await ensureEngineImage(recipe);
    console.info(`[container] ${image.name}: ${image.built ? `built in ${image.buildMs} ms` : 'present'}`);
  }
}, BUILD_TIMEOUT);

/** Ids of containers carrying our label, as `docker ps -a --filter label=…` lists them. */
async function labelledContainers(): Promise<string[]> {
  const filters = encodeURIComponent(JSON.stringify({ label: [`${MANAGED_LABEL}=true`] }));
  const { status, body } = await dockerRequest('GET', `/containers/json?all=1&filters=${filters}`);
  expect(status).toBe(200);
  return (JSON.parse(body) as { Id: string }[]).map((container) => container.Id);
}

function containerIdOf(db: StartedDbFake): string {
  const started = db.getTranscript().find((entry) => entry.kind === 'started');
  return String(started?.detail.containerId);
}

/** The container is listed before stop() and gone after it. */
async function containerStopEvidence(db: StartedDbFake): Promise<() => Promise<void>> {
  const id = containerIdOf(db);
  expect(await labelledContainers()).toContain(id);
  return async () => expect(await labelledContainers()).not.toContain(id);
}

function reportReady(db: StartedDbFake): void {
  const started = db.getTranscript().find((entry) => entry.kind === 'started')!;
  console.info(`[container] ${db.getEngine()} ${started.detail.image}: start -> ready ${started.detail.readyMs} ms`);
}

describe('runtime container availability', () => {
  it('reports Docker as available for both engines (CI runs scripts/docker/ensure-dockerd.sh and ensure-base-image.sh)', () => {
    for (const engine of ['postgresql', 'mysql'] as const) {
      const { available, reason } = isRuntimeAvailable(engine, 'container');
      expect(available, reason).toBe(true);
    }
  });

  it('explains what to run when DOCKER_HOST is missing', () => {
    const saved = process.env.DOCKER_HOST;
    delete process.env.DOCKER_HOST;
    try {
      expect(isRuntimeAvailable('postgresql', 'container')).toEqual({ available: false, reason: expect.stringContaining('scripts/docker/ensure-dockerd.sh') });
    } finally {
      process.env.DOCKER_HOST = saved;
    }
  });
});

describePostgresContract('container', { clientAddress: /[0-9a-f.:]+/, beforeStop: containerStopEvidence });

describe('PostgresFake (container) start-up', () => {
  it('starts with only a user and a database, and reports start -> ready', async () => {
    await using db = await new PostgresFake().withRuntime('container').withUser('app', CANARY).withDatabase('appdb', { owner: 'app' }).start();
    reportReady(db);
    expect(db.getTranscript().find((entry) => entry.kind === 'engine')?.detail.version).toMatch(/^PostgreSQL 15\./);
  }, START_TIMEOUT);


  it('serves a fault from a listener on this host and starts no container', async () => {
    const before = await labelledContainers();
    await using db = await new PostgresFake().withRuntime('container').withUser('app', CANARY).withFault({ kind: 'refuse' }).start();
    expect(db.getRuntime()).toBe('container');
    await expectPortClosed(db.getPort());
    expect(await labelledContainers()).toEqual(before);
  });
});

type Login = { user?: string; password?: string; database?: string; ssl?: mysql.SslOptions };

async function myLogin(db: StartedDbFake, login: Login = {}): Promise<string> {
  const connection = await mysql.createConnection({
    host: db.getHost(),
    port: db.getPort(),
    user: login.user ?? 'app',
    password: login.password ?? CANARY,
    database: login.database ?? 'appdb',
    ...(login.ssl ? { ssl: login.ssl } : {}),
    connectTimeout: 5_000,
  });
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>("SELECT SUBSTRING_INDEX(CURRENT_USER(), '@', 1) AS user, VARIABLE_VALUE AS cipher FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'Ssl_cipher'");
    return `${rows[0]?.user}${rows[0]?.cipher ? '+tls' : ''}`;
  } finally {
    await connection.end().catch(() => undefined);
  }
}

describe('MysqlFake (container)', () => {
  describe('with TLS offered', () => {
    let db: StartedDbFake;
    beforeAll(async () => {
      db = await new MysqlFake().withRuntime('container').withUser('app', CANARY).withUser('other', `${CANARY}-o`).withDatabase('appdb', { owner: 'app' }).withDatabase('shared').withTls().start();
      reportReady(db);
    }, START_TIMEOUT);
    afterAll(() => db?.stop());

    it('describes itself', () => {
      expect(db.getEngine()).toBe('mysql');
      expect(db.getRuntime()).toBe('container');
      expect(db.getHost()).toBe('127.0.0.1');
      expect(db.getJdbcUrl('appdb')).toBe(`jdbc:mysql://127.0.0.1:${db.getPort()}/appdb`);
      expect(db.getCertificatePem()).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
    });

    it('logs users in with or without TLS, and grants an owned database to its owner only', async () => {
      expect(await myLogin(db)).toBe('app');
      expect(await myLogin(db, { ssl: { ca: db.getCertificatePem() } })).toBe('app+tls');
      expect(await myLogin(db, { user: 'other', password: `${CANARY}-o`, database: 'shared' })).toBe('other');
      await expect(myLogin(db, { user: 'other', password: `${CANARY}-o`, database: 'appdb' })).rejects.toMatchObject({ errno: 1044 });
    });

    it('rejects a wrong password with ER_ACCESS_DENIED_ERROR (1045), and root over TCP too', async () => {
      await expect(myLogin(db, { password: `${CANARY}-wrong` })).rejects.toMatchObject({ code: 'ER_ACCESS_DENIED_ERROR', errno: 1045 });
      // root is root@localhost (unix_socket) only; an empty password from the bridge address gets 1698, not 1045.
      await expect(myLogin(db, { user: 'root', password: '', database: 'mysql' })).rejects.toMatchObject({ errno: expect.toBeOneOf([1045, 1698]) });
    });

    it('presents a self-signed certificate that only verifies against its own PEM', async () => {
      await expect(myLogin(db, { ssl: { rejectUnauthorized: true } })).rejects.toMatchObject({ code: 'HANDSHAKE_SSL_ERROR', message: 'self-signed certificate' });
    });

    it('never puts a password into the transcript', () => {
      const transcript = db.getTranscript();
      expect(JSON.stringify(transcript)).not.toContain(CANARY);
      expect(transcript.map((entry) => entry.kind)).toEqual(['engine', 'user-created', 'user-created', 'database-created', 'database-created', 'started']);
      expect(transcript[0]?.detail.version).toMatch(/MariaDB/);
    });
  });

  describe('with TLS required', () => {
    let db: StartedDbFake;
    beforeAll(async () => {
      db = await new MysqlFake().withRuntime('container').withUser('app', CANARY).withDatabase('appdb', { owner: 'app' }).withRequireTls().start();
      reportReady(db);
    }, START_TIMEOUT);
    afterAll(() => db?.stop());

    it('rejects a login without TLS and accepts one with it', async () => {
      await expect(myLogin(db)).rejects.toMatchObject({ code: 'ER_ACCESS_DENIED_ERROR', errno: 1045 });
      expect(await myLogin(db, { ssl: { ca: db.getCertificatePem() } })).toBe('app+tls');
    });

    it('stop() removes the container and closes the port', async () => {
      const verify = await containerStopEvidence(db);
      await db.stop();
      await db.stop();
      await verify();
      await expectPortClosed(db.getPort());
    });
  });
});

/** A test process that starts one container, prints its id, then ends without stop(): by exit() or SIGTERM. */
async function containerOfChild(ending: 'exit' | 'wait'): Promise<{ id: string; signal: NodeJS.Signals | null }> {
  const script = `
    const { PostgresFake } = await import(${JSON.stringify(new URL('./postgres-fake.ts', import.meta.url).href)});
    const db = await new PostgresFake().withRuntime('container').withUser('app', 'pw-exit').start();
    console.log(db.getTranscript().find((e) => e.kind === 'started').detail.containerId);
    ${ending === 'exit' ? 'process.exit(0);' : 'setInterval(() => undefined, 1000);'}
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  while (!stdout.includes('\n') && child.exitCode === null) await sleep(50);
  if (ending === 'wait') child.kill('SIGTERM');
  const [code, signal] = await exited;
  if (!stdout.includes('\n')) throw new Error(`child failed (${code ?? signal}): ${stderr}`);
  return { id: stdout.split('\n')[0]!.trim(), signal };
}

describe('container fakes when the test process ends without stop() (no Ryuk here)', () => {
  it('are removed on process.exit()', async () => {
    const { id } = await containerOfChild('exit');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(await labelledContainers()).not.toContain(id);
  }, START_TIMEOUT);

  it('are removed on SIGTERM, which then ends the process as usual', async () => {
    const { id, signal } = await containerOfChild('wait');
    expect(signal).toBe('SIGTERM');
    expect(await labelledContainers()).not.toContain(id);
  }, START_TIMEOUT);
});
