import { AwsError } from '../endpoint/aws-error.ts';
import type { CallScope } from '../endpoint/call-scope.ts';
import type { ServiceFactory } from '../endpoint/emulated-service.ts';
import { paginate } from '../endpoint/paginate.ts';
import { ServiceModel } from '../model/service-model.ts';
import type { StoredSecret } from './secret-store.ts';

/** Secrets Manager (secretsmanager-2017-10-17): the calls connectors and scenarios need. */
export const secretsManagerService: ServiceFactory = (context) => {
  const store = context.secrets;
  const find = (secretId: string, scope: CallScope, allowDeleted = false): StoredSecret => {
    const secret = store.find(secretId);
    if (!secret) throw notFound(scope);
    if (secret.deletedDate && !allowDeleted) {
      throw new AwsError('InvalidRequestException', scope.message('secretsmanager.secret.marked-for-deletion'));
    }
    return secret;
  };

  return {
    name: 'secretsmanager',
    model: ServiceModel.forService('secretsmanager'),
    operations: {
      CreateSecret(input, scope) {
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
          accountId: context.options.accountId,
          description: input.Description,
          kmsKeyId: input.KmsKeyId,
          tags: input.Tags,
        });
        const version = hasValue(input) ? store.putVersion(secret, values(input), input.ClientRequestToken) : undefined;
        return { ARN: secret.arn, Name: secret.name, VersionId: version?.versionId };
      },

      GetSecretValue(input, scope) {
        const secret = find(input.SecretId, scope);
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

      PutSecretValue(input, scope) {
        rejectBothValues(input, scope);
        const secret = find(input.SecretId, scope);
        const version = store.putVersion(secret, values(input), input.ClientRequestToken);
        return { ARN: secret.arn, Name: secret.name, VersionId: version.versionId, VersionStages: version.stages };
      },

      DescribeSecret(input, scope) {
        return describe(find(input.SecretId, scope, true));
      },

      DeleteSecret(input, scope) {
        if (input.ForceDeleteWithoutRecovery && input.RecoveryWindowInDays !== undefined) {
          throw new AwsError('InvalidParameterException', scope.message('secretsmanager.secret.force-and-window'));
        }
        const secret = find(input.SecretId, scope, true);
        const days = input.ForceDeleteWithoutRecovery ? 0 : (input.RecoveryWindowInDays ?? 30);
        secret.deletedDate ??= new Date();
        const deletionDate = new Date(secret.deletedDate.getTime() + days * 86_400_000);
        if (input.ForceDeleteWithoutRecovery) store.remove(secret);
        return { ARN: secret.arn, Name: secret.name, DeletionDate: deletionDate };
      },

      ListSecrets(input, scope) {
        const all = store.list().filter((s) => input.IncludePlannedDeletion || !s.deletedDate);
        const { page, nextToken } = paginate(all, input, { scope, defaultSize: 100, messageId: 'secretsmanager.list.invalid-next-token' });
        return { SecretList: page.map(describe), NextToken: nextToken };
      },
    },
  };

  function describe(secret: StoredSecret): Record<string, unknown> {
    return {
      ARN: secret.arn,
      Name: secret.name,
      Description: secret.description,
      KmsKeyId: secret.kmsKeyId,
      Tags: secret.tags.length > 0 ? secret.tags : undefined,
      CreatedDate: secret.createdDate,
      LastChangedDate: secret.lastChangedDate,
      DeletedDate: secret.deletedDate,
      VersionIdsToStages: Object.fromEntries(secret.versions.map((v) => [v.versionId, v.stages])),
    };
  }
};

function notFound(scope: CallScope): AwsError {
  return new AwsError('ResourceNotFoundException', scope.message('secretsmanager.secret.not-found'));
}

function hasValue(input: { SecretString?: string; SecretBinary?: string }): boolean {
  return input.SecretString !== undefined || input.SecretBinary !== undefined;
}

function values(input: { SecretString?: string; SecretBinary?: string }) {
  return { secretString: input.SecretString, secretBinary: input.SecretBinary };
}

function rejectBothValues(input: { SecretString?: string; SecretBinary?: string }, scope: CallScope): void {
  if (input.SecretString !== undefined && input.SecretBinary !== undefined) {
    throw new AwsError('InvalidParameterException', scope.message('secretsmanager.secret.both-values'));
  }
}
