import type { TestConnectionCommandInput, TestConnectionCommandOutput } from '@aws-sdk/client-glue';
import { AwsError } from '../../endpoint/aws-error.ts';
import { defineOperation } from '../../endpoint/define-operation.ts';
import { findConnection, type ConnectionStore } from '../connections/connection-operations.ts';
import { testJdbc } from './jdbc-test.ts';
import { testSalesforce } from './salesforce-test.ts';

/**
 * Glue `TestConnection`: an existing connection by name, or a TestConnectionInput, never both.
 * Only JDBC and SALESFORCE are testable ("This operation is only available for the JDBC or
 * SALESFORCE connection types").
 */
export const testConnection = defineOperation<TestConnectionCommandInput, TestConnectionCommandOutput, ConnectionStore>({
  name: 'TestConnection',
  async handle(input, { scope, state: store, emulator: context }) {
    if (input.ConnectionName !== undefined && input.TestConnectionInput !== undefined) {
      throw new AwsError('InvalidInputException', scope.message('glue.test-connection.name-and-input'));
    }
    if (input.ConnectionName === undefined && input.TestConnectionInput === undefined) {
      throw new AwsError('InvalidInputException', scope.message('glue.test-connection.neither'));
    }
    const connection = input.ConnectionName !== undefined ? findConnection(store, input.ConnectionName, scope).input : input.TestConnectionInput!;
    // Wider than the SDK's ConnectionPropertyKey: Glue documents keys its model lacks (INSTANCE_URL).
    const properties = { ...connection.ConnectionProperties } as Record<string, string>;
    scope.redactor.addFrom(connection);
    switch (connection.ConnectionType) {
      case 'JDBC':
        return testJdbc(properties, context, scope);
      case 'SALESFORCE':
        return testSalesforce(properties, connection.AuthenticationConfiguration, context, scope);
      default:
        throw new AwsError('InvalidInputException', scope.message('glue.test-connection.unsupported-type', { type: String(connection.ConnectionType) }));
    }
  },
});
