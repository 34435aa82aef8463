import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AwsEndpoint, type StartedAwsEndpoint } from '../index.ts';
import { CONTENT_TYPE } from './json-protocol.ts';

let aws: StartedAwsEndpoint;

beforeAll(async () => {
  aws = await new AwsEndpoint().start();
});

afterAll(async () => {
  await aws?.stop();
});

async function post(target: string | undefined, body: string): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': CONTENT_TYPE };
  if (target !== undefined) headers['x-amz-target'] = target;
  const response = await fetch(aws.getUrl(), { method: 'POST', headers, body });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

function listen(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

describe('AwsEndpoint over raw HTTP', () => {
  it('answers an unknown X-Amz-Target prefix with UnknownOperationException naming the served prefixes', async () => {
    const { status, headers, json } = await post('DynamoDB_20120810.ListTables', '{}');
    expect(status).toBe(400);
    expect(headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(json.__type).toBe('UnknownOperationException');
    expect(json.message).toContain('DynamoDB_20120810');
    expect(json.message).toContain('TransferService');
    expect(json.message).toContain('secretsmanager');
  });

  it('names the operation and lists emulated ones for an unknown operation of a served service', async () => {
    const { status, json } = await post('TransferService.CreateWorkflow', '{}');
    expect(status).toBe(400);
    expect(json.__type).toBe('UnknownOperationException');
    expect(json.message).toMatch(/^transfer:CreateWorkflow is not emulated/);
    expect(json.message).toContain('TestConnection');
    expect(json.Message).toBe(json.message);
  });

  it('answers a malformed JSON body with SerializationException', async () => {
    const { status, json } = await post('secretsmanager.ListSecrets', '{"MaxResults": ');
    expect(status).toBe(400);
    expect(json.__type).toBe('SerializationException');
  });

  it('answers a JSON body that is not an object with SerializationException', async () => {
    const { status, json } = await post('secretsmanager.ListSecrets', '[1, 2]');
    expect(status).toBe(400);
    expect(json.__type).toBe('SerializationException');
  });

  it('answers a member of the wrong type with SerializationException, not a validation error', async () => {
    const { status, json } = await post('secretsmanager.GetSecretValue', '{"SecretId": 42}');
    expect(status).toBe(400);
    expect(json.__type).toBe('SerializationException');
  });

  it('treats an empty body as an empty input', async () => {
    const { status, json } = await post('secretsmanager.ListSecrets', '');
    expect(status).toBe(200);
    expect(json.SecretList).toEqual(expect.any(Array));
  });

  it('answers GET / with an error and keeps serving', async () => {
    const response = await fetch(aws.getUrl());
    expect(response.status).toBe(400);
    const json = (await response.json()) as Record<string, unknown>;
    expect(json.__type).toBe('UnknownOperationException');
    expect(json.message).toMatch(/X-Amz-Target/);
    const after = await post('secretsmanager.ListSecrets', '{}');
    expect(after.status).toBe(200);
  });

  it('answers POST without X-Amz-Target with an error', async () => {
    const { status, json } = await post(undefined, '{}');
    expect(status).toBe(400);
    expect(json.__type).toBe('UnknownOperationException');
  });

  it('sends a request id and the JSON 1.1 content type on success and failure, and records the call under that id', async () => {
    const ok = await post('secretsmanager.ListSecrets', '{}');
    const bad = await post('secretsmanager.Nope', '{}');
    for (const { headers } of [ok, bad]) {
      expect(headers.get('content-type')).toBe('application/x-amz-json-1.1');
      expect(headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(ok.headers.get('x-amzn-requestid')).not.toBe(bad.headers.get('x-amzn-requestid'));
    const record = await vi.waitFor(() => {
      const call = aws.getCall(bad.headers.get('x-amzn-requestid')!);
      if (!call) throw new Error('not recorded yet');
      return call;
    });
    expect(record).toMatchObject({ service: 'secretsmanager', operation: 'Nope', httpStatus: 400, error: { type: 'UnknownOperationException' } });
  });

  it('answers a model violation with ValidationException', async () => {
    const { status, json } = await post('TransferService.DescribeConnector', '{"ConnectorId": "c-nope"}');
    expect(status).toBe(400);
    expect(json.__type).toBe('ValidationException');
    expect(json.message).toMatch(/^2 validation errors detected: Value 'c-nope' at 'connectorId'/);
  });
});

describe('AwsEndpoint lifecycle', () => {
  it('stops idempotently and frees its port', async () => {
    const endpoint = await new AwsEndpoint().start();
    const port = endpoint.getPort();
    expect(endpoint.getUrl()).toBe(`http://127.0.0.1:${port}`);
    // A keep-alive connection must not hold the server open.
    await fetch(endpoint.getUrl(), { method: 'POST', headers: { 'x-amz-target': 'secretsmanager.ListSecrets' }, body: '{}' });
    const first = endpoint.stop();
    expect(endpoint.stop()).toBe(first);
    await first;
    await endpoint.stop();
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    await expect(listen(port)).resolves.toBeUndefined();
  });

  it('can be started on a chosen port', async () => {
    const probe = await new AwsEndpoint().start();
    const port = probe.getPort();
    await probe.stop();
    await using endpoint = await new AwsEndpoint().withPort(port).start();
    expect(endpoint.getPort()).toBe(port);
  });

  it('rejects an invalid port eagerly', () => {
    expect(() => new AwsEndpoint().withPort(70000)).toThrow(/Invalid port 70000/);
  });

  it('rejects start() for an unknown message override id, listing the known ids', async () => {
    const start = new AwsEndpoint().withMessageOverrides({ 'transfer.no-such-message': 'x' }).start();
    await expect(start).rejects.toThrow(/Unknown message id 'transfer\.no-such-message'/);
    await expect(start).rejects.toThrow(/Known ids: .*transfer\.test-connection\.succeeded/);
  });

  it('applies a known message override with provenance user', async () => {
    await using endpoint = await new AwsEndpoint().withMessageOverrides({ 'transfer.connector.not-found': 'No such connector' }).start();
    const rendered = endpoint.getMessageCatalogue().render('transfer.connector.not-found');
    expect(rendered).toMatchObject({ text: 'No such connector', provenance: 'user' });
    const response = await fetch(endpoint.getUrl(), {
      method: 'POST',
      headers: { 'x-amz-target': 'TransferService.DescribeConnector' },
      body: JSON.stringify({ ConnectorId: 'c-0123456789abcdef0' }),
    });
    expect(((await response.json()) as { message: string }).message).toBe('No such connector');
  });
});
