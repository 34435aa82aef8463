import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineFakeKind } from '../../../fakes/shared/define-fake-kind.ts';
import { FakeKindError } from '../../../fakes/shared/fake-kind-error.ts';
import { scenarioSchemaFor } from '../scenario-schema.ts';
import { echoKind } from './__fixtures__/echo-kind.ts';
import { FAKE_KINDS } from './fake-kinds.ts';

const scenarioWith = (fakes: Record<string, unknown>) => ({
  name: 'registry test',
  given: { fakes },
  when: { operation: 'transfer:TestConnection', input: { ConnectorId: 'c-0123456789abcdef0' } },
  then: { status: 'OK' },
});

function refusal(register: () => unknown): FakeKindError {
  try {
    register();
  } catch (error) {
    expect(error).toBeInstanceOf(FakeKindError);
    return error as FakeKindError;
  }
  throw new Error('expected a FakeKindError');
}

describe('the built-in kinds', () => {
  it('are registered once each, in the order messages list them', () => {
    expect(FAKE_KINDS.names).toEqual(['sftp', 'idp', 'postgres', 'mysql', 'salesforce']);
  });

  it('map the run runtime onto the runtimes each kind has, unless the config names one', () => {
    const runtime = (config: { kind: string; runtime?: 'embedded' | 'process' | 'container' }, run: 'embedded' | 'process' | 'container') =>
      FAKE_KINDS.runtimeFor(config, run);
    expect(runtime({ kind: 'sftp' }, 'container')).toBe('container');
    expect(runtime({ kind: 'postgres' }, 'process')).toBe('process');
    expect(runtime({ kind: 'mysql' }, 'embedded')).toBe('process');
    expect(runtime({ kind: 'idp' }, 'process')).toBe('embedded');
    expect(runtime({ kind: 'salesforce' }, 'container')).toBe('embedded');
    expect(runtime({ kind: 'sftp', runtime: 'process' }, 'embedded')).toBe('process');
  });

  it('say why a fake cannot run here', () => {
    expect(FAKE_KINDS.unavailableReason({ kind: 'sftp' }, 'embedded')).toBeUndefined();
    expect(FAKE_KINDS.unavailableReason({ kind: 'sftp', identityProvider: { url: 'http://127.0.0.1:1' } }, 'process')).toBe(
      'identityProvider and storage need the embedded SFTP fake, not runtime process',
    );
    expect(FAKE_KINDS.unavailableReason({ kind: 'mysql', runtime: 'embedded' }, 'process')).toBe('kind mysql has no runtime embedded; it runs process or container');
  });

  it('make a schema that names every kind when one is unknown', () => {
    const parsed = scenarioSchemaFor(FAKE_KINDS).safeParse(scenarioWith({ partner: { kind: 'ftp' } }));
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['given', 'fakes', 'partner', 'kind'], message: "Invalid discriminator value. Expected 'sftp' | 'idp' | 'postgres' | 'mysql' | 'salesforce'" }),
    ]);
  });
});

describe('a user kind', () => {
  const kinds = FAKE_KINDS.withKinds([echoKind]);

  it('joins the schema of given.fakes, checked like the built-in ones, and leaves the built-in registry as it was', () => {
    expect(kinds.names).toEqual(['sftp', 'idp', 'postgres', 'mysql', 'salesforce', 'echo']);
    expect(FAKE_KINDS.names).not.toContain('echo');
    const schema = scenarioSchemaFor(kinds);
    expect(scenarioSchemaFor(kinds)).toBe(schema);
    expect(schema.parse(scenarioWith({ partner: { kind: 'echo' } })).given.fakes.partner).toEqual({ kind: 'echo', prefix: '' });
    const typo = schema.safeParse(scenarioWith({ partner: { kind: 'echo', prefx: '> ' } }));
    expect(typo.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['prefx'], path: ['given', 'fakes', 'partner'] })]);
    expect(scenarioSchemaFor(FAKE_KINDS).safeParse(scenarioWith({ partner: { kind: 'echo' } })).success).toBe(false);
  });

  it('runs in its first runtime whatever the run asks for', () => {
    expect(kinds.runtimeFor({ kind: 'echo' }, 'container')).toBe('embedded');
    expect(kinds.unavailableReason({ kind: 'echo' }, 'container')).toBeUndefined();
  });

  it('passes its availability check and reason through', () => {
    const picky = defineFakeKind({
      kind: 'picky',
      schema: z.object({ kind: z.literal('picky') }).strict(),
      runtimes: { process: { available: () => ({ available: false, reason: 'picky-server not found; apt-get install picky-server' }) } },
      start: echoKind.start as never,
    });
    expect(FAKE_KINDS.withKinds([picky]).unavailableReason({ kind: 'picky' }, 'embedded')).toBe('picky-server not found; apt-get install picky-server');
  });

  it('cannot take a built-in name: FAKE_KIND_TAKEN with the fix', () => {
    const sftp = defineFakeKind({ ...echoKind, kind: 'sftp', schema: z.object({ kind: z.literal('sftp') }).strict() } as never);
    const error = refusal(() => FAKE_KINDS.withKinds([echoKind, sftp], '/repo/partner-harness.config.ts: fakes'));
    expect(error.code).toBe('FAKE_KIND_TAKEN');
    expect(error.message).toBe(
      "/repo/partner-harness.config.ts: fakes[1]: the kind name 'sftp' is taken by a built-in kind of partner-harness (taken: sftp, idp, postgres, mysql, salesforce, echo). Give yours its own name, in its kind and in its schema's z.literal, e.g. 'sftp-partner'",
    );
  });

  it('cannot be given twice', () => {
    const error = refusal(() => FAKE_KINDS.withKinds([echoKind, echoKind]));
    expect(error.code).toBe('FAKE_KIND_TAKEN');
    expect(error.message).toContain("fakes[1]: the kind name 'echo' is taken by the kind at fakes[0]");
    expect(refusal(() => kinds.withKinds([echoKind])).code).toBe('FAKE_KIND_TAKEN');
  });

  it('must be a kind: a config value that is not one is FAKE_KIND_INVALID, naming where it is', () => {
    const error = refusal(() => FAKE_KINDS.withKinds([{ name: 'ftp' }], 'partner-harness.config.mjs: fakes'));
    expect(error.code).toBe('FAKE_KIND_INVALID');
    expect(error.message).toMatch(/^partner-harness\.config\.mjs: fakes\[0\]: not a usable kind of fake: kind undefined is not a kind name/);
  });
});
