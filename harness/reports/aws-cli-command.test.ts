import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { awsCliCommand } from './aws-cli-command.ts';

const local = { endpointUrl: 'http://127.0.0.1:4566', region: 'us-east-1' };

describe('awsCliCommand', () => {
  it('builds the TestConnection command with endpoint and region', () => {
    expect(awsCliCommand('transfer:TestConnection', { ConnectorId: 'c-0123456789abcdef0' }, local).text).toBe(
      'aws transfer test-connection --connector-id c-0123456789abcdef0 --endpoint-url http://127.0.0.1:4566 --region us-east-1',
    );
  });

  it('leaves out the endpoint against real AWS', () => {
    expect(awsCliCommand('secretsmanager:GetSecretValue', { SecretId: 'partners/acme' }, { region: 'eu-west-1' }).text).toBe(
      'aws secretsmanager get-secret-value --secret-id partners/acme --region eu-west-1',
    );
  });

  it('kebab-cases multi-word operation and member names, acronyms included', () => {
    const command = awsCliCommand(
      'transfer:CreateConnector',
      { SftpConfig: { UserSecretId: 'x' }, IpAddressType: 'IPV4', AccessRole: 'arn:aws:iam::000000000000:role/r' },
      local,
    ).text;
    expect(command).toMatch(/^aws transfer create-connector --sftp-config /);
    expect(command).toContain(' --ip-address-type IPV4 ');
    expect(command).toContain(' --access-role arn:aws:iam::000000000000:role/r ');
    expect(awsCliCommand('secretsmanager:DeleteSecret', { ForceDeleteWithoutRecovery: true }, local).text).toContain(
      'aws secretsmanager delete-secret --force-delete-without-recovery true ',
    );
  });

  it('quotes JSON-valued members so a POSIX shell passes them through unchanged', () => {
    const config = { UserSecretId: 'arn:x', TrustedHostKeys: ['ssh-rsa AAAA'] };
    const command = awsCliCommand('transfer:UpdateConnector', { ConnectorId: 'c-1', SftpConfig: config }, local).text;
    expect(command).toContain(` --sftp-config '${JSON.stringify(config)}' `);
  });

  it('escapes single quotes inside quoted values', () => {
    const command = awsCliCommand('secretsmanager:CreateSecret', { Name: 'n', Description: "partner's key" }, local).text;
    expect(command).toContain(` --description 'partner'\\''s key' `);
  });

  it.each([
    ['a JSON object', { Keys: ["it's", 'a b', '$HOME', '`x`', '\\'] }],
    ['a string with shell syntax', "O'Brien; rm -rf / && echo $PATH"],
    ['a plain word', 'c-0123456789abcdef0'],
    ['a string with control characters', "evil\u001b[2J\u009b31m\u007f\u2028 it's \\x41"],
    ['a JSON object with control characters', { Keys: ['\u001b[2J', '\u0085\u2029'], PASSWORD: 'pw' }],
  ])('produces an argument a real shell reads back unchanged, with no control character printed: %s', (_what, value) => {
    const { text: command } = awsCliCommand('transfer:TestConnection', { Value: value }, { region: 'r' });
    expect(command).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    const argument = command.slice('aws transfer test-connection --value '.length, -' --region r'.length);
    const echoed = execFileSync('bash', ['-c', `printf '%s' ${argument}`], { encoding: 'utf8', env: { ...process.env, PH_PASSWORD: 'pw' } });
    if (typeof value === 'string') expect(echoed).toBe(value);
    else expect(JSON.parse(echoed)).toEqual(value);
  });

  it('skips undefined members and prints numbers bare', () => {
    expect(awsCliCommand('transfer:ListConnectors', { MaxResults: 5, NextToken: undefined }, local).text).toBe(
      'aws transfer list-connectors --max-results 5 --endpoint-url http://127.0.0.1:4566 --region us-east-1',
    );
  });

  it('never prints a secret member: it becomes a shell variable the user sets', () => {
    const command = awsCliCommand('transfer:TestIdentityProvider', { ServerId: 's-0123456789abcdef0', UserName: 'alice', UserPassword: 'Canary-pw-1' }, local);
    expect(command.text).toBe(
      'aws transfer test-identity-provider --server-id s-0123456789abcdef0 --user-name alice --user-password "$PH_USER_PASSWORD" --endpoint-url http://127.0.0.1:4566 --region us-east-1',
    );
    expect(command.secretVariables).toEqual(['PH_USER_PASSWORD']);
  });
});

describe('awsCliCommand with nested secrets', () => {
  it('turns a password inside a JSON argument into a shell variable a real shell expands', () => {
    const input = { TestConnectionInput: { ConnectionType: 'JDBC', ConnectionProperties: { USERNAME: "o'neil", PASSWORD: 'Canary-pw-2', JDBC_CONNECTION_URL: 'jdbc:postgresql://h:5432/$db' } } };
    const command = awsCliCommand('glue:TestConnection', input, { region: 'r' });
    expect(command.text).not.toContain('Canary-pw-2');
    expect(command.secretVariables).toEqual(['PH_PASSWORD']);
    const argument = command.text.slice('aws glue test-connection --test-connection-input '.length, -' --region r'.length);
    const echoed = execFileSync('sh', ['-c', `printf '%s' ${argument}`], { encoding: 'utf8', env: { ...process.env, PH_PASSWORD: 'Canary-pw-2' } });
    expect(JSON.parse(echoed)).toEqual(input.TestConnectionInput);
  });
});
