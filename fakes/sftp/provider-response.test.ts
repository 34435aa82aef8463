import { describe, expect, it } from 'vitest';
import { parseProviderResponse } from './provider-response.ts';

const ROLE = 'arn:aws:iam::123456789012:role/transfer-user';
const reasonFor = (body: unknown): string | undefined => {
  try {
    parseProviderResponse(body);
    return undefined;
  } catch (error) {
    return (error as { reason: string }).reason;
  }
};

describe('parseProviderResponse', () => {
  it('accepts a Role with a PATH or LOGICAL home', () => {
    expect(parseProviderResponse({ Role: ROLE })).toMatchObject({ homeDirectoryType: 'PATH', homeDirectory: '/' });
    expect(parseProviderResponse({ Role: ROLE, HomeDirectory: '/bucket/home/alice/' })).toMatchObject({ homeDirectory: '/bucket/home/alice' });
    const details = JSON.stringify([{ Entry: '/', Target: '/bucket/home/lara' }, { Entry: '/r/', Target: '/bucket/r' }]);
    expect(parseProviderResponse({ Role: ROLE, HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: details, PosixProfile: { Uid: 1, Gid: 2 } })).toMatchObject({
      homeDirectoryType: 'LOGICAL',
      mappings: [{ entry: '/', target: '/bucket/home/lara' }, { entry: '/r', target: '/bucket/r' }],
    });
  });

  it.each([
    [{}, 'no Role in response (login refused)'],
    [{ Role: '  ' }, 'no Role in response (login refused)'],
    [[{ Role: ROLE }], 'response is not a JSON object'],
    [{ Role: 42 }, 'Role must be a string'],
    [{ Role: ROLE, HomeDirectoryType: 'path' }, 'HomeDirectoryType must be PATH or LOGICAL, got "path"'],
    [{ Role: ROLE, HomeDirectory: 'bucket/home' }, `HomeDirectory must be an absolute path like '/bucket/home/alice', got "bucket/home"`],
    [{ Role: ROLE, HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: [{ Entry: '/', Target: '/b' }] }, 'HomeDirectoryDetails must be a string'],
    [{ Role: ROLE, HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: '[{"Entry":"/"}]' }, 'HomeDirectoryDetails[0] must be {Entry, Target} with absolute paths'],
    [{ Role: ROLE, HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: '[{' }, 'HomeDirectoryDetails is not valid JSON'],
    [{ Role: ROLE, HomeDirectoryType: 'LOGICAL' }, 'HomeDirectoryDetails is required with HomeDirectoryType LOGICAL'],
    [{ Role: ROLE, HomeDirectoryType: 'LOGICAL', HomeDirectory: '/b', HomeDirectoryDetails: '[{"Entry":"/","Target":"/b"}]' }, 'HomeDirectory must not be set with HomeDirectoryType LOGICAL; use HomeDirectoryDetails'],
    [{ Role: ROLE, PublicKeys: 'ssh-ed25519 AAAA' }, 'PublicKeys must be an array of strings'],
    [{ Role: ROLE, PosixProfile: { Uid: '1000', Gid: 1000 } }, 'PosixProfile must be an object with numeric Uid and Gid (and optional SecondaryGids)'],
    [{ Role: ROLE, Policy: { Version: '2012-10-17' } }, 'Policy must be a string (escaped JSON)'],
  ])('rejects %j: %s', (body, reason) => {
    expect(reasonFor(body)).toBe(reason);
  });
});
