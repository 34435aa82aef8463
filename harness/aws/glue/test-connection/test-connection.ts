import type { TestConnectionCommandInput, TestConnectionCommandOutput } from '@aws-sdk/client-glue';
import { AwsError } from '../../endpoint/aws-error.ts';
import { defineOperation } from '../../endpoint/define-operation.ts';
import { networkOf } from '../../ec2/network-state.ts';
import { findConnection, type ConnectionStore } from '../connections/connection-operations.ts';
import { checkNetworkPreconditions } from './network-preconditions.ts';
import { testJdbc } from './jdbc-test.ts';
import { testSalesforce } from './salesforce-test.ts';

/**
 * Glue `TestConnection`: an existing connection by name, or a TestConnectionInput, never both.
 * Only JDBC and SALESFORCE are testable ("This operation is only available for the JDBC or
 * SALESFORCE connection types"). A connection with PhysicalConnectionRequirements has its
 * network checked before the database is tried (network-preconditions.ts). Only a named
 * connection can carry them: Glue's TestConnectionInput has no such member.
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
    const named = input.ConnectionName !== undefined ? findConnection(store, input.ConnectionName, scope).input : undefined;
    const connection = named ?? input.TestConnectionInput!;
    // Wider than the SDK's ConnectionPropertyKey: Glue documents keys its model lacks (INSTANCE_URL).
    const properties = { ...connection.ConnectionProperties } as Record<string, string>;
    scope.redactor.addFrom(connection);
    const type = connection.ConnectionType;
    if (type !== 'JDBC' && type !== 'SALESFORCE') {
      throw new AwsError('InvalidInputException', scope.message('glue.test-connection.unsupported-type', { type: String(type) }));
    }
    checkNetworkPreconditions(named?.PhysicalConnectionRequirements, networkOf(context).region(scope.region), scope);
    return type === 'JDBC' ? testJdbc(properties, context, scope) : testSalesforce(properties, connection.AuthenticationConfiguration, context, scope);
  },
});
