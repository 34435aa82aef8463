import { describe, expect, it } from 'vitest';
import { readProviderAnswer, type ProviderProblemCode } from '../../../../core/identity-provider/index.ts';
import { allMessages } from '../../messages/all-messages.ts';
import { MessageCatalogue } from '../../messages/message-catalogue.ts';
import { PROVIDER_PROBLEM_FIX } from './provider-problem-fix.ts';

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
  'public-keys': body({ PublicKeys: [42] }),
  'policy-not-string': body({ Policy: { Version: '2012-10-17' } }),
  'posix-profile': body({ PosixProfile: { Uid: '1000', Gid: 1000 } }),
};

describe('TestIdentityProvider answers for the shared provider-answer problems', () => {
  it.each(Object.entries(answers) as Array<[ProviderProblemCode, string]>)('%s: a short AWS-style Message, the values and the fix in the diagnosis only', (code, answer) => {
    const verdict = readProviderAnswer(answer);
    expect(verdict).toMatchObject({ kind: 'invalid', problem: { code } });
    if (verdict.kind !== 'invalid') return;
    const { text } = catalogue.render(`transfer.identity-provider.${code}`, verdict.problem.params);
    // AWS's answer carries no explanation of ours: no value of the answer, no fix.
    expect(text).toMatch(/^(Unable to parse Json|Invalid home directory)$/);
    for (const value of Object.values(verdict.problem.params)) expect(verdict.problem.reason).toContain(value);
    expect(PROVIDER_PROBLEM_FIX[code]).toBeTruthy();
  });

  it('answers exactly the observed "Unable to parse Json" for HomeDirectoryDetails given as an array (powertools-lambda-python#6396)', () => {
    const verdict = readProviderAnswer(answers['home-directory-details-not-string']);
    if (verdict.kind !== 'invalid') throw new Error(`expected an invalid verdict, got ${verdict.kind}`);
    expect(catalogue.render(`transfer.identity-provider.${verdict.problem.code}`)).toMatchObject({ text: 'Unable to parse Json', provenance: 'observed' });
    expect(PROVIDER_PROBLEM_FIX[verdict.problem.code]).toMatch(/^Stringify it/);
  });
});
