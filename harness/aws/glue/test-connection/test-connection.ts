import { AwsError } from '../../endpoint/aws-error.ts';
import type { CallScope } from '../../endpoint/call-scope.ts';
import type { EmulatorContext } from '../../emulator-context.ts';
import { findConnection, type ConnectionStore } from '../connections/connection-operations.ts';
import { testJdbc } from './jdbc-test.ts';
import { testSalesforce } from './salesforce-test.ts';

/**
 * Glue `TestConnection`: an existing connection by name, or a TestConnectionInput, never both.
 * Only JDBC and SALESFORCE are testable ("This operation is only available for the JDBC or
 * SALESFORCE connection types").
 */
export function testConnection(store: ConnectionStore, context: EmulatorContext) {
  return async (
    input: { ConnectionName?: string; CatalogId?: string; TestConnectionInput?: Record<string, any> },
    scope: CallScope,
  ): Promise<Record<string, never>> => {
    if (input.ConnectionName !== undefined && input.TestConnectionInput !== undefined) {
      throw new AwsError('InvalidInputException', scope.message('glue.test-connection.name-and-input'));
    }
    if (input.ConnectionName === undefined && input.TestConnectionInput === undefined) {
      throw new AwsError('InvalidInputException', scope.message('glue.test-connection.neither'));
    }
    const connection = input.ConnectionName !== undefined ? findConnection(store, input.ConnectionName, scope).input : input.TestConnectionInput!;
    const properties = (connection.ConnectionProperties ?? {}) as Record<string, string>;
    scope.redactor.addFrom(connection);
    switch (connection.ConnectionType) {
      case 'JDBC':
        return testJdbc(properties, context, scope);
      case 'SALESFORCE':
        return testSalesforce(properties, connection.AuthenticationConfiguration, context, scope);
      default:
        throw new AwsError('InvalidInputException', scope.message('glue.test-connection.unsupported-type', { type: String(connection.ConnectionType) }));
    }
  };
}
