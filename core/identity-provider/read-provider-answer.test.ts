import { describe, expect, it } from 'vitest';
import { readLambdaAnswer, readProviderAnswer } from './read-provider-answer.ts';

const ROLE = 'arn:aws:iam::000000000000:role/transfer-user';
const body = (answer: Record<string, unknown>) => JSON.stringify({ Role: ROLE, ...answer });
const details = (entries: unknown) => JSON.stringify(entries);

describe('readProviderAnswer: success', () => {
  it.each([
    ['a minimal {Role}', JSON.stringify({ Role: ROLE }), { role: ROLE, homeDirectoryType: 'PATH', publicKeys: [] }],
    [
      'a full PATH answer',
      body({
        HomeDirectoryType: 'PATH',
        HomeDirectory: '/bucket/home/alice',
        PublicKeys: ['ssh-ed25519 AAAAC3Nza alice'],
        Policy: JSON.stringify({ Version: '2012-10-17', Statement: [] }),
        PosixProfile: { Uid: 1000, Gid: 1000, SecondaryGids: [100, 101] },
      }),
      { role: ROLE, homeDirectoryType: 'PATH', homeDirectory: '/bucket/home/alice', publicKeys: ['ssh-ed25519 AAAAC3Nza alice'] },
    ],
    [
      'a full LOGICAL answer',
      body({
        HomeDirectoryType: 'LOGICAL',
        HomeDirectoryDetails: details([
          { Entry: '/', Target: '/bucket/home/alice' },
          { Entry: '/shared', Target: '/bucket/shared' },
        ]),
      }),
      {
        role: ROLE,
        homeDirectoryType: 'LOGICAL',
        homeDirectoryDetails: [
          { entry: '/', target: '/bucket/home/alice' },
          { entry: '/shared', target: '/bucket/shared' },
        ],
        publicKeys: [],
      },
    ],
    ['PublicKeys [""] as in the AWS examples', body({ PublicKeys: [''] }), { publicKeys: [''] }],
    ['PosixProfile at both ends of the id range', body({ PosixProfile: { Uid: 0, Gid: 4294967295 } }), {}],
    ['an empty HomeDirectory (the API pattern allows it)', body({ HomeDirectory: '' }), { homeDirectoryType: 'PATH' }],
    ['HomeDirectoryDetails with no HomeDirectoryType', body({ HomeDirectoryDetails: details([{ Entry: '/', Target: '/b' }]) }), { homeDirectoryType: 'PATH', homeDirectoryDetails: [{ entry: '/', target: '/b' }] }],
  ])('accepts %s', (_name, answer, session) => {
    const verdict = readProviderAnswer(answer);
    expect(verdict.kind).toBe('success');
    expect(verdict).toMatchObject({ session });
  });

  it('reads a Lambda return value as its JSON serialization', () => {
    expect(readLambdaAnswer({ Role: ROLE })).toMatchObject({ kind: 'success', session: { role: ROLE } });
    // A handler that returns a JSON *string* hands Transfer a string, not an object.
    expect(readLambdaAnswer(JSON.stringify({ Role: ROLE }))).toMatchObject({ kind: 'invalid', problem: { code: 'not-an-object' } });
    expect(readLambdaAnswer(undefined)).toMatchObject({ kind: 'invalid', problem: { code: 'not-an-object', params: { got: 'null' } } });
  });
});

describe('readProviderAnswer: failed login (no usable Role)', () => {
  it.each([
    ['{}', '{}'],
    ['a blank Role', JSON.stringify({ Role: '' })],
    ['a whitespace Role', JSON.stringify({ Role: '   ' })],
    ['a numeric Role', JSON.stringify({ Role: 42 })],
    ['a null Role', JSON.stringify({ Role: null })],
    ['a mis-shaped answer without Role', JSON.stringify({ HomeDirectoryType: 'HOME', PublicKeys: 'x' })],
  ])('treats %s as a failed login', (_name, answer) => {
    expect(readProviderAnswer(answer)).toEqual({ kind: 'failed-login' });
  });
});

interface InvalidCase {
  name: string;
  body: string;
  id: string;
  params: Record<string, unknown>;
}

const invalidCases: InvalidCase[] = [
  { name: 'text that is not JSON', body: 'Role=admin', id: 'invalid-json', params: { reason: expect.stringMatching(/JSON|token/i) } },
  { name: 'an empty body', body: '', id: 'invalid-json', params: { reason: expect.stringMatching(/JSON/i) } },
  { name: 'a top-level array', body: '[{"Role":"r"}]', id: 'not-an-object', params: { got: 'a JSON array [{"Role":"r"}]' } },
  { name: 'a top-level null', body: 'null', id: 'not-an-object', params: { got: 'null' } },
  { name: 'a top-level number', body: '42', id: 'not-an-object', params: { got: 'a number 42' } },
  { name: 'a top-level string', body: '"ok"', id: 'not-an-object', params: { got: 'a string "ok"' } },
  { name: "HomeDirectoryType 'HOME'", body: body({ HomeDirectoryType: 'HOME' }), id: 'home-directory-type', params: { got: 'a string "HOME"' } },
  { name: 'a numeric HomeDirectory', body: body({ HomeDirectory: 5 }), id: 'home-directory-not-string', params: { got: 'a number 5' } },
  {
    name: 'LOGICAL with HomeDirectory',
    body: body({ HomeDirectoryType: 'LOGICAL', HomeDirectory: '/b', HomeDirectoryDetails: details([{ Entry: '/', Target: '/b' }]) }),
    id: 'home-directory-with-logical',
    params: {},
  },
  { name: 'LOGICAL without HomeDirectoryDetails', body: body({ HomeDirectoryType: 'LOGICAL' }), id: 'logical-without-details', params: {} },
  {
    name: 'HomeDirectoryDetails as an array (powertools #6396)',
    body: body({ HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: [{ Entry: '/', Target: '/b' }] }),
    id: 'home-directory-details-not-string',
    params: { got: 'a JSON array [{"Entry":"/","Target":"/b"}]' },
  },
  {
    name: 'HomeDirectoryDetails as an object',
    body: body({ HomeDirectoryDetails: { Entry: '/', Target: '/b' } }),
    id: 'home-directory-details-not-string',
    params: { got: 'a JSON object {"Entry":"/","Target":"/b"}' },
  },
  {
    name: 'HomeDirectoryDetails text that is not JSON',
    body: body({ HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: "[{Entry: '/'}]" }),
    id: 'home-directory-details-invalid',
    params: { reason: expect.stringMatching(/^it is not JSON \(.+\)$/) },
  },
  {
    name: 'HomeDirectoryDetails holding an empty array',
    body: body({ HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: '[]' }),
    id: 'home-directory-details-invalid',
    params: { reason: 'it holds a JSON array [], not a non-empty array' },
  },
  {
    name: 'HomeDirectoryDetails holding a single object',
    body: body({ HomeDirectoryDetails: details({ Entry: '/', Target: '/b' }) }),
    id: 'home-directory-details-invalid',
    params: { reason: 'it holds a JSON object {"Entry":"/","Target":"/b"}, not a non-empty array' },
  },
  {
    name: 'a HomeDirectoryDetails item without Target',
    body: body({ HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: details([{ Entry: '/' }]) }),
    id: 'home-directory-details-invalid',
    params: { reason: 'item 0 is {"Entry":"/"}, which lacks a string Entry or Target' },
  },
  {
    name: 'a later HomeDirectoryDetails item that is not an object',
    body: body({ HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: details([{ Entry: '/', Target: '/b' }, '/c']) }),
    id: 'home-directory-details-invalid',
    params: { reason: 'item 1 is "/c", which lacks a string Entry or Target' },
  },
  { name: 'PublicKeys as an object', body: body({ PublicKeys: { key: 'ssh-rsa AAAA' } }), id: 'public-keys', params: { got: 'a JSON object {"key":"ssh-rsa AAAA"}' } },
  { name: 'PublicKeys with a number', body: body({ PublicKeys: ['ssh-rsa AAAA', 7] }), id: 'public-keys', params: { got: 'a JSON array ["ssh-rsa AAAA",7]' } },
  {
    name: 'Policy as an object',
    body: body({ Policy: { Version: '2012-10-17' } }),
    id: 'policy-not-string',
    params: { got: 'a JSON object {"Version":"2012-10-17"}' },
  },
  { name: 'PosixProfile as a string', body: body({ PosixProfile: '1000:1000' }), id: 'posix-profile', params: { got: 'a string "1000:1000"' } },
  {
    name: 'PosixProfile with Uid "1000"',
    body: body({ PosixProfile: { Uid: '1000', Gid: 1000 } }),
    id: 'posix-profile',
    params: { got: 'a JSON object {"Uid":"1000","Gid":1000}' },
  },
  {
    name: 'PosixProfile with SecondaryGids ["1"]',
    body: body({ PosixProfile: { Uid: 1000, Gid: 1000, SecondaryGids: ['1'] } }),
    id: 'posix-profile',
    params: { got: 'a JSON object {"Uid":1000,"Gid":1000,"SecondaryGids":["1"]}' },
  },
  { name: 'PosixProfile without Gid', body: body({ PosixProfile: { Uid: 1000 } }), id: 'posix-profile', params: { got: 'a JSON object {"Uid":1000}' } },
  { name: 'PosixProfile null', body: body({ PosixProfile: null }), id: 'posix-profile', params: { got: 'null' } },
  { name: 'PosixProfile as an array', body: body({ PosixProfile: [1000, 1000] }), id: 'posix-profile', params: { got: 'a JSON array [1000,1000]' } },
  {
    name: 'a bad HomeDirectoryType and bad PublicKeys (home is checked first)',
    body: body({ HomeDirectoryType: 'home', PublicKeys: 'x' }),
    id: 'home-directory-type',
    params: { got: 'a string "home"' },
  },
  { name: 'a relative HomeDirectory', body: body({ HomeDirectory: 'bucket/home' }), id: 'home-directory-not-absolute', params: { got: 'a string "bucket/home"' } },
  { name: 'HomeDirectoryType null', body: body({ HomeDirectoryType: null }), id: 'home-directory-type', params: { got: 'null' } },
  {
    name: 'a relative HomeDirectoryDetails Target',
    body: body({ HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: details([{ Entry: '/', Target: 'b' }]) }),
    id: 'home-directory-details-invalid',
    params: { reason: 'item 0 is {"Entry":"/","Target":"b"}, whose Entry and Target must both start with "/"' },
  },
  {
    name: 'one Entry mapped twice',
    body: body({ HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: details([{ Entry: '/r', Target: '/a' }, { Entry: '/r', Target: '/b' }]) }),
    id: 'home-directory-details-invalid',
    params: { reason: 'Entry "/r" appears twice' },
  },
  { name: 'a negative Uid', body: body({ PosixProfile: { Uid: -1, Gid: 0 } }), id: 'posix-profile', params: { got: 'a JSON object {"Uid":-1,"Gid":0}' } },
  { name: 'a Gid beyond 2^32-1', body: body({ PosixProfile: { Uid: 0, Gid: 4294967296 } }), id: 'posix-profile', params: { got: 'a JSON object {"Uid":0,"Gid":4294967296}' } },
  {
    name: '17 SecondaryGids',
    body: body({ PosixProfile: { Uid: 0, Gid: 0, SecondaryGids: Array.from({ length: 17 }, (_, i) => i) } }),
    id: 'posix-profile',
    params: { got: expect.stringMatching(/^a JSON object \{"Uid":0,"Gid":0,"SecondaryGids":\[0,1,/) },
  },
];

describe('readProviderAnswer: invalid answers', () => {
  it.each(invalidCases)('explains $name', ({ body: answer, id, params }) => {
    expect(readProviderAnswer(answer)).toEqual({ kind: 'invalid', problem: { code: id, params, reason: expect.any(String) } });
  });

  it.each(invalidCases)('gives $name a one-line reason that names the field and the values', ({ body: answer }) => {
    const verdict = readProviderAnswer(answer);
    if (verdict.kind !== 'invalid') throw new Error(`expected an invalid verdict, got ${verdict.kind}`);
    expect(verdict.problem.reason).not.toMatch(/\n|undefined/);
    for (const value of Object.values(verdict.problem.params)) expect(verdict.problem.reason).toContain(value);
  });

  it('truncates a long value it describes to 120 characters', () => {
    const home = `/bucket/${'a'.repeat(300)}`;
    const verdict = readProviderAnswer(body({ HomeDirectoryType: home }));
    if (verdict.kind !== 'invalid') throw new Error(`expected an invalid verdict, got ${verdict.kind}`);
    expect(verdict.problem.params.got).toBe(`a string ${JSON.stringify(home).slice(0, 117)}...`);
  });
});

describe('readProviderAnswer: what the login uses', () => {
  it('takes PublicKeys as the one string AWS\'s own examples answer ("[public-key]", API_TestIdentityProvider example 4)', () => {
    expect(readProviderAnswer(body({ PublicKeys: '[public-key]' }))).toMatchObject({ kind: 'success', session: { publicKeys: ['public-key'] } });
    expect(readProviderAnswer(body({ PublicKeys: '[ssh-rsa AAAA1, ssh-ed25519 AAAA2]' }))).toMatchObject({ kind: 'success', session: { publicKeys: ['ssh-rsa AAAA1', 'ssh-ed25519 AAAA2'] } });
  });

  it('does not fail a password login on PublicKeys, which Transfer reads for key logins only, and reports them as unused', () => {
    const answer = body({ PublicKeys: [7] });
    expect(readProviderAnswer(answer)).toMatchObject({ kind: 'invalid', problem: { code: 'public-keys' } });
    expect(readProviderAnswer(answer, { keyLogin: true })).toMatchObject({ kind: 'invalid', problem: { code: 'public-keys' } });
    expect(readProviderAnswer(answer, { keyLogin: false })).toMatchObject({ kind: 'success', unused: [{ code: 'public-keys' }] });
  });
});

describe('readProviderAnswer: PosixProfile on S3 and EFS servers', () => {
  it('checks PosixProfile only where Transfer reads it (EFS), reporting it as unused on S3', () => {
    const answer = JSON.stringify({ Role: 'arn:aws:iam::000000000000:role/r', PosixProfile: '{"Uid":1}' });
    expect(readProviderAnswer(answer)).toMatchObject({ kind: 'invalid', problem: { code: 'posix-profile' } });
    expect(readProviderAnswer(answer, { efs: true })).toMatchObject({ kind: 'invalid', problem: { code: 'posix-profile' } });
    expect(readProviderAnswer(answer, { efs: false })).toMatchObject({ kind: 'success', unused: [{ code: 'posix-profile' }] });
  });
});
