import type { AwsClients } from './aws-clients.ts';

interface Deletion {
  where: string;
  service: string;
  operation: string;
  input: Record<string, unknown>;
}

type DeletionOf = (input: Record<string, unknown>, output: Record<string, unknown>) => Record<string, unknown>;

/**
 * How to delete what each `given` call created, one line per kind of resource. Secrets go at
 * once (no recovery window), so a rerun can create the same name again.
 */
const DELETIONS: Record<string, { operation: string; input: DeletionOf }> = {
  'secretsmanager:CreateSecret': { operation: 'DeleteSecret', input: (_, out) => ({ SecretId: out.ARN, ForceDeleteWithoutRecovery: true }) },
  'transfer:CreateServer': { operation: 'DeleteServer', input: (_, out) => ({ ServerId: out.ServerId }) },
  'transfer:CreateUser': { operation: 'DeleteUser', input: (_, out) => ({ ServerId: out.ServerId, UserName: out.UserName }) },
  'transfer:CreateAccess': { operation: 'DeleteAccess', input: (_, out) => ({ ServerId: out.ServerId, ExternalId: out.ExternalId }) },
  'transfer:CreateConnector': { operation: 'DeleteConnector', input: (_, out) => ({ ConnectorId: out.ConnectorId }) },
  'glue:CreateConnection': { operation: 'DeleteConnection', input: (input) => ({ ConnectionName: (input.ConnectionInput as { Name?: unknown } | undefined)?.Name }) },
};

/**
 * What a scenario created on a target that outlives it (real AWS, or another endpoint given with
 * --mode aws or calibrate), so it can be deleted afterwards, newest first (a user before its
 * server). The emulated endpoint is simply stopped instead.
 */
export class CreatedResources {
  readonly #deletions: Deletion[] = [];

  /** Notes what `service:operation` created; calls that create nothing deletable are ignored. */
  add(where: string, service: string, operation: string, input: Record<string, unknown>, output: Record<string, unknown>): void {
    const deletion = DELETIONS[`${service}:${operation}`];
    if (!deletion) return;
    const deleteInput = deletion.input(input, output);
    // An answer without the id (an endpoint that is not AWS) leaves nothing to name: nothing to delete.
    if (Object.values(deleteInput).every((value) => value !== undefined && value !== '')) this.#deletions.push({ where, service, operation: deletion.operation, input: deleteInput });
  }

  /** Deletes everything noted, newest first; returns what could not be deleted, with what to delete by hand. */
  async deleteAll(clients: AwsClients): Promise<string[]> {
    const problems: string[] = [];
    for (const { where, service, operation, input } of this.#deletions.splice(0).reverse()) {
      try {
        const outcome = await clients.call(service, operation, input);
        if (outcome.error && !/NotFound/.test(outcome.error.name)) problems.push(`${where}: ${service}:${operation} failed with ${outcome.error.name}: ${outcome.error.message}; delete ${JSON.stringify(input)} yourself`);
      } catch (error) {
        problems.push(`${where}: ${service}:${operation} failed (${(error as Error).message}); delete ${JSON.stringify(input)} yourself`);
      }
    }
    return problems;
  }
}
