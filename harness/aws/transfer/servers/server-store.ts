import { randomBytes } from 'node:crypto';
import type { CreateAccessCommandInput, CreateServerCommandInput, DescribeUserCommandOutput } from '@aws-sdk/client-transfer';
import type { WireInput, WireOutput } from '../../endpoint/wire-shape.ts';
import { arn, ids } from '../../ids.ts';

type DescribedUser = WireOutput<DescribeUserCommandOutput>['User'];

/** A user as CreateUser made it: what DescribeUser answers. */
export interface StoredUser extends DescribedUser {
  UserName: string;
  Role: string;
  SshPublicKeys: NonNullable<DescribedUser['SshPublicKeys']>;
}

type ServerInput = WireInput<CreateServerCommandInput>;

export interface StoredServer extends Required<Pick<ServerInput, 'IdentityProviderType' | 'Protocols' | 'Domain' | 'EndpointType' | 'SecurityPolicyName'>> {
  ServerId: string;
  Arn: string;
  State: 'ONLINE' | 'OFFLINE';
  IdentityProviderDetails?: ServerInput['IdentityProviderDetails'];
  LoggingRole?: string;
  Tags?: ServerInput['Tags'];
  /** Everything else CreateServer/UpdateServer accepted, answered back as given. */
  extra: Partial<ServerInput>;
  users: Map<string, StoredUser>;
  /** AWS_DIRECTORY_SERVICE servers: CreateAccess entries by ExternalId (a group's SID). */
  accesses: Map<string, StoredAccess>;
}

/** An access as CreateAccess made it: the session a directory group's members get. */
export type StoredAccess = Omit<WireInput<CreateAccessCommandInput>, 'ServerId'>;

export class ServerStore {
  readonly #servers = new Map<string, StoredServer>();

  create(region: string, accountId: string, fields: Omit<StoredServer, 'ServerId' | 'Arn' | 'users' | 'accesses' | 'State'>): StoredServer {
    const ServerId = ids.server();
    const server: StoredServer = { ...fields, ServerId, Arn: arn('transfer', region, accountId, `server/${ServerId}`), State: 'ONLINE', users: new Map(), accesses: new Map() };
    this.#servers.set(ServerId, server);
    return server;
  }

  get(id: string): StoredServer | undefined {
    return this.#servers.get(id);
  }

  delete(id: string): void {
    this.#servers.delete(id);
  }

  list(): StoredServer[] {
    return [...this.#servers.values()];
  }

  addUser(server: StoredServer, region: string, accountId: string, fields: Omit<StoredUser, 'Arn'>): StoredUser {
    const user = { ...fields, Arn: arn('transfer', region, accountId, `user/${server.ServerId}/${fields.UserName}`) };
    server.users.set(user.UserName, user);
    return user;
  }
}

/** SSH public key ids: `key-` + 17 hex, as Transfer prints them. */
export function sshPublicKeyId(): string {
  return `key-${randomBytes(9).toString('hex').slice(0, 17)}`;
}
