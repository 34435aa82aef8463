import type { CreateConnectorCommandInput, CreateConnectorCommandOutput, TestConnectionCommandInput, TestConnectionCommandOutput } from '@aws-sdk/client-transfer';
import type { GetSecretValueCommandInput, GetSecretValueCommandOutput } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { defineMessages } from '../messages/define-messages.ts';
import type { MessageId } from '../messages/all-messages.ts';
import { defineOperation } from './define-operation.ts';
import { defineService } from './emulated-service.ts';

// The declarations below are checked by `tsc` (npm test runs it over the test files): each
// `@ts-expect-error` fails the type check if its line stops being an error, so the operation,
// output and message-id types cannot silently become `any`.

defineOperation<TestConnectionCommandInput, TestConnectionCommandOutput>({
  name: 'TestConnection',
  handle(input, { scope }) {
    // The SDK's required member arrives as a plain string: the endpoint validated it.
    const id: string = input.ConnectorId;
    return { ConnectorId: id, Status: 'OK', StatusMessage: scope.message('transfer.test-connection.succeeded') };
  },
});

defineOperation<TestConnectionCommandInput, TestConnectionCommandOutput>({
  name: 'TestConnection',
  handle(_input, { scope }) {
    // @ts-expect-error a message id that is not in the catalogue
    return { Status: 'ERROR', StatusMessage: scope.message('transfer.test-connection.succeded') };
  },
});

defineOperation<TestConnectionCommandInput, TestConnectionCommandOutput>({
  name: 'TestConnection',
  // @ts-expect-error a member of the wrong type (Status is a string)
  handle: () => ({ Status: 200 }),
});

defineOperation<CreateConnectorCommandInput, CreateConnectorCommandOutput>({
  name: 'CreateConnector',
  // @ts-expect-error the output lacks ConnectorId, which AWS always answers
  handle: async () => ({}),
});

defineOperation<TestConnectionCommandInput, TestConnectionCommandOutput>({
  name: 'TestConnection',
  // @ts-expect-error the input has no such member
  handle: (input) => ({ ConnectorId: input.ConnectorID }),
});

defineOperation<GetSecretValueCommandInput, GetSecretValueCommandOutput>({
  name: 'GetSecretValue',
  handle(input) {
    // Blobs are base64 text on the wire, timestamps Dates that the protocol writes as epoch seconds.
    return { Name: input.SecretId, SecretBinary: 'AAEC', CreatedDate: new Date(0) };
  },
});

defineOperation<GetSecretValueCommandInput, GetSecretValueCommandOutput>({
  name: 'GetSecretValue',
  // @ts-expect-error the SDK's Uint8Array is base64 text on the wire
  handle: () => ({ SecretBinary: new Uint8Array([0, 1, 2]) }),
});

/** A service's own messages widen the ids its operations may render. */
const acmeMessages = defineMessages([{ id: 'acme.partner.exists', text: 'Partner {name} exists', provenance: 'inferred', source: 'test' }]);
type AcmeMessageId = MessageId | (typeof acmeMessages)[number]['id'];

defineOperation<{ Name: string }, { Message?: string }, void, AcmeMessageId>({
  name: 'RegisterPartner',
  handle: (input, { scope }) => ({ Message: scope.message('acme.partner.exists', { name: input.Name }) }),
});

defineOperation<{ Name: string }, { Message?: string }>({
  name: 'RegisterPartner',
  // @ts-expect-error without the service's ids in the operation's type, its message id is unknown
  handle: (_input, { scope }) => ({ Message: scope.message('acme.partner.exists') }),
});

describe('defineOperation', () => {
  const handle = () => ({});

  it('returns the operation it is given', () => {
    const operation = { name: 'TestConnection', handle };
    expect(defineOperation<object, object>(operation)).toBe(operation);
  });

  it.each(['', 'testConnection', 'Test Connection', '__proto__', 'X'.repeat(65)])('refuses the name %j', (name) => {
    expect(() => defineOperation<object, object>({ name, handle })).toThrow(/Invalid operation name .*use the AWS operation name/);
  });

  it('refuses an operation without a handler', () => {
    expect(() => defineOperation<object, object>({ name: 'TestConnection' } as never)).toThrow('Operation TestConnection has no handle() function');
  });
});

describe('defineService', () => {
  const operation = (name: string) => defineOperation<object, object>({ name, handle: () => ({}) });

  it('gives a stateless service no messages and undefined state by default', () => {
    const service = defineService({ name: 'acme', model: 'transfer', operations: [operation('Ping')] });
    expect(service.messages).toEqual([]);
    expect(service.createState({} as never)).toBeUndefined();
  });

  it('refuses an operation registered twice', () => {
    expect(() => defineService({ name: 'acme', model: 'transfer', operations: [operation('Ping'), operation('Ping')] })).toThrow(
      'Service acme registers Ping twice',
    );
  });

  it.each(['', 'Acme', 'acme partner', '-acme'])('refuses the service name %j', (name) => {
    expect(() => defineService({ name, model: 'transfer', operations: [] })).toThrow(/Invalid service name/);
  });
});
