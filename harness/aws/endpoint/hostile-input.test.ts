import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ServiceModel } from '../model/service-model.ts';
import { AwsEndpoint } from '../aws-endpoint.ts';
import { AwsError } from './aws-error.ts';
import { defineOperation } from './define-operation.ts';
import { defineService } from './emulated-service.ts';
import { defaultEndpointLimits } from './endpoint-limits.ts';
import { CONTENT_TYPE } from './json-protocol.ts';
import type { StartedAwsEndpoint } from './started-aws-endpoint.ts';
import { rawRequest, rawSocket, type RawAnswer } from './testing/raw-http.ts';

/** A service whose operations fail in the ways a handler bug would. */
const brokenService = defineService({
  name: 'broken',
  model: new ServiceModel({
    source: 'test',
    metadata: { targetPrefix: 'Broken', apiVersion: '1', jsonVersion: '1.1', protocol: 'json', signingName: 'broken', endpointPrefix: 'broken', serviceId: 'Broken' },
    operations: { Throw: {}, Unserializable: {}, UnserializableError: {} },
    shapes: {},
  }),
  operations: [
    defineOperation<object, object>({
      name: 'Throw',
      handle: () => {
        throw 'not even an Error';
      },
    }),
    defineOperation<object, { big: bigint }>({ name: 'Unserializable', handle: () => ({ big: 10n }) }),
    defineOperation<object, object>({
      name: 'UnserializableError',
      handle: () => {
        throw new AwsError('WeirdException', 'fields that JSON cannot carry', 400, { big: 10n });
      },
    }),
  ],
});

let aws: StartedAwsEndpoint;

beforeAll(async () => {
  aws = await new AwsEndpoint().withService(brokenService).start();
});

afterAll(async () => {
  await aws?.stop();
});

function call(target: string, body: string | Buffer | Buffer[], headers: Record<string, string> = {}): Promise<RawAnswer> {
  return rawRequest(aws.getUrl(), { headers: { 'content-type': CONTENT_TYPE, 'x-amz-target': target, ...headers }, body });
}

function nested(depth: number, leaf = '1'): string {
  return '{"a":['.repeat(depth) + leaf + ']}'.repeat(depth);
}

async function expectServing(): Promise<void> {
  const { status } = await call('secretsmanager.ListSecrets', '{}');
  expect(status).toBe(200);
}

function expectAwsError(answer: RawAnswer, status: number, type: string): void {
  expect(answer.status, answer.text.slice(0, 300)).toBe(status);
  expect(answer.headers['x-amzn-errortype']).toBe(type);
  expect(answer.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  expect(answer.json?.__type).toBe(type);
}

describe('AwsEndpoint on deeply nested JSON', () => {
  it.each([900, 100_000])('answers a body nested %d levels deep with SerializationException and keeps serving', async (depth) => {
    const answer = await call('secretsmanager.CreateSecret', `{"Name":"deep","Unknown":${nested(depth)}}`);
    expectAwsError(answer, 400, 'SerializationException');
    expect(answer.json?.message).toBe(`JSON nesting depth exceeds the maximum allowed (${defaultEndpointLimits.maxNestingDepth})`);
    await expectServing();
  });

  it('accepts unknown members nested within the limit, and records the call', async () => {
    const answer = await call('secretsmanager.ListSecrets', `{"Unknown":${nested(40)}}`);
    expect(answer.status).toBe(200);
    const requestId = answer.headers['x-amzn-requestid'] as string;
    await vi.waitFor(() => expect(aws.getCall(requestId)).toBeDefined());
  });
});

describe('AwsEndpoint on Object.prototype names', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'])(
    'answers TransferService.%s with UnknownOperationException',
    async (operation) => {
      expectAwsError(await call(`TransferService.${operation}`, '{}'), 400, 'UnknownOperationException');
    },
  );

  it('ignores members named after Object.prototype properties at every level', async () => {
    const body =
      '{"Name":"proto-names","SecretString":"s3cr3t-value","constructor":{"x":1},"__proto__":{"Name":"other"},"toString":[],' +
      '"Tags":[{"Key":"k","Value":"v","hasOwnProperty":null,"__proto__":1}]}';
    const created = await call('secretsmanager.CreateSecret', body);
    expect(created.status, created.text).toBe(200);
    expect(created.json?.Name).toBe('proto-names');
    const read = await call('secretsmanager.GetSecretValue', '{"SecretId":"proto-names","valueOf":1}');
    expect(read.json?.SecretString).toBe('s3cr3t-value');
  });
});

describe('AwsEndpoint on null members', () => {
  it.each([
    ['Glue TestConnection with a null input', 'AWSGlue.TestConnection', '{"TestConnectionInput": null}'],
    ['a null required member', 'TransferService.DescribeConnector', '{"ConnectorId": null}'],
    [
      'null host keys and secret id',
      'TransferService.CreateConnector',
      '{"AccessRole":"arn:aws:iam::123456789012:role/r","Url":"sftp://127.0.0.1:1","SftpConfig":{"UserSecretId":null,"TrustedHostKeys":[null]},"Tags":[null]}',
    ],
    ['null map values', 'AWSGlue.CreateConnection', '{"ConnectionInput":{"Name":"n","ConnectionType":"JDBC","ConnectionProperties":{"USERNAME":null}}}'],
  ])('answers %s as if the nulls were absent, never with a 500', async (_, target, body) => {
    const answer = await call(target, body);
    expect(answer.status, answer.text).toBeLessThan(500);
    if (answer.status !== 200) expect(answer.json?.__type).toEqual(expect.any(String));
  });

  it('reports a null required member as AWS does', async () => {
    const answer = await call('TransferService.DescribeConnector', '{"ConnectorId": null}');
    expectAwsError(answer, 400, 'ValidationException');
    expect(answer.json?.message).toBe("1 validation error detected: Value null at 'connectorId' failed to satisfy constraint: Member must not be null");
  });
});

describe('AwsEndpoint on large requests', () => {
  const tooLarge = `HTTP content length exceeded ${defaultEndpointLimits.maxRequestBytes} bytes.`;

  it('answers a body whose Content-Length passes the limit with 413, and keeps serving', async () => {
    const answer = await call('secretsmanager.ListSecrets', Buffer.alloc(defaultEndpointLimits.maxRequestBytes + 1, 0x20));
    expectAwsError(answer, 413, 'RequestEntityTooLargeException');
    expect(answer.json?.message).toBe(tooLarge);
    expect(answer.headers.connection).toBe('close');
    await expectServing();
  });

  it('stops reading a chunked body at the limit', async () => {
    const chunks = Array.from({ length: 64 }, () => Buffer.alloc(64 * 1024, 0x20)); // 4 MiB
    const answer = await call('secretsmanager.ListSecrets', chunks);
    expectAwsError(answer, 413, 'RequestEntityTooLargeException');
    await expectServing();
  });

  it('quotes a huge invalid value cut short, so the answer stays small', async () => {
    const role = `arn:aws:iam::1:user/${'x'.repeat(900_000)}`;
    const answer = await call('TransferService.CreateConnector', JSON.stringify({ AccessRole: role, Url: 'sftp://h' }));
    expectAwsError(answer, 400, 'ValidationException');
    expect(answer.text.length).toBeLessThan(4_000);
    expect(answer.json?.message).toMatch(/^1 validation error detected: Value 'arn:aws:iam::1:user\/x+\.\.\.' at 'accessRole' failed to satisfy constraint: Member must have length less than or equal to 2048$/);
  });
});

describe('AwsEndpoint when a handler or the answer fails', () => {
  it('answers a thrown non-Error with a 500 of the model’s internal error type', async () => {
    expectAwsError(await call('Broken.Throw', '{}'), 500, 'InternalServiceError');
    await expectServing();
  });

  it('answers an output JSON cannot carry with a 500', async () => {
    expectAwsError(await call('Broken.Unserializable', '{}'), 500, 'InternalServiceError');
  });

  it('answers even when the error answer itself cannot be sent, and keeps serving', async () => {
    const answer = await call('Broken.UnserializableError', '{}');
    expectAwsError(answer, 500, 'InternalServiceError');
    await expectServing();
  });

  it('answers malformed HTTP as JSON 1.1 does, then closes', async () => {
    const text = await rawSocket(aws.getHost(), aws.getPort(), 'NOT HTTP AT ALL\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text).toContain('x-amzn-errortype: SerializationException');
    expect(text).toContain('"__type":"SerializationException"');
    await expectServing();
  });

  it('answers an oversized header with 431', async () => {
    const text = await rawSocket(aws.getHost(), aws.getPort(), `POST / HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    expect(text).toMatch(/^HTTP\/1\.1 431 /);
    expect(text).toContain('"__type":"SerializationException"');
  });
});

describe('AwsEndpoint call log', () => {
  it('keeps only the most recent calls, each bounded in size', async () => {
    await using endpoint = await new AwsEndpoint().withLimits({ callLogSize: 5, recordPartChars: 1_000 }).start();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const answer = await rawRequest(endpoint.getUrl(), {
        headers: { 'x-amz-target': 'secretsmanager.CreateSecret' },
        body: JSON.stringify({ Name: `n${i}`, Description: 'd'.repeat(2_000), SecretString: 'x' }),
      });
      ids.push(answer.headers['x-amzn-requestid'] as string);
    }
    await vi.waitFor(() => expect(endpoint.getCall(ids.at(-1)!)).toBeDefined());
    expect(endpoint.getCalls().map((record) => record.requestId)).toEqual(ids.slice(-5));
    expect(endpoint.getCall(ids[0]!)).toBeUndefined();
    const record = endpoint.getCall(ids.at(-1)!)!;
    expect(JSON.stringify(record.request).length).toBeLessThan(1_200);
    expect((record.request as { Description: string }).Description).toMatch(/^d+…\[\d+ more characters\]$/);
  });

  it.each([{ callLogSize: 0 }, { maxRequestBytes: -1 }, { recordPartChars: 1.5 }])('rejects %o eagerly', (limits) => {
    expect(() => new AwsEndpoint().withLimits(limits)).toThrow(/Invalid endpoint limit/);
  });
});
