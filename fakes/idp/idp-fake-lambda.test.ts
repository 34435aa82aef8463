import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { behaviours } from './behaviours/behaviours.ts';
import { IdpFake } from './idp-fake.ts';
import type { IdpUser } from './idp-user.ts';
import { IdpHttpStatusError, IdpInvalidResponseError, type TransferAuthEvent } from './lambda-bridge.ts';

const ROLE = 'arn:aws:iam::111122223333:role/transfer-user';
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGsUQvPmPz1x0vTQbZp3gL8bX2gXH1YkGk0h3r9qD7Xh v@x';
const uma: IdpUser = { username: 'uma@corp', password: 'pässwörd-✓', publicKeys: [KEY], role: ROLE, homeDirectory: '/bucket/home/uma' };
const event = (overrides: Partial<TransferAuthEvent> = {}): TransferAuthEvent => ({
  username: 'uma@corp',
  password: 'pässwörd-✓',
  protocol: 'SFTP',
  serverId: 's-0123456789abcdef0',
  sourceIp: '203.0.113.7',
  ...overrides,
});

describe('StartedIdpFake.invokeAsLambda', () => {
  it('returns the parsed session for a good password, {} for a bad one, keys without one', async () => {
    await using idp = await new IdpFake().withUsers([uma]).start();
    expect(await idp.invokeAsLambda(event())).toEqual({ Role: ROLE, HomeDirectory: '/bucket/home/uma' });
    expect(await idp.invokeAsLambda(event({ password: 'wrong' }))).toEqual({});
    const { password: _password, ...keyAuth } = event();
    expect(await idp.invokeAsLambda(keyAuth)).toEqual({ Role: ROLE, HomeDirectory: '/bucket/home/uma', PublicKeys: [KEY] });
  });

  it('throws Http<status>Error for a non-200 answer', async () => {
    await using idp = await new IdpFake().withBehaviour(...behaviours.httpError()).start();
    const error = await idp.invokeAsLambda(event()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdpHttpStatusError);
    expect(error).toMatchObject({ name: 'Http500Error', status: 500, body: '{"message":"Internal server error"}' });
  });

  it('throws Runtime.MarshalError for a body that is not JSON', async () => {
    await using idp = await new IdpFake().withBehaviour(...behaviours.invalidJson()).start();
    const error = await idp.invokeAsLambda(event()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdpInvalidResponseError);
    expect(error).toMatchObject({ name: 'Runtime.MarshalError' });
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('still delays with slow()', async () => {
    await using idp = await new IdpFake().withBehaviour(...behaviours.slow(150)).withUsers([uma]).start();
    const started = performance.now();
    expect(await idp.invokeAsLambda(event())).toHaveProperty('Role', ROLE);
    expect(performance.now() - started).toBeGreaterThanOrEqual(149);
  });

  it('rethrows what a handler throws, and refuses after stop()', async () => {
    const boom = http.get('*/servers/:serverId/users/:username/config', () => {
      throw new TypeError('handler bug');
    });
    const idp = await new IdpFake().withBehaviour(boom).start();
    await expect(idp.invokeAsLambda(event())).rejects.toThrow(TypeError);
    expect(idp.getTranscript().at(-1)?.detail).toMatchObject({ via: 'lambda', status: 'error' });
    await idp.stop();
    await expect(idp.invokeAsLambda(event())).rejects.toThrow(/after stop\(\)/);
  });

  it('validates the event', async () => {
    await using idp = await new IdpFake().start();
    await expect(idp.invokeAsLambda(event({ protocol: 'AS2' as never }))).rejects.toThrow(/invalid protocol "AS2"; use one of SFTP, FTP, FTPS/);
    await expect(idp.invokeAsLambda(event({ username: '' }))).rejects.toThrow(/invalid username/);
  });
});
