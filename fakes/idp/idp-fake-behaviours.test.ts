import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { behaviours } from './behaviours/behaviours.ts';
import { TRUNCATED_JSON } from './behaviours/invalid-json.ts';
import { MALFORMED_KINDS, type MalformedKind } from './behaviours/malformed.ts';
import { IdpFake } from './idp-fake.ts';
import type { IdpUser } from './idp-user.ts';
import { askIdp } from './idp-test-client.ts';

const ROLE = 'arn:aws:iam::111122223333:role/transfer-user';
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGsUQvPmPz1x0vTQbZp3gL8bX2gXH1YkGk0h3r9qD7Xh bob@laptop';
const bob: IdpUser = { username: 'bob', password: 'bob-pw', publicKeys: [KEY], role: ROLE, homeDirectory: '/bucket/home/bob' };
const alice: IdpUser = { username: 'alice', password: 'alice-pw', role: ROLE, homeDirectory: '/bucket/home/alice' };

describe('behaviours', () => {
  it('httpError answers 500 like API Gateway by default, or the given status and body', async () => {
    await using idp = await new IdpFake().withBehaviour(...behaviours.httpError()).start();
    const answer = await askIdp(idp, { username: 'bob', password: 'bob-pw' });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual({ message: 'Internal server error' });
    idp.use(...behaviours.httpError(502, 'Bad Gateway'));
    const custom = await askIdp(idp, { username: 'bob', password: 'bob-pw' });
    expect([custom.status, custom.text]).toEqual([502, 'Bad Gateway']);
    expect(() => behaviours.httpError(99)).toThrow(/status must be an integer 200..599/);
  });

  it('invalidJson answers 200 with a truncated JSON body', async () => {
    await using idp = await new IdpFake().withBehaviour(...behaviours.invalidJson()).start();
    const answer = await askIdp(idp, { username: 'bob', password: 'bob-pw' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.text).toBe(TRUNCATED_JSON);
    expect(() => JSON.parse(answer.text)).toThrow(SyntaxError);
  });

  it('slow waits, then delegates to its inner handlers', async () => {
    await using idp = await new IdpFake().withBehaviour(...behaviours.slow(150, behaviours.userTable({ users: [bob] }))).start();
    const started = performance.now();
    const answer = await askIdp(idp, { username: 'bob', password: 'bob-pw' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(149);
    expect(answer.json).toHaveProperty('Role', ROLE);
  });

  it('slow with no inner handler falls through to the handlers after it', async () => {
    await using idp = await new IdpFake().withBehaviour(...behaviours.slow(150)).withUsers([bob]).start();
    const started = performance.now();
    expect((await askIdp(idp, { username: 'bob' })).json).toHaveProperty('PublicKeys', [KEY]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(149);
  });

  const expectations: Record<MalformedKind, (body: Record<string, unknown>) => void> = {
    'home-directory-details-array': (body) => {
      expect(body.HomeDirectoryType).toBe('LOGICAL');
      expect(body.HomeDirectoryDetails).toEqual([{ Entry: '/', Target: '/bucket/home/bob' }]);
      expect(body).not.toHaveProperty('HomeDirectory');
    },
    'home-directory-with-logical': (body) => {
      expect(body).toMatchObject({ HomeDirectoryType: 'LOGICAL', HomeDirectory: '/bucket/home/bob' });
      expect(JSON.parse(body.HomeDirectoryDetails as string)).toEqual([{ Entry: '/', Target: '/bucket/home/bob' }]);
    },
    'public-keys-string': (body) => expect(body.PublicKeys).toBe(KEY),
    'policy-object': (body) => expect(body.Policy).toMatchObject({ Version: '2012-10-17' }),
    'posix-profile-string': (body) => expect(JSON.parse(body.PosixProfile as string)).toEqual({ Uid: 1000, Gid: 1000 }),
    'posix-uid-string': (body) => expect(body.PosixProfile).toEqual({ Uid: '1000', Gid: 1000 }),
    'missing-role': (body) => {
      expect(body).not.toHaveProperty('Role');
      expect(body.HomeDirectory).toBe('/bucket/home/bob');
    },
    'blank-role': (body) => expect(body).toMatchObject({ Role: '', HomeDirectory: '/bucket/home/bob' }),
    'home-directory-details-bad-entries': (body) => {
      expect(body.HomeDirectoryType).toBe('LOGICAL');
      expect(JSON.parse(body.HomeDirectoryDetails as string)).toEqual([{ Entry: '/' }]);
    },
  };

  it.each(MALFORMED_KINDS)('malformed(%s) logs the user in with one shape mistake', async (kind) => {
    await using idp = await new IdpFake().withBehaviour(...behaviours.malformed(kind, bob)).withUsers([alice]).start();
    const answer = await askIdp(idp, { username: 'bob', password: 'bob-pw' });
    expect(answer.status).toBe(200);
    expectations[kind](answer.json as Record<string, unknown>);
    // A wrong password is still refused, and other users fall through to the next handler.
    expect((await askIdp(idp, { username: 'bob', password: 'wrong' })).json).toEqual({});
    expect((await askIdp(idp, { username: 'alice', password: 'alice-pw' })).json).toEqual({ Role: ROLE, HomeDirectory: '/bucket/home/alice' });
  });

  it('malformed explains what it needs', () => {
    expect(() => behaviours.malformed('nope' as MalformedKind, bob)).toThrow(/unknown kind "nope"; use one of home-directory-details-array/);
    expect(() => behaviours.malformed('public-keys-string', alice)).toThrow(/user 'alice' needs publicKeys/);
  });

  it('custom msw handlers see the params and query Transfer sends', async () => {
    const seen: unknown[] = [];
    const spy = http.get('*/servers/:serverId/users/:username/config', ({ request, params }) => {
      seen.push({ serverId: params.serverId, username: params.username, protocol: new URL(request.url).searchParams.get('protocol') });
      return HttpResponse.json({ Role: ROLE, HomeDirectory: '/x' });
    });
    await using idp = await new IdpFake().withBehaviour(spy).start();
    await askIdp(idp, { username: 'a.b@example.com', password: 'x', serverId: 's-00000000000000001', protocol: 'FTPS' });
    expect(seen).toEqual([{ serverId: 's-00000000000000001', username: 'a.b@example.com', protocol: 'FTPS' }]);
  });
});
