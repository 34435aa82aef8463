import type { DirectoryStore } from './directory/directory-store.ts';
import type { MessageCatalogue } from './messages/message-catalogue.ts';
import type { LambdaRegistry } from './lambda/lambda-registry.ts';
import type { S3ObjectStore } from './s3/s3-object-store.ts';
import type { SecretStore } from './secrets-manager/secret-store.ts';

/** Knobs of the emulation that AWS does not expose through its API. */
export interface EmulatorOptions {
  /** Account id used in ARNs. */
  accountId: string;
  /** Region used when a request carries no SigV4 credential scope. */
  defaultRegion: string;
  /**
   * How long TestConnection waits for the partner (TCP connect through SSH handshake and auth).
   * AWS does not document its own limit; 15 s is our estimate (inferred).
   */
  connectTimeoutMs: number;
  /**
   * How long TestIdentityProvider waits for an API Gateway identity provider: API Gateway's own
   * integration timeout (29 s, API Gateway quotas); past it, API Gateway answers 504.
   */
  identityProviderTimeoutMs: number;
  /**
   * How long a VPC_LATTICE connector stays PENDING after CreateConnector ("DNS resolution may take
   * several minutes"); 0 by default, so a test waits only when it asks to.
   */
  vpcLatticeConnectorPendingMs: number;
  /** Role ARNs that the emulated Transfer service cannot assume (stands in for IAM trust). */
  unassumableRoles: string[];
  /** Message catalogue overrides, id → text. */
  messageOverrides: Record<string, string>;
}

export const defaultEmulatorOptions: EmulatorOptions = {
  accountId: '000000000000',
  defaultRegion: 'us-east-1',
  connectTimeoutMs: 15_000,
  identityProviderTimeoutMs: 29_000,
  vpcLatticeConnectorPendingMs: 0,
  unassumableRoles: [],
  messageOverrides: {},
};

/** State shared by every emulated service of one endpoint: one "AWS account". */
export interface EmulatorContext {
  readonly options: EmulatorOptions;
  readonly catalogue: MessageCatalogue;
  readonly secrets: SecretStore;
  readonly lambdas: LambdaRegistry;
  /** Objects placed in S3 before the call (Glue reads CUSTOM_JDBC_CERT from there). */
  readonly objects: S3ObjectStore;
  /** Directory Service directories, for Transfer servers of type AWS_DIRECTORY_SERVICE. */
  readonly directories: DirectoryStore;
}
