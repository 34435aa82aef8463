import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GlueClient, TestConnectionCommand as GlueTestConnectionCommand } from '@aws-sdk/client-glue';
import { CreateConnectorCommand, TestConnectionCommand, TransferClient } from '@aws-sdk/client-transfer';
import ssh2 from 'ssh2';
import { PostgresFake } from '#fakes/db/index.ts';
import { SftpFake, type StartedSftpFake } from '#fakes/sftp/index.ts';
import { AwsEndpoint } from '#harness/aws/index.ts';
import { formatRow, measure, percentile } from './measure.ts';

/**
 * `npm run bench`: the figures the README records, from one run. Timing goals live here, never
 * in tests. Floors to compare with are in shared/reference/performance-notes.md.
 */
const USER = 'bench';
const PASSWORD = 'bench-Password-1';
const ROOT = fileURLToPath(new URL('../', import.meta.url));

async function main(): Promise<void> {
  const rows: string[] = [];
  const log = (row: string) => {
    rows.push(row);
    console.log(row);
  };
  console.log(`${'what'.padEnd(52)}${'p50'.padStart(10)}${'p90'.padStart(10)}`);

  const newFake = () => new SftpFake().withUser(USER, { password: PASSWORD }).start();
  const startStop = await measure(async () => (await newFake()).stop(), { runs: 50, warmup: 5 });
  log(formatRow('fake SFTP start → ready (+ stop), ecdsa host key', startStop));

  const fake = await newFake();
  const endpoint = await new AwsEndpoint().start();
  try {
    const connectorId = await createConnector(fake, endpoint.getClientConfig());
    const transfer = new TransferClient(endpoint.getClientConfig());
    const emulated = await measure(
      async () => {
        const answer = await transfer.send(new TestConnectionCommand({ ConnectorId: connectorId }));
        if (answer.Status !== 'OK') throw new Error(`TestConnection answered ${answer.Status}: ${answer.StatusMessage}`);
      },
      { runs: 100, warmup: 10 },
    );
    log(formatRow('emulated TestConnection round trip (SDK → endpoint → SSH)', emulated));
    const bare = await measure(() => bareSsh2(fake), { runs: 100, warmup: 10 });
    log(formatRow('bare ssh2 connect+auth+sftp+close (the floor)', bare));
    console.log(`${'ratio emulated / floor (p50)'.padEnd(52)}${(percentile(emulated, 50) / percentile(bare, 50)).toFixed(2).padStart(10)}×`);
    transfer.destroy();
  } finally {
    await fake.stop();
    await endpoint.stop();
  }

  await benchGlue(log);

  const out = mkdtempSync(join(tmpdir(), 'ph-bench-'));
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/partner-harness.js'), 'run', '--out', out], { encoding: 'utf8' });
  const wall = Date.now() - started;
  rmSync(out, { recursive: true, force: true });
  const summary = /^(\d+) passed, (\d+) failed/m.exec(run.stdout ?? '');
  console.log(`${'catalogue wall time (partner-harness run)'.padEnd(52)}${`${(wall / 1000).toFixed(1)} s`.padStart(10)}  ${summary ? `${summary[1]} passed, ${summary[2]} failed` : `exit ${run.status}`}`);
}

/** A real embedded Postgres per start; then Glue TestConnection (SDK → endpoint → pg login) against one. */
async function benchGlue(log: (row: string) => void): Promise<void> {
  const newDb = () => new PostgresFake().withUser(USER, PASSWORD).withDatabase('bench', { owner: USER }).start();
  const starts = await measure(async () => (await newDb()).stop(), { runs: 5, warmup: 1 });
  log(formatRow('Postgres fake start → ready (+ stop), embedded', starts));
  const db = await newDb();
  const endpoint = await new AwsEndpoint().start();
  const glue = new GlueClient(endpoint.getClientConfig());
  try {
    const input = {
      ConnectionType: 'JDBC' as const,
      ConnectionProperties: { JDBC_CONNECTION_URL: db.getJdbcUrl('bench'), USERNAME: USER, PASSWORD },
    };
    const rounds = await measure(() => glue.send(new GlueTestConnectionCommand({ TestConnectionInput: input })), { runs: 30, warmup: 3 });
    log(formatRow('emulated Glue TestConnection round trip (pg login)', rounds));
  } finally {
    glue.destroy();
    await endpoint.stop();
    await db.stop();
  }
}

async function createConnector(fake: StartedSftpFake, config: ReturnType<Awaited<ReturnType<AwsEndpoint['start']>>['getClientConfig']>): Promise<string> {
  const secrets = new SecretsManagerClient(config);
  const secret = await secrets.send(new CreateSecretCommand({ Name: 'bench', SecretString: JSON.stringify({ Username: USER, Password: PASSWORD }) }));
  secrets.destroy();
  const transfer = new TransferClient(config);
  const { ConnectorId } = await transfer.send(
    new CreateConnectorCommand({
      Url: fake.getUrl(),
      AccessRole: 'arn:aws:iam::000000000000:role/bench',
      SftpConfig: { UserSecretId: secret.ARN, TrustedHostKeys: [fake.getHostKey()] },
    }),
  );
  transfer.destroy();
  return ConnectorId!;
}

/** What performance-notes.md measured as the floor: connect, password auth, sftp realpath, close, with noDelay. */
function bareSsh2(fake: StartedSftpFake): Promise<void> {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    client
      .on('connect', () => client.setNoDelay(true))
      .on('ready', () =>
        client.sftp((err, sftp) => {
          if (err) return reject(err);
          sftp.realpath('.', (realpathErr) => {
            client.end();
            if (realpathErr) reject(realpathErr);
          });
        }),
      )
      .on('error', reject)
      .on('close', () => resolve())
      .connect({ host: fake.getHost(), port: fake.getPort(), username: USER, password: PASSWORD });
  });
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
await main();
