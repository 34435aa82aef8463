import { arn, ids } from '../../ids.ts';

export interface StoredConnector {
  ConnectorId: string;
  Arn: string;
  Url?: string;
  AccessRole: string;
  LoggingRole?: string;
  SecurityPolicyName?: string;
  SftpConfig?: { UserSecretId?: string; TrustedHostKeys?: string[]; MaxConcurrentConnections?: number };
  As2Config?: Record<string, unknown>;
  EgressConfig?: Record<string, unknown>;
  IpAddressType?: string;
  Tags?: Array<{ Key: string; Value: string }>;
}

export class ConnectorStore {
  readonly #connectors = new Map<string, StoredConnector>();

  create(region: string, accountId: string, fields: Omit<StoredConnector, 'ConnectorId' | 'Arn'>): StoredConnector {
    const ConnectorId = ids.connector();
    const connector = { ...fields, ConnectorId, Arn: arn('transfer', region, accountId, `connector/${ConnectorId}`) };
    this.#connectors.set(ConnectorId, connector);
    return connector;
  }

  get(id: string): StoredConnector | undefined {
    return this.#connectors.get(id);
  }

  delete(id: string): boolean {
    return this.#connectors.delete(id);
  }

  list(): StoredConnector[] {
    return [...this.#connectors.values()];
  }
}
