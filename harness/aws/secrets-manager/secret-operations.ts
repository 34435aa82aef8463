import type {
  CreateSecretCommandInput,
  CreateSecretCommandOutput,
  DeleteSecretCommandInput,
  DeleteSecretCommandOutput,
  DescribeSecretCommandInput,
  DescribeSecretCommandOutput,
  GetSecretValueCommandInput,
  GetSecretValueCommandOutput,
  ListSecretsCommandInput,
  ListSecretsCommandOutput,
  PutSecretValueCommandInput,
  PutSecretValueCommandOutput,
  SecretListEntry,
} from '@aws-sdk/client-secrets-manager';
import { AwsError } from '../endpoint/aws-error.ts';
import type { CallScope } from '../endpoint/call-scope.ts';
import { defineOperation } from '../endpoint/define-operation.ts';
import { paginate } from '../endpoint/paginate.ts';
import type { WireInput, WireOutput } from '../endpoint/wire-shape.ts';
import type { SecretStore, StoredSecret } from './secret-store.ts';

export const createSecret = defineOperation<CreateSecretCommandInput, CreateSecretCommandOutput, SecretStore>({
  name: 'CreateSecret',
  handle(input, { scope, state: store }) {
    rejectBothValues(input, scope);
    if (store.find(input.Name)?.deletedDate) {
      throw new AwsError('InvalidRequestException', scope.message('secretsmanager.secret.scheduled-for-deletion'));
    }
    if (store.find(input.Name)) {
      throw new AwsError('ResourceExistsException', scope.message('secretsmanager.secret.exists', { name: input.Name }));
    }
    const secret = store.create({
      name: input.Name,
      region: scope.region,
      accountId: scope.accountId,
      description: input.Description,
      kmsKeyId: input.KmsKeyId,
      tags: input.Tags,
    });
    const version = hasValue(input) ? store.putVersion(secret, values(input), input.ClientRequestToken) : undefined;
    return { ARN: secret.arn, Name: secret.name, VersionId: version?.versionId };
  },
});

export const getSecretValue = defineOperation<GetSecretValueCommandInput, GetSecretValueCommandOutput, SecretStore>({
  name: 'GetSecretValue',
  handle(input, { scope, state: store }) {
    const secret = find(store, input.SecretId, scope);
    const version = input.VersionId
      ? secret.versions.find((v) => v.versionId === input.VersionId)
      : secret.versions.find((v) => v.stages.includes(input.VersionStage ?? 'AWSCURRENT'));
    if (!version) {
      const [what, value] = input.VersionId ? ['VersionId', input.VersionId] : ['staging label', input.VersionStage ?? 'AWSCURRENT'];
      throw new AwsError('ResourceNotFoundException', scope.message('secretsmanager.secret.version-not-found', { what, value }));
    }
    return {
      ARN: secret.arn,
      Name: secret.name,
      VersionId: version.versionId,
      SecretString: version.secretString,
      SecretBinary: version.secretBinary,
      VersionStages: version.stages,
      CreatedDate: version.createdDate,
    };
  },
});

export const putSecretValue = defineOperation<PutSecretValueCommandInput, PutSecretValueCommandOutput, SecretStore>({
  name: 'PutSecretValue',
  handle(input, { scope, state: store }) {
    rejectBothValues(input, scope);
    const secret = find(store, input.SecretId, scope);
    const version = store.putVersion(secret, values(input), input.ClientRequestToken);
    return { ARN: secret.arn, Name: secret.name, VersionId: version.versionId, VersionStages: version.stages };
  },
});

export const describeSecret = defineOperation<DescribeSecretCommandInput, DescribeSecretCommandOutput, SecretStore>({
  name: 'DescribeSecret',
  handle(input, { scope, state: store }) {
    const secret = find(store, input.SecretId, scope, true);
    return { ...commonFields(secret), VersionIdsToStages: versionsToStages(secret) };
  },
});

export const deleteSecret = defineOperation<DeleteSecretCommandInput, DeleteSecretCommandOutput, SecretStore>({
  name: 'DeleteSecret',
  handle(input, { scope, state: store }) {
    if (input.ForceDeleteWithoutRecovery && input.RecoveryWindowInDays !== undefined) {
      throw new AwsError('InvalidParameterException', scope.message('secretsmanager.secret.force-and-window'));
    }
    const secret = find(store, input.SecretId, scope, true);
    const days = input.ForceDeleteWithoutRecovery ? 0 : (input.RecoveryWindowInDays ?? 30);
    secret.deletedDate ??= new Date();
    const deletionDate = new Date(secret.deletedDate.getTime() + days * 86_400_000);
    if (input.ForceDeleteWithoutRecovery) store.remove(secret);
    return { ARN: secret.arn, Name: secret.name, DeletionDate: deletionDate };
  },
});

export const listSecrets = defineOperation<ListSecretsCommandInput, ListSecretsCommandOutput, SecretStore>({
  name: 'ListSecrets',
  handle(input, { scope, state: store }) {
    const all = store.list().filter((s) => input.IncludePlannedDeletion || !s.deletedDate);
    const { page, nextToken } = paginate(all, input, { scope, defaultSize: 100, messageId: 'secretsmanager.list.invalid-next-token' });
    return { SecretList: page.map(listEntry), NextToken: nextToken };
  },
});

export const secretOperations = [createSecret, getSecretValue, putSecretValue, describeSecret, deleteSecret, listSecrets];

function find(store: SecretStore, secretId: string, scope: CallScope, allowDeleted = false): StoredSecret {
  const secret = store.find(secretId);
  if (!secret) throw new AwsError('ResourceNotFoundException', scope.message('secretsmanager.secret.not-found'));
  if (secret.deletedDate && !allowDeleted) {
    throw new AwsError('InvalidRequestException', scope.message('secretsmanager.secret.marked-for-deletion'));
  }
  return secret;
}

/** What DescribeSecret and a ListSecrets entry both answer. */
function commonFields(secret: StoredSecret) {
  return {
    ARN: secret.arn,
    Name: secret.name,
    Description: secret.description,
    KmsKeyId: secret.kmsKeyId,
    Tags: secret.tags.length > 0 ? secret.tags : undefined,
    CreatedDate: secret.createdDate,
    LastChangedDate: secret.lastChangedDate,
    DeletedDate: secret.deletedDate,
  } satisfies WireOutput<DescribeSecretCommandOutput> & WireOutput<SecretListEntry>;
}

/** ListSecrets names the version map SecretVersionsToStages where DescribeSecret says VersionIdsToStages. */
function listEntry(secret: StoredSecret): WireOutput<SecretListEntry> {
  return { ...commonFields(secret), SecretVersionsToStages: versionsToStages(secret) };
}

function versionsToStages(secret: StoredSecret): Record<string, string[]> {
  return Object.fromEntries(secret.versions.map((v) => [v.versionId, v.stages]));
}

type SecretValueInput = WireInput<CreateSecretCommandInput | PutSecretValueCommandInput>;

function hasValue(input: SecretValueInput): boolean {
  return input.SecretString !== undefined || input.SecretBinary !== undefined;
}

function values(input: SecretValueInput) {
  return { secretString: input.SecretString, secretBinary: input.SecretBinary };
}

function rejectBothValues(input: SecretValueInput, scope: CallScope): void {
  if (input.SecretString !== undefined && input.SecretBinary !== undefined) {
    throw new AwsError('InvalidParameterException', scope.message('secretsmanager.secret.both-values'));
  }
}
