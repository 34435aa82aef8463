import { describe, expect, it } from 'vitest';
import type { IdpTestResult } from './emulated-idp-server.ts';
import type { IdpDiagnosis } from './idp-diagnosis.ts';
import { idpEdgeCases, OUTSIDE_IP } from './idp-edge-cases.ts';
import type { IdpProbeUser } from './idp-users-file.ts';
import { judgeUser } from './judge-idp-answer.ts';
import type { IdpProbeReport } from './probe-identity-provider.ts';
import { renderIdpJunit } from './render-idp-junit.ts';
import { renderIdpTable } from './render-idp-table.ts';

const ROLE = 'arn:aws:iam::111122223333:role/transfer-user';
const success = (publicKeys = 0): IdpDiagnosis => ({ kind: 'success', role: ROLE, homeDirectoryType: 'PATH', homeDirectory: '/b/alice', publicKeys });
const result = (diagnosis: IdpDiagnosis): IdpTestResult => ({ answer: { statusCode: diagnosis.kind === 'provider-error' ? 504 : 200, message: '', response: '', url: 'u' }, diagnosis });
const timeout: IdpDiagnosis = { kind: 'provider-error', code: 'timeout', reason: 'no answer in time' };
const users: IdpProbeUser[] = [
  { username: 'kate', protocol: 'SFTP', expect: 'success' },
  { username: 'alice', password: 'Alice-Pw-1', protocol: 'FTPS', sourceIp: '198.51.100.7', expect: 'success' },
];

describe('idpEdgeCases', () => {
  const { cases, skipped } = idpEdgeCases(users, 'r4nd0m');
  const byName = new Map(cases.map((edge) => [edge.name, edge]));
  const judge = (name: string, diagnosis: IdpDiagnosis, earlier = new Map<string, IdpTestResult>()) => byName.get(name)!.judge(result(diagnosis), earlier);

  it('takes the first user with a password as the base user, keeping its protocol and source IP', () => {
    expect(skipped).toEqual([]);
    expect(byName.get('password with edge spaces')!.attempt).toEqual({ username: 'alice', password: ' Alice-Pw-1 ', protocol: 'FTPS', sourceIp: '198.51.100.7' });
    expect(byName.get('password beyond Latin-1')!.attempt.password).toBe('密码-€-r4nd0m');
    expect(byName.get(`source IP ${OUTSIDE_IP}`)!.attempt).toMatchObject({ username: 'alice', sourceIp: OUTSIDE_IP });
    expect(byName.get('public-key login')!.attempt).toEqual({ username: 'alice', protocol: 'FTPS', sourceIp: '198.51.100.7' });
    expect(byName.get('base user over FTP')!.attempt.protocol).toBe('FTP');
  });

  it('an unknown user must be denied: a success or a timeout is a problem, a name AWS refuses a warning', () => {
    expect(judge("user name with '@'", { kind: 'failed-login' }).verdict).toBe('as-expected');
    expect(judge("user name with '@'", success())).toEqual({ verdict: 'problem', explanation: 'accepted a user no provider should know' });
    expect(judge("user name with '.'", timeout).verdict).toBe('problem');
    expect(judge('user name with a space', { kind: 'refused', error: 'ValidationException', reason: 'pattern' }).verdict).toBe('warning');
    expect(judge('password beyond Latin-1', { kind: 'invalid', code: 'invalid-json', reason: 'not JSON' }).verdict).toBe('problem');
  });

  it('a key login with no PublicKeys is a warning, and so is a protocol answered unlike SFTP', () => {
    expect(judge('public-key login', success(0)).verdict).toBe('warning');
    expect(judge('public-key login', success(2)).explanation).toBe("answered 2 public keys for Transfer to check the client's key against");
    const earlier = new Map([['base user over SFTP', result(success())]]);
    expect(judge('base user over FTPS', success(), earlier).verdict).toBe('as-expected');
    expect(judge('base user over FTP', { kind: 'failed-login' }, earlier)).toMatchObject({ verdict: 'warning', explanation: expect.stringMatching(/^answers differently over FTP \(failed-login\) than over SFTP \(success\)/) });
    expect(judge('base user over FTP', timeout, earlier).verdict).toBe('problem');
  });

  it('without a password user, only the user names and a key login run; the rest is skipped with the reason', () => {
    const keysOnly = idpEdgeCases([users[0]!]);
    expect(keysOnly.cases.at(-1)!.attempt).toEqual({ username: 'kate', protocol: 'SFTP' });
    expect(keysOnly.skipped.map((edge) => edge.name)).toEqual(['password with edge spaces', 'password beyond Latin-1', 'base user over SFTP', 'base user over FTP', 'base user over FTPS', `source IP ${OUTSIDE_IP}`]);
  });
});

describe('judgeUser', () => {
  it('holds the answer to the expectation', () => {
    expect(judgeUser(result(success()), 'success', true).verdict).toBe('as-expected');
    expect(judgeUser(result({ kind: 'failed-login' }), 'success', true).verdict).toBe('problem');
    expect(judgeUser(result(success()), 'failed-login', true).explanation).toMatch(/let in a login it should refuse/);
    expect(judgeUser(result(success(0)), 'success', false).verdict).toBe('warning');
    expect(judgeUser(result(timeout), 'failed-login', true).verdict).toBe('problem');
  });
});

describe('renderIdpTable and renderIdpJunit', () => {
  it('never send a provider’s control characters to the terminal or the XML', () => {
    const hostile = 'evil\u001b[2J\u0007\u009b31m';
    const entry = { username: `x${hostile}`, protocol: 'SFTP', sourceIp: null, passwordLogin: true, answer: { statusCode: 500, message: hostile, response: `{"a":"${hostile}"}`, url: 'u' }, diagnosis: timeout, verdict: 'problem' as const, explanation: hostile };
    const report: IdpProbeReport = { target: 'https://idp.example.com/prod', type: 'API_GATEWAY', users: [{ ...entry, expected: 'success' }], edgeCases: [{ name: 'n', ...entry }], skippedEdgeCases: [], reachable: true };
    const table = renderIdpTable(report);
    expect(table).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(table).toContain('Message "evil\\u001b[2J\\u0007\\u009b31m"');
    expect(table).toMatch(/^2 attempts: 0 as expected, 0 warnings, 2 problems$/m);
    const xml = renderIdpJunit(report);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toContain('tests="2" failures="2"');
  });
});
