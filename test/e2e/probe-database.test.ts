import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MysqlFake, PostgresFake, type StartedDbFake } from '../../fakes/db/index.ts';
import { emulatedGlueAnswers } from '../support/emulated-glue-answers.ts';
import { runCli } from '../support/run-cli.ts';

const PASSWORD = 'Db-Canary-Pass-5150';
const env = { DB_PASSWORD: PASSWORD };
const START_TIMEOUT = 90_000;
const ROOT = 's3://partner-harness-probe/root.pem';
const SETTINGS: Array<{ setting: string; properties: Record<string, string> }> = [
  { setting: 'driver-default', properties: {} },
  { setting: 'enforce-ssl', properties: { JDBC_ENFORCE_SSL: 'true' } },
  { setting: 'enforce-ssl+custom-cert', properties: { JDBC_ENFORCE_SSL: 'true', CUSTOM_JDBC_CERT: ROOT } },
  { setting: 'enforce-ssl+custom-cert+skip-validation', properties: { JDBC_ENFORCE_SSL: 'true', CUSTOM_JDBC_CERT: ROOT, SKIP_CUSTOM_JDBC_CERT_VALIDATION: 'true' } },
];

interface Probed {
  target: { engine: string; port: number };
  version?: string;
  tls: { offered: boolean; required?: boolean; certificates: Array<{ fingerprint256: string; selfSigned: boolean; subjectAltName: string[] }> };
  authMethod?: string;
  login?: { ok: boolean; tls?: boolean };
  answers: Array<{ setting: string; status: string; exception?: string; message?: string; skipped?: string }>;
}

const probe = async (args: string[]) => {
  const result = await runCli(['probe', ...args], { env });
  expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  return result;
};

interface Partner {
  name: string;
  start: () => Promise<StartedDbFake>;
  tls: 'none' | 'offered' | 'required';
  authMethod: RegExp;
}

// Real engines no one here wrote, as the partners that break Glue connections: no TLS, TLS with
// a self-signed certificate, TLS required.
const PARTNERS: Partner[] = [
  { name: 'PostgreSQL without TLS', start: () => new PostgresFake().withUser('etl', PASSWORD).withDatabase('orders', { owner: 'etl' }).start(), tls: 'none', authMethod: /^scram-sha-256$/ },
  { name: 'PostgreSQL with a self-signed certificate', start: () => new PostgresFake().withUser('etl', PASSWORD).withDatabase('orders', { owner: 'etl' }).withTls().start(), tls: 'offered', authMethod: /^scram-sha-256$/ },
  { name: 'PostgreSQL requiring TLS', start: () => new PostgresFake().withUser('etl', PASSWORD).withDatabase('orders', { owner: 'etl' }).withRequireTls().start(), tls: 'required', authMethod: /^scram-sha-256$/ },
  { name: 'MariaDB without TLS', start: () => new MysqlFake().withUser('etl', PASSWORD).withDatabase('orders', { owner: 'etl' }).start(), tls: 'none', authMethod: /^mysql_native_password$/ },
  { name: 'MariaDB with a self-signed certificate', start: () => new MysqlFake().withUser('etl', PASSWORD).withDatabase('orders', { owner: 'etl' }).withTls().start(), tls: 'offered', authMethod: /^mysql_native_password$/ },
];

describe('partner-harness probe jdbc:… against real engines', () => {
  it.each(PARTNERS)('$name: version, TLS, certificate and auth method as the server has them; answers are the emulator\'s own', async (partner) => {
    await using db = await partner.start();
    const url = db.getJdbcUrl('orders');
    const bare = await probe([url, '--json']);
    expect(bare.code, bare.stderr).toBe(0);
    const scanned = JSON.parse(bare.stdout) as Probed;
    expect(scanned.tls.offered).toBe(partner.tls !== 'none');
    expect(scanned.authMethod).toMatch(partner.authMethod);
    if (partner.tls === 'none') expect(scanned.tls.certificates).toEqual([]);
    else {
      expect(scanned.tls.certificates[0]!.fingerprint256).toBe(new X509Certificate(db.getCertificatePem()!).fingerprint256);
      expect(scanned.tls.certificates[0]!.selfSigned).toBe(true);
      expect(scanned.tls.certificates[0]!.subjectAltName).toContain('IP Address:127.0.0.1');
    }

    const withLogin = await probe([url, '--user', 'etl', '--password-env', 'DB_PASSWORD', '--json']);
    expect(withLogin.code, withLogin.stderr).toBe(0);
    const probed = JSON.parse(withLogin.stdout) as Probed;
    expect(probed.login).toMatchObject({ ok: true, tls: partner.tls !== 'none' });
    if (partner.tls === 'required') expect(probed.tls.required).toBe(true);
    if (partner.tls === 'offered') expect(probed.tls.required).toBe(false);
    // The version the server tells a logged-in client, read through a driver we did not write.
    expect(probed.version).toBe(await serverVersion(db));

    // Every answer is what the emulated Glue TestConnection says for the same connection.
    const root: Record<string, string> = partner.tls === 'none' ? {} : { [ROOT]: db.getCertificatePem()! };
    const expected = await emulatedGlueAnswers(
      { JDBC_CONNECTION_URL: url, USERNAME: 'etl', PASSWORD },
      SETTINGS.map(({ properties }) => properties),
      root,
    );
    const predicted = probed.answers.map(({ setting, status, exception, message, skipped }) => ({ setting, status, exception, message, skipped }));
    expect(predicted).toEqual(
      SETTINGS.map(({ setting, properties }, i) =>
        properties.CUSTOM_JDBC_CERT && partner.tls === 'none'
          ? { setting, status: 'ERROR', exception: undefined, message: undefined, skipped: expect.stringMatching(/no root certificate/) }
          : { setting, ...expected[i], exception: expected[i]!.exception, message: expected[i]!.message, skipped: undefined },
      ),
    );
    // What a user learns: without TLS JDBC_ENFORCE_SSL fails with the driver's words; the self-signed root passes only once Glue's validation is skipped.
    const bySetting = Object.fromEntries(probed.answers.map((answer) => [answer.setting, answer]));
    expect(bySetting['driver-default']!.status).toBe('OK');
    if (partner.tls === 'none') expect(bySetting['enforce-ssl']!.message).toMatch(/The server does not support SSL\.|SSL connection required, but not supported by the server\./);
    else {
      expect(bySetting['enforce-ssl']!.message).toMatch(/PKIX path building failed/);
      expect(bySetting['enforce-ssl+custom-cert']!.message).toBe(`CUSTOM_JDBC_CERT ${ROOT} failed validation: signature algorithm SHA256withECDSA is not permitted`);
      expect(bySetting['enforce-ssl+custom-cert+skip-validation']!.status).toBe('OK');
    }
  });
});

describe('partner-harness probe jdbc:… as a CI gate, and drift', () => {
  let dir: string;
  let pg: StartedDbFake;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-probe-db-'));
    pg = await new PostgresFake().withUser('etl', PASSWORD).withDatabase('orders', { owner: 'etl' }).withTls().start();
  }, START_TIMEOUT);
  afterAll(async () => {
    await pg?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('--require-policy gates on a TLS setting, and --junit writes one case per setting, without the password', async () => {
    const junit = join(dir, 'probe.xml');
    const gate = await probe([pg.getJdbcUrl('orders'), '--user', 'etl', '--password-env', 'DB_PASSWORD', '--require-policy', 'driver-default', '--require-policy', 'enforce-ssl', '--junit', junit]);
    expect(gate.code).toBe(1);
    expect(gate.stderr).toContain('would fail with enforce-ssl');
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain('tests="4" failures="2"');
    expect(xml).toContain('name="Glue TestConnection with enforce-ssl+custom-cert+skip-validation"/>');
    expect(xml).not.toContain(PASSWORD);
    const passing = await probe([pg.getJdbcUrl('orders'), '--user', 'etl', '--password-env', 'DB_PASSWORD', '--require-policy', 'enforce-ssl+custom-cert+skip-validation']);
    expect(passing.code, passing.stderr).toBe(0);
  });

  it('--secret-file takes Glue\'s secret JSON; --ca-file names the root for CUSTOM_JDBC_CERT', async () => {
    const secret = join(dir, 'secret.json');
    await writeFile(secret, JSON.stringify({ username: 'etl', password: PASSWORD }));
    const ca = join(dir, 'ca.pem');
    await writeFile(ca, pg.getCertificatePem()!);
    const result = await probe([pg.getJdbcUrl('orders'), '--secret-file', secret, '--ca-file', ca, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as Probed).answers.find((answer) => answer.setting === 'enforce-ssl+custom-cert+skip-validation')?.status).toBe('OK');
  });

  it('bad input exits 2 naming the fix; a closed port exits 3', async () => {
    const oracle = await probe(['jdbc:oracle:thin:@//db.example:1521/hr']);
    expect(oracle.code).toBe(2);
    const inUrl = await probe([`jdbc:postgresql://127.0.0.1:5432/orders?user=etl&password=${PASSWORD}`]);
    expect(inUrl.code).toBe(2);
    expect(inUrl.stderr).toMatch(/credentials/);
    const key = await probe([pg.getJdbcUrl('orders'), '--private-key', '/dev/null']);
    expect(key.code).toBe(2);
    expect(key.stderr).toContain('--private-key: not taken for jdbc: targets');
    const noPassword = await probe([pg.getJdbcUrl('orders'), '--user', 'etl']);
    expect(noPassword.code).toBe(2);
    const closed = await probe([`jdbc:postgresql://127.0.0.1:${await closedPort()}/orders`, '--timeout', '2000']);
    expect(closed.code).toBe(3);
    const noDatabase = await probe([`jdbc:mysql://127.0.0.1:${pg.getPort()}`]);
    expect(noDatabase.code).toBe(2);
    expect(noDatabase.stderr).toContain(`names no database. Give the database the Glue connection names, e.g. jdbc:mysql://127.0.0.1:${pg.getPort()}/orders`);
    // A setting that could not be predicted is not a verdict: the gate asks for the root instead.
    await using plain = await new PostgresFake().withUser('etl', PASSWORD).withDatabase('orders', { owner: 'etl' }).start();
    const unpredicted = await probe([plain.getJdbcUrl('orders'), '--user', 'etl', '--password-env', 'DB_PASSWORD', '--require-policy', 'enforce-ssl+custom-cert']);
    expect(unpredicted.code).toBe(2);
    expect(unpredicted.stderr).toContain("not predicted, the server sent no self-signed root; give the partner's root CA with --ca-file");
  });

  it('drift: a new certificate and a server that dropped TLS are each named with what to do, exit 1; clone refuses a database profile', async () => {
    const profile = join(dir, 'orders-db.yaml');
    const saved = await probe([pg.getJdbcUrl('orders'), '--save', profile]);
    expect(saved.code, saved.stderr).toBe(0);
    const text = await readFile(profile, 'utf8');
    expect(text).toContain(new X509Certificate(pg.getCertificatePem()!).fingerprint256);
    const same = await runCli(['drift', profile, '--json']);
    expect(same.code, same.stdout + same.stderr).toBe(0);
    // The fake's certificate is valid for two days: drift names the coming expiry, which is not drift.
    expect(JSON.parse(same.stdout)).toMatchObject({ drift: false, changes: [], warnings: [expect.stringMatching(/expires in \d day/)] });

    await using renewed = await new PostgresFake().withUser('etl', PASSWORD).withDatabase('orders', { owner: 'etl' }).withTls().start();
    const renewedJunit = join(dir, 'renewed.xml');
    const rotated = await runCli(['drift', await pointAt(profile, renewed, join(dir, 'renewed.yaml')), '--json', '--junit', renewedJunit]);
    expect(rotated.code, rotated.stderr).toBe(1);
    const rotatedChanges = (JSON.parse(rotated.stdout) as { changes: Array<{ aspect: string; subject?: string; change: string; fix?: string }> }).changes;
    // The connection's CUSTOM_JDBC_CERT still names the old self-signed certificate (the saved
    // root): with the renewed one, what passed before now fails.
    expect(rotatedChanges).toEqual([
      expect.objectContaining({ aspect: 'certificate', change: expect.stringContaining(new X509Certificate(renewed.getCertificatePem()!).fingerprint256), fix: expect.stringMatching(/signs itself.*place it in S3/) }),
      expect.objectContaining({ aspect: 'policy', subject: 'enforce-ssl+custom-cert+skip-validation', change: expect.stringMatching(/would now answer InvalidInputException ".*PKIX path building failed.*" \(was InvalidInputException ".*password authentication failed/) }),
    ]);
    const renewedXml = await readFile(renewedJunit, 'utf8');
    expect(renewedXml).toContain('tests="5" failures="2"');
    expect(renewedXml).toMatch(/name="certificate unchanged">\n\s+<failure/);

    await using plain = await new PostgresFake().withUser('etl', PASSWORD).withDatabase('orders', { owner: 'etl' }).start();
    const junit = join(dir, 'drift.xml');
    const dropped = await runCli(['drift', await pointAt(profile, plain, join(dir, 'plain.yaml')), '--junit', junit]);
    expect(dropped.code, dropped.stderr).toBe(1);
    expect(dropped.stdout).toContain('the server no longer offers TLS');
    expect(dropped.stdout).toContain('Glue TestConnection with enforce-ssl would now answer InvalidInputException');
    expect(dropped.stdout).toContain('The server does not support SSL.');
    expect(await readFile(junit, 'utf8')).toMatch(/<failure/);

    const clone = await runCli(['clone', profile, '--out', join(dir, 'clone')]);
    expect(clone.code).toBe(2);
    expect(clone.stderr).toContain('clone plays SFTP partners');
  });
});

async function pointAt(profile: string, db: StartedDbFake, copy: string): Promise<string> {
  const text = await readFile(profile, 'utf8');
  await writeFile(copy, text.replace(/^target: .*$/m, `target: ${db.getJdbcUrl('orders')}`));
  return copy;
}

async function serverVersion(db: StartedDbFake): Promise<string> {
  if (db.getEngine() === 'mysql') {
    const connection = await mysql.createConnection({ host: db.getHost(), port: db.getPort(), user: 'etl', password: PASSWORD, database: 'orders' });
    try {
      const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT VERSION() AS version');
      return String(rows[0]!.version);
    } finally {
      await connection.end();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ host: db.getHost(), port: db.getPort(), user: 'etl', password: PASSWORD, database: 'orders', ssl: db.getCertificatePem() ? { rejectUnauthorized: false } : false });
  await client.connect();
  try {
    return String((await client.query('SHOW server_version')).rows[0].server_version);
  } finally {
    await client.end();
  }
}

/** A port nothing listens on: bound by us, then released. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
