import type { CreateConnectorCommandInput, UpdateConnectorCommandInput } from '@aws-sdk/client-transfer';
import type { WireInput } from '../../endpoint/wire-shape.ts';
import { arn, ids } from '../../ids.ts';

/** A connector as CreateConnector made it and UpdateConnector changed it. */
export interface StoredConnector extends Omit<WireInput<CreateConnectorCommandInput>, 'EgressConfig'> {
  ConnectorId: string;
  Arn: string;
  EgressConfig?: WireInput<CreateConnectorCommandInput | UpdateConnectorCommandInput>['EgressConfig'];
  /** When the connector becomes ACTIVE (epoch ms): VPC_LATTICE connectors are PENDING until then. */
  activeAt: number;
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
