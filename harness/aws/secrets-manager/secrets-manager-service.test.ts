import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsEndpoint, type StartedAwsEndpoint } from '../index.ts';
import { secretsManagerMessages } from '../messages/secrets-manager-messages.ts';
import { failure } from '../testing/sdk-failure.ts';

const text = (id: string) => secretsManagerMessages.find((m) => m.id === id)!.text;

let aws: StartedAwsEndpoint;
let client: SecretsManagerClient;
let counter = 0;
/** Every test gets its own names: the endpoint (one account) is shared by the file. */
const uniqueName = (prefix: string) => `${prefix}/${process.pid}-${++counter}`;

beforeAll(async () => {
  aws = await new AwsEndpoint().start();
  client = new SecretsManagerClient(aws.getClientConfig());
});

afterAll(async () => {
  client?.destroy();
  await aws?.stop();
});


describe('Secrets Manager emulation through the SDK', () => {
  it('creates a secret whose ARN carries region, account, name and a 6-character suffix', async () => {
    const name = uniqueName('partners/acme');
    const created = await client.send(new CreateSecretCommand({ Name: name, SecretString: 'v1' }));
    const region = aws.getClientConfig().region;
    const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    expect(created.ARN).toMatch(new RegExp(`^arn:aws:secretsmanager:${region}:000000000000:secret:${escaped}-[A-Za-z0-9]{6}$`));
    expect(created.Name).toBe(name);
    expect(created.VersionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('takes the ARN region from the SigV4 scope of the client', async () => {
    const euClient = new SecretsManagerClient({ ...aws.getClientConfig(), region: 'eu-west-1' });
    try {
      const created = await euClient.send(new CreateSecretCommand({ Name: uniqueName('eu'), SecretString: 'x' }));
      expect(created.ARN).toMatch(/^arn:aws:secretsmanager:eu-west-1:000000000000:secret:/);
    } finally {
      euClient.destroy();
    }
  });

  it('finds a secret by name, full ARN and partial ARN', async () => {
    const name = uniqueName('lookup');
    const { ARN } = await client.send(new CreateSecretCommand({ Name: name, SecretString: 'lookup-value' }));
    const partialArn = ARN!.slice(0, -7);
    expect(partialArn.endsWith(name)).toBe(true);
    for (const secretId of [name, ARN!, partialArn]) {
      const value = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
      expect(value, secretId).toMatchObject({ ARN, Name: name, SecretString: 'lookup-value', VersionStages: ['AWSCURRENT'] });
    }
  });

  it('moves AWSCURRENT to the new version and AWSPREVIOUS to the old one on PutSecretValue', async () => {
    const name = uniqueName('rotate');
    const first = await client.send(new CreateSecretCommand({ Name: name, SecretString: 'old' }));
    const second = await client.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'new' }));
    expect(second.VersionId).not.toBe(first.VersionId);
    expect(second.VersionStages).toEqual(['AWSCURRENT']);

    const current = await client.send(new GetSecretValueCommand({ SecretId: name }));
    expect(current).toMatchObject({ SecretString: 'new', VersionId: second.VersionId, VersionStages: ['AWSCURRENT'] });
    const previous = await client.send(new GetSecretValueCommand({ SecretId: name, VersionStage: 'AWSPREVIOUS' }));
    expect(previous).toMatchObject({ SecretString: 'old', VersionId: first.VersionId, VersionStages: ['AWSPREVIOUS'] });

    const stages = { [first.VersionId!]: ['AWSPREVIOUS'], [second.VersionId!]: ['AWSCURRENT'] };
    const described = await client.send(new DescribeSecretCommand({ SecretId: name }));
    expect(described.VersionIdsToStages).toEqual(stages);
    // ListSecrets names the same map differently (SecretListEntry.SecretVersionsToStages).
    const listed = (await client.send(new ListSecretsCommand({}))).SecretList!.find((s) => s.Name === name);
    expect(listed?.SecretVersionsToStages).toEqual(stages);
  });

  it('rejects a second secret with the same name with ResourceExistsException', async () => {
    const name = uniqueName('dupe');
    await client.send(new CreateSecretCommand({ Name: name, SecretString: 'a' }));
    const error = await failure(client.send(new CreateSecretCommand({ Name: name, SecretString: 'b' })));
    expect(error.name).toBe('ResourceExistsException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(text('secretsmanager.secret.exists').replace('{name}', name));
  });

  it("answers ResourceNotFoundException for a secret that doesn't exist", async () => {
    const error = await failure(client.send(new GetSecretValueCommand({ SecretId: uniqueName('missing') })));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe("Secrets Manager can't find the specified secret.");
  });

  it('refuses GetSecretValue on a secret scheduled for deletion, but still describes it', async () => {
    const name = uniqueName('scheduled');
    await client.send(new CreateSecretCommand({ Name: name, SecretString: 'bye' }));
    const before = Date.now();
    const deleted = await client.send(new DeleteSecretCommand({ SecretId: name, RecoveryWindowInDays: 7 }));
    const days = (deleted.DeletionDate!.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);

    const error = await failure(client.send(new GetSecretValueCommand({ SecretId: name })));
    expect(error.name).toBe('InvalidRequestException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(text('secretsmanager.secret.marked-for-deletion'));
    expect(error.message).toMatch(/marked for deletion/);

    const described = await client.send(new DescribeSecretCommand({ SecretId: name }));
    expect(described.DeletedDate).toBeInstanceOf(Date);
  });

  it('removes a secret at once with ForceDeleteWithoutRecovery', async () => {
    const name = uniqueName('forced');
    await client.send(new CreateSecretCommand({ Name: name, SecretString: 'gone' }));
    await client.send(new DeleteSecretCommand({ SecretId: name, ForceDeleteWithoutRecovery: true }));
    const error = await failure(client.send(new DescribeSecretCommand({ SecretId: name })));
    expect(error.name).toBe('ResourceNotFoundException');
    // The name is free again.
    await expect(client.send(new CreateSecretCommand({ Name: name, SecretString: 'again' }))).resolves.toMatchObject({ Name: name });
  });

  it('rejects ForceDeleteWithoutRecovery together with RecoveryWindowInDays', async () => {
    const name = uniqueName('both-delete-options');
    await client.send(new CreateSecretCommand({ Name: name, SecretString: 'x' }));
    const error = await failure(
      client.send(new DeleteSecretCommand({ SecretId: name, ForceDeleteWithoutRecovery: true, RecoveryWindowInDays: 7 })),
    );
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toBe(text('secretsmanager.secret.force-and-window'));
  });

  it('leaves secrets scheduled for deletion out of ListSecrets unless asked', async () => {
    const kept = uniqueName('listed');
    const dropped = uniqueName('listed');
    await client.send(new CreateSecretCommand({ Name: kept, SecretString: 'k' }));
    await client.send(new CreateSecretCommand({ Name: dropped, SecretString: 'd' }));
    await client.send(new DeleteSecretCommand({ SecretId: dropped }));

    const names = (await client.send(new ListSecretsCommand({}))).SecretList!.map((s) => s.Name);
    expect(names).toContain(kept);
    expect(names).not.toContain(dropped);
    const all = (await client.send(new ListSecretsCommand({ IncludePlannedDeletion: true }))).SecretList!.map((s) => s.Name);
    expect(all).toEqual(expect.arrayContaining([kept, dropped]));
  });

  it('rejects SecretString and SecretBinary together with InvalidParameterException', async () => {
    const name = uniqueName('both-values');
    const error = await failure(
      client.send(new CreateSecretCommand({ Name: name, SecretString: 's', SecretBinary: new Uint8Array([1, 2, 3]) })),
    );
    expect(error.name).toBe('InvalidParameterException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(text('secretsmanager.secret.both-values'));
    // Nothing was created.
    expect((await failure(client.send(new DescribeSecretCommand({ SecretId: name })))).name).toBe('ResourceNotFoundException');
  });

  it('round-trips a SecretBinary value', async () => {
    const name = uniqueName('binary');
    await client.send(new CreateSecretCommand({ Name: name, SecretBinary: new Uint8Array([0, 255, 7]) }));
    const value = await client.send(new GetSecretValueCommand({ SecretId: name }));
    expect([...value.SecretBinary!]).toEqual([0, 255, 7]);
    expect(value.SecretString).toBeUndefined();
  });
});

describe('names and tokens', () => {
  it('refuses to create a secret whose name is scheduled for deletion', async () => {
    const name = uniqueName('pending');
    await client.send(new CreateSecretCommand({ Name: name, SecretString: 'x' }));
    await client.send(new DeleteSecretCommand({ SecretId: name, RecoveryWindowInDays: 7 }));
    const error = await failure(client.send(new CreateSecretCommand({ Name: name, SecretString: 'y' })));
    expect(error.name).toBe('InvalidRequestException');
    expect(error.message).toBe(text('secretsmanager.secret.scheduled-for-deletion'));
  });

  it('answers InvalidNextTokenException for a token it never issued', async () => {
    const error = await failure(client.send(new ListSecretsCommand({ NextToken: '-1' })));
    expect(error.name).toBe('InvalidNextTokenException');
  });
});
