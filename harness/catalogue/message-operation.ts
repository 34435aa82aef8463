/**
 * Which operation answers with a catalogue entry, from its id's prefix. The test operations
 * each have their own families of ids; every other id belongs to its service's resource
 * operations (create, describe, delete…), listed as `<service>:*`.
 */
const OPERATION_PREFIXES: ReadonlyArray<readonly [prefix: string, operation: string]> = [
  ['transfer.test-connection.', 'transfer:TestConnection'],
  ['transfer.identity-provider.', 'transfer:TestIdentityProvider'],
  ['glue.test-connection.', 'glue:TestConnection'],
  ['glue.jdbc.', 'glue:TestConnection'],
  ['glue.salesforce.', 'glue:TestConnection'],
  ['glue.network.', 'glue:TestConnection'],
];

/** `transfer:TestConnection` for `transfer.test-connection.succeeded`; `secretsmanager:*` for `secretsmanager.secret.exists`. */
export function messageOperation(id: string): string {
  const found = OPERATION_PREFIXES.find(([prefix]) => id.startsWith(prefix));
  if (found) return found[1];
  return `${id.split('.')[0]}:*`;
}
