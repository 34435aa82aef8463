import type { Tag } from '@aws-sdk/client-secrets-manager';
import type { WireInput } from '../endpoint/wire-shape.ts';
import { arn, ids } from '../ids.ts';

/** Secrets Manager's tags: the model leaves Key and Value optional. */
type SecretTag = WireInput<Tag>;

export interface SecretVersion {
  versionId: string;
  secretString?: string;
  secretBinary?: string;
  stages: string[];
  createdDate: Date;
}

export interface StoredSecret {
  arn: string;
  name: string;
  description?: string;
  kmsKeyId?: string;
  tags: SecretTag[];
  createdDate: Date;
  lastChangedDate: Date;
  deletedDate?: Date;
  versions: SecretVersion[];
}

/**
 * The secrets of one emulated account. Shared by Secrets Manager itself and by the services
 * that read secrets (Transfer connectors), exactly as one AWS account shares them.
 */
export class SecretStore {
  readonly #secrets: StoredSecret[] = [];

  create(init: {
    name: string;
    region: string;
    accountId: string;
    description?: string;
    kmsKeyId?: string;
    tags?: SecretTag[];
  }): StoredSecret {
    const now = new Date();
    const secret: StoredSecret = {
      arn: arn('secretsmanager', init.region, init.accountId, `secret:${init.name}-${ids.secretSuffix()}`),
      name: init.name,
      description: init.description,
      kmsKeyId: init.kmsKeyId,
      tags: init.tags ?? [],
      createdDate: now,
      lastChangedDate: now,
      versions: [],
    };
    this.#secrets.push(secret);
    return secret;
  }

  /** Looks a secret up by name, full ARN, or partial ARN (without the random suffix). */
  find(secretId: string): StoredSecret | undefined {
    return this.#secrets.find(
      (s) => s.name === secretId || s.arn === secretId || s.arn.slice(0, -7) === secretId,
    );
  }

  putVersion(secret: StoredSecret, value: { secretString?: string; secretBinary?: string }, versionId: string = ids.version()): SecretVersion {
    const existing = secret.versions.find((v) => v.versionId === versionId);
    if (existing) return existing;
    for (const version of secret.versions) {
      version.stages = version.stages.includes('AWSCURRENT') ? ['AWSPREVIOUS'] : version.stages.filter((s) => s !== 'AWSPREVIOUS');
    }
    const version: SecretVersion = { versionId, ...value, stages: ['AWSCURRENT'], createdDate: new Date() };
    secret.versions.push(version);
    secret.versions = secret.versions.filter((v) => v.stages.length > 0);
    secret.lastChangedDate = version.createdDate;
    return version;
  }

  current(secret: StoredSecret): SecretVersion | undefined {
    return secret.versions.find((v) => v.stages.includes('AWSCURRENT'));
  }

  remove(secret: StoredSecret): void {
    this.#secrets.splice(this.#secrets.indexOf(secret), 1);
  }

  list(): StoredSecret[] {
    return [...this.#secrets];
  }
}
