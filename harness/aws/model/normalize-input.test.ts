import { describe, expect, it } from 'vitest';
import { normalizeInput } from './normalize-input.ts';
import { ServiceModel } from './service-model.ts';
import { validateInput } from './validate-input.ts';

const transfer = ServiceModel.forService('transfer');
const glue = ServiceModel.forService('glue');
const ROLE = 'arn:aws:iam::123456789012:role/connector';

describe('normalizeInput', () => {
  it('drops null members at every level, so a required one reads as missing', () => {
    const input = normalizeInput(glue, 'TestConnection', { TestConnectionInput: null, ConnectionName: null });
    expect(input).toEqual({});
    const nested = normalizeInput(transfer, 'CreateConnector', { AccessRole: ROLE, SftpConfig: { UserSecretId: null, TrustedHostKeys: null } });
    expect(nested).toEqual({ AccessRole: ROLE, SftpConfig: {} });
  });

  it('drops null list items and map values, as the AWS SDKs never send them', () => {
    expect(normalizeInput(transfer, 'CreateConnector', { AccessRole: ROLE, SftpConfig: { TrustedHostKeys: [null, 'ssh-rsa AAAA', null] } })).toEqual({
      AccessRole: ROLE,
      SftpConfig: { TrustedHostKeys: ['ssh-rsa AAAA'] },
    });
    expect(normalizeInput(transfer, 'CreateConnector', { AccessRole: ROLE, Tags: [null, { Key: 'k', Value: null }] })).toEqual({
      AccessRole: ROLE,
      Tags: [{ Key: 'k' }],
    });
    const connection = normalizeInput(glue, 'CreateConnection', {
      ConnectionInput: { Name: 'db', ConnectionType: 'JDBC', ConnectionProperties: { USERNAME: 'u', PASSWORD: null } },
    });
    expect(connection).toEqual({ ConnectionInput: { Name: 'db', ConnectionType: 'JDBC', ConnectionProperties: { USERNAME: 'u' } } });
  });

  it('drops unknown members, Object.prototype names included, at every level', () => {
    const body = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": 1, "toString": "x", "AccessRole": "' +
        ROLE +
        '", "SftpConfig": {"hasOwnProperty": null, "__proto__": [], "valueOf": {}}}',
    ) as unknown;
    const input = normalizeInput(transfer, 'CreateConnector', body) as Record<string, unknown>;
    expect(input).toEqual({ AccessRole: ROLE, SftpConfig: {} });
    expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
    expect(Object.keys(input)).toEqual(['AccessRole', 'SftpConfig']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a map key named __proto__ as an own key, never as the prototype', () => {
    const body = JSON.parse('{"ConnectionInput": {"Name": "db", "ConnectionType": "JDBC", "ConnectionProperties": {"__proto__": "x"}}}') as unknown;
    const input = normalizeInput(glue, 'CreateConnection', body) as { ConnectionInput: { ConnectionProperties: object } };
    const properties = input.ConnectionInput.ConnectionProperties;
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(Object.entries(properties)).toEqual([['__proto__', 'x']]);
  });

  it('keeps a value of the wrong type for the serialization check to report', () => {
    expect(normalizeInput(transfer, 'CreateConnector', { AccessRole: ROLE, Tags: { a: null } })).toEqual({ AccessRole: ROLE, Tags: { a: null } });
    const input = normalizeInput(transfer, 'CreateConnector', { AccessRole: ROLE, SftpConfig: 'not a structure' });
    expect(input).toEqual({ AccessRole: ROLE, SftpConfig: 'not a structure' });
    expect(validateInput(transfer, 'CreateConnector', input).serializationError).toBe('STRING_VALUE can not be converted to an Map');
  });

  it('ignores unknown members nested far deeper than the model', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 50_000; i++) deep = { a: deep };
    expect(normalizeInput(transfer, 'CreateConnector', { AccessRole: ROLE, Unknown: deep })).toEqual({ AccessRole: ROLE });
  });
});
