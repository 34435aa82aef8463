import { randomBytes } from 'node:crypto';
import { arn, ids } from '../../ids.ts';

export interface StoredUser {
  UserName: string;
  Arn: string;
  Role: string;
  HomeDirectory?: string;
  HomeDirectoryType?: string;
  HomeDirectoryMappings?: Array<{ Entry: string; Target: string; Type?: string }>;
  Policy?: string;
  PosixProfile?: { Uid: number; Gid: number; SecondaryGids?: number[] };
  SshPublicKeys: Array<{ SshPublicKeyId: string; SshPublicKeyBody: string; DateImported: Date }>;
  Tags?: Array<{ Key: string; Value: string }>;
}

export interface StoredServer {
  ServerId: string;
  Arn: string;
  State: 'ONLINE' | 'OFFLINE';
  IdentityProviderType: string;
  IdentityProviderDetails?: { Url?: string; InvocationRole?: string; DirectoryId?: string; Function?: string; SftpAuthenticationMethods?: string };
  Protocols: string[];
  Domain: string;
  EndpointType: string;
  SecurityPolicyName: string;
  LoggingRole?: string;
  Tags?: Array<{ Key: string; Value: string }>;
  /** Everything else CreateServer/UpdateServer accepted, answered back as given. */
  extra: Record<string, unknown>;
  users: Map<string, StoredUser>;
}

export class ServerStore {
  readonly #servers = new Map<string, StoredServer>();

  create(region: string, accountId: string, fields: Omit<StoredServer, 'ServerId' | 'Arn' | 'users' | 'State'>): StoredServer {
    const ServerId = ids.server();
    const server: StoredServer = { ...fields, ServerId, Arn: arn('transfer', region, accountId, `server/${ServerId}`), State: 'ONLINE', users: new Map() };
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
