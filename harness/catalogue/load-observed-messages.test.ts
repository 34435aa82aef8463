import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsEndpoint } from '../aws/index.ts';
import { ConfigError, type LoadedConfig } from '../config/index.ts';
import { loadObservedMessages } from './load-observed-messages.ts';

const entry = { text: 'Connected to the partner', observedAt: '2026-01-02T03:04:05.000Z', region: 'eu-west-1', scenario: 'scenarios/a.yaml#A partner', target: 'aws' };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ph-observed-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function configWith(content: string | undefined, name = 'messages.observed.json'): Promise<LoadedConfig> {
  if (content !== undefined) await writeFile(join(dir, name), content);
  return { file: join(dir, 'partner-harness.config.ts'), dir, config: { messages: `./${name}` } };
}

async function configError(config: LoadedConfig): Promise<ConfigError> {
  const error = await loadObservedMessages(config).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('loadObservedMessages', () => {
  it('is nothing without a config or without its messages field', async () => {
    expect(await loadObservedMessages(undefined)).toEqual([]);
    expect(await loadObservedMessages({ file: join(dir, 'c.ts'), dir, config: {} })).toEqual([]);
  });

  it('turns each entry into an observed override, its template before its verbatim text, with where it was seen', async () => {
    const config = await configWith(
      JSON.stringify({
        'transfer.test-connection.succeeded': entry,
        'transfer.test-connection.auth-failed': { ...entry, text: 'Login refused for bob', template: 'Login refused for {username}', target: 'http://127.0.0.1:4566' },
      }),
    );
    expect(await loadObservedMessages(config)).toEqual([
      { id: 'transfer.test-connection.succeeded', text: 'Connected to the partner', source: './messages.observed.json (observed 2026-01-02T03:04:05.000Z from aws in eu-west-1, scenarios/a.yaml#A partner)' },
      { id: 'transfer.test-connection.auth-failed', text: 'Login refused for {username}', source: expect.stringContaining('from http://127.0.0.1:4566 in eu-west-1') },
    ]);
  });

  it('names the config, the file, an id the catalogue no longer has and the fix (exit 2 in the CLI)', async () => {
    const error = await configError(await configWith(JSON.stringify({ 'transfer.test-connection.succeded': entry })));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain(`Invalid config file ${join(dir, 'partner-harness.config.ts')}:`);
    expect(error.message).toContain(
      "messages (./messages.observed.json): transfer.test-connection.succeded: 'transfer.test-connection.succeded' is not a message id of this partner-harness (renamed or removed since it was observed). Did you mean 'transfer.test-connection.succeeded'? Remove the entry, or run partner-harness calibrate again",
    );
  });

  it('refuses a missing file, a file that is not JSON, a wrong shape and an unknown field, naming each', async () => {
    expect((await configError(await configWith(undefined, 'absent.json'))).message).toMatch(/messages: \.\/absent\.json cannot be read \(ENOENT\)/);
    expect((await configError(await configWith('{ nope', 'broken.json'))).message).toMatch(/messages: \.\/broken\.json is not JSON/);
    const shape = await configError(await configWith(JSON.stringify({ 'transfer.test-connection.succeeded': { ...entry, observedAt: 'yesterday', colour: 'red' } }), 'shape.json'));
    expect(shape.issues.map((issue) => issue.path).sort()).toEqual(['messages (./shape.json): transfer.test-connection.succeeded', 'messages (./shape.json): transfer.test-connection.succeeded.observedAt']);
  });

  it('gives the endpoint entries with provenance observed, which a scenario override still beats', async () => {
    const [override] = await loadObservedMessages(await configWith(JSON.stringify({ 'glue.connection.not-found': { ...entry, text: 'No such connection here' } }), 'endpoint.json'));
    const { id, text, source } = override!;
    expect(await notFoundAnswer(new AwsEndpoint().withObservedMessages({ [id]: text }, source))).toEqual({
      message: 'No such connection here',
      messages: [{ id, text: 'No such connection here', provenance: 'observed', source }],
    });
    const overridden = new AwsEndpoint().withObservedMessages({ [id]: text }, source).withMessageOverrides({ [id]: 'Mine' });
    expect(await notFoundAnswer(overridden)).toEqual({ message: 'Mine', messages: [{ id, text: 'Mine', provenance: 'user', source: 'user override' }] });
    await expect(new AwsEndpoint().withObservedMessages({ 'no.such.id': 'x' }, 'f.json').start()).rejects.toThrow("Unknown message id 'no.such.id' in f.json");
  });
});

/** Glue's answer to a connection name that does not exist, through the real SDK, and the catalogue entries the call used. */
async function notFoundAnswer(endpoint: AwsEndpoint): Promise<{ message: string; messages: unknown[] }> {
  await using aws = await endpoint.start();
  const { GlueClient, TestConnectionCommand } = await import('@aws-sdk/client-glue');
  const glue = new GlueClient(aws.getClientConfig());
  try {
    const error = (await glue.send(new TestConnectionCommand({ ConnectionName: 'absent' })).then(
      () => expect.unreachable('TestConnection of an absent connection succeeded'),
      (caught: unknown) => caught,
    )) as Error & { $metadata: { requestId: string } };
    return { message: error.message, messages: aws.getCall(error.$metadata.requestId)!.messages };
  } finally {
    glue.destroy();
  }
}
