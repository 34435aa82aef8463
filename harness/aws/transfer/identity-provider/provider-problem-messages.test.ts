import { describe, expect, it } from 'vitest';
import { readProviderAnswer, type ProviderProblemCode } from '../../../../core/identity-provider/index.ts';
import { allMessages } from '../../messages/all-messages.ts';
import { MessageCatalogue } from '../../messages/message-catalogue.ts';

const ROLE = 'arn:aws:iam::000000000000:role/transfer-user';
const catalogue = new MessageCatalogue(allMessages);
const body = (answer: Record<string, unknown>) => JSON.stringify({ Role: ROLE, ...answer });

/** One provider answer per problem the shared reader can find. */
const answers: Record<ProviderProblemCode, string> = {
  'invalid-json': 'Role=admin',
  'not-an-object': '[{"Role":"r"}]',
  'home-directory-type': body({ HomeDirectoryType: 'HOME' }),
  'home-directory-not-string': body({ HomeDirectory: 5 }),
  'home-directory-not-absolute': body({ HomeDirectory: 'bucket/home' }),
  'home-directory-with-logical': body({ HomeDirectoryType: 'LOGICAL', HomeDirectory: '/b', HomeDirectoryDetails: '[{"Entry":"/","Target":"/b"}]' }),
  'logical-without-details': body({ HomeDirectoryType: 'LOGICAL' }),
  'home-directory-details-not-string': body({ HomeDirectoryDetails: [{ Entry: '/', Target: '/b' }] }),
  'home-directory-details-invalid': body({ HomeDirectoryDetails: '[{"Entry":"/"}]' }),
  'public-keys': body({ PublicKeys: 'ssh-rsa AAAA' }),
  'policy-not-string': body({ Policy: { Version: '2012-10-17' } }),
  'posix-profile': body({ PosixProfile: { Uid: '1000', Gid: 1000 } }),
};

describe('TestIdentityProvider messages for the shared provider-answer problems', () => {
  it.each(Object.entries(answers) as Array<[ProviderProblemCode, string]>)('%s has a catalogue entry that renders every value', (code, answer) => {
    const verdict = readProviderAnswer(answer);
    expect(verdict).toMatchObject({ kind: 'invalid', problem: { code } });
    if (verdict.kind !== 'invalid') return;
    const { text, provenance } = catalogue.render(`transfer.identity-provider.${code}`, verdict.problem.params);
    expect(provenance).toBe('inferred');
    expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
    for (const value of Object.values(verdict.problem.params)) expect(text).toContain(value);
  });

  it('keeps the observed "Unable to parse Json" prefix for HomeDirectoryDetails given as an array', () => {
    const verdict = readProviderAnswer(answers['home-directory-details-not-string']);
    if (verdict.kind !== 'invalid') throw new Error(`expected an invalid verdict, got ${verdict.kind}`);
    expect(catalogue.render(`transfer.identity-provider.${verdict.problem.code}`, verdict.problem.params).text).toMatch(
      /^Unable to parse Json: HomeDirectoryDetails must be a string holding a JSON array, got a JSON array \[\{"Entry":"\/","Target":"\/b"\}\]\. Stringify it/,
    );
  });
});
