import { InvalidInputException } from '@aws-sdk/client-glue';
import { ResourceNotFoundException } from '@aws-sdk/client-transfer';
import { stripVTControlCharacters } from 'node:util';
import { describe } from 'vitest';
import { expect, test } from '../index.ts';

const metadata = { httpStatusCode: 200, requestId: 'r-1', attempts: 1, totalRetryDelay: 0 };
const transferOk = { $metadata: metadata, ConnectorId: 'c-1', Status: 'OK', StatusMessage: 'Connection succeeded' };
const transferError = { $metadata: metadata, ConnectorId: 'c-1', Status: 'ERROR', StatusMessage: 'Key exchange negotiation failed: no common algorithm' };
const glueOk = { $metadata: metadata };
const glueError = new InvalidInputException({ message: 'Check that your connection definition ... FATAL: password authentication failed for user "etl"', $metadata: { httpStatusCode: 400 } });
const identityProvider = { $metadata: metadata, StatusCode: 200, Message: '', Response: '{}', Url: 'http://127.0.0.1:1/prod/servers/s-1/users/u/config' };
const notFound = () => new ResourceNotFoundException({ message: 'Unknown connector: c-0123456789abcdef0', Message: 'Unknown connector: c-0123456789abcdef0', Resource: 'c-0123456789abcdef0', ResourceType: 'Connector', $metadata: { httpStatusCode: 400 } });

/** The message vitest shows when `assertion` fails, without its colours. */
function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('the assertion passed');
}

async function asyncFailureOf(assertion: () => Promise<unknown>): Promise<string> {
  try {
    await assertion();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('the assertion passed');
}

describe('toHaveTestConnectionStatus', () => {
  test('passes on the status and message of Transfer, Glue and TestIdentityProvider answers', () => {
    expect(transferOk).toHaveTestConnectionStatus('OK');
    expect(transferOk).toHaveTestConnectionStatus('OK', 'Connection succeeded');
    expect(transferError).toHaveTestConnectionStatus('ERROR', /negotiation/);
    expect(glueOk).toHaveTestConnectionStatus('OK');
    expect(glueError).toHaveTestConnectionStatus('ERROR', /password authentication failed/);
    expect(identityProvider).toHaveTestConnectionStatus(200, '');
    expect(transferError).not.toHaveTestConnectionStatus('OK');
  });

  test('says which field missed, expected against received', () => {
    const message = failureOf(() => expect(transferOk).toHaveTestConnectionStatus('ERROR', /negotiation/));
    expect(message).toContain('expect(answer).toHaveTestConnectionStatus(status, message)');
    expect(message).toContain('Expected Status "ERROR" with StatusMessage /negotiation/, in Transfer TestConnection');
    expect(message).toContain('Status:        expected "ERROR", got "OK"');
    expect(message).toContain('StatusMessage: expected /negotiation/, got "Connection succeeded"');
  });

  test('marks the part that matched when only the message is wrong', () => {
    const message = failureOf(() => expect(transferError).toHaveTestConnectionStatus('ERROR', 'Connection succeeded'));
    expect(message).toContain('Status:        expected "ERROR", got "ERROR" ✓');
    expect(message).toContain('StatusMessage: expected "Connection succeeded", got "Key exchange negotiation failed: no common algorithm"');
  });

  test('reads a caught Glue error as ERROR and an empty Glue answer as OK', () => {
    expect(failureOf(() => expect(glueError).toHaveTestConnectionStatus('OK'))).toContain('in an error (InvalidInputException), which counts as status ERROR');
    expect(failureOf(() => expect(glueOk).toHaveTestConnectionStatus('ERROR'))).toContain('Status:        expected "ERROR", got "OK"');
  });

  test('with .not, says what it should not have been', () => {
    const message = failureOf(() => expect(transferOk).not.toHaveTestConnectionStatus('OK'));
    expect(message).toContain('expect(answer).not.toHaveTestConnectionStatus(status)');
    expect(message).toContain('Expected not Status "OK", in Transfer TestConnection');
    expect(message).toContain('Status:        expected not "OK", got "OK"');
  });

  test('refuses what is not a TestConnection answer, saying what it takes', () => {
    const message = failureOf(() => expect({ ConnectorId: 'c-1' }).toHaveTestConnectionStatus('OK'));
    expect(message).toContain("Expected a TestConnection answer: Transfer's (Status, StatusMessage), Glue's");
    expect(message).toContain('Received: Object {\n  "ConnectorId": "c-1",\n}');
  });
});

describe('toRejectWithAwsError', () => {
  test('passes when the call rejects with that AWS exception (and message)', async () => {
    await expect(Promise.reject(notFound())).toRejectWithAwsError('ResourceNotFoundException');
    await expect(Promise.reject(notFound())).toRejectWithAwsError('ResourceNotFoundException', /Unknown connector/);
    await expect(() => Promise.reject(notFound())).toRejectWithAwsError('ResourceNotFoundException', 'Unknown connector: c-0123456789abcdef0');
    await expect(Promise.reject(notFound())).not.toRejectWithAwsError('ValidationException');
  });

  test('shows the exception received, its fault and HTTP status, when it is another one', async () => {
    const message = await asyncFailureOf(() => expect(Promise.reject(notFound())).toRejectWithAwsError('ValidationException', /pattern/));
    expect(message).toContain('expect(promise).toRejectWithAwsError(name, message)');
    expect(message).toContain('Expected the call to reject with ValidationException with message /pattern/');
    expect(message).toContain('Received: rejected with ResourceNotFoundException ($fault client, HTTP 400): "Unknown connector: c-0123456789abcdef0"');
    expect(message).toContain('name:    expected "ValidationException", got "ResourceNotFoundException"');
    expect(message).toContain('message: expected /pattern/, got "Unknown connector: c-0123456789abcdef0"');
  });

  test('says when the call succeeded instead, with what it answered', async () => {
    const message = await asyncFailureOf(() => expect(Promise.resolve(transferOk)).toRejectWithAwsError('ResourceNotFoundException'));
    expect(message).toContain('Expected the call to reject with ResourceNotFoundException');
    expect(message).toContain('Received: it resolved with Object {\n  "ConnectorId": "c-1",\n  "Status": "OK",\n  "StatusMessage": "Connection succeeded",\n}');
  });

  test('refuses what is not a promise', async () => {
    const message = await asyncFailureOf(() => expect(42).toRejectWithAwsError('ResourceNotFoundException'));
    expect(message).toContain('Expected a promise (or a function returning one), e.g. client.send(command).');
  });
});
