import { describe, expect, it } from 'vitest';
import { generateSshKey } from '../../core/ssh/index.ts';
import { InvalidKeyError } from '../../core/errors/index.ts';
import { ScenarioEnvironment } from './scenario-environment.ts';
import { scenarioSchema } from './scenario-schema.ts';
import { ScenarioSetupError } from './scenario-setup-error.ts';

describe('ScenarioEnvironment.start', () => {
  it('fails as a ScenarioSetupError naming the field, with the error behind it (and its code) as the cause', async () => {
    const { publicKey } = generateSshKey('ssh-ed25519');
    const scenario = scenarioSchema.parse({
      name: 'a public key given as the private one',
      keys: { partner: { privateKey: publicKey } },
      given: {},
      when: { operation: 'transfer:TestIdentityProvider' },
      then: { statusCode: 200 },
    });
    const error = await ScenarioEnvironment.start(scenario).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(ScenarioSetupError);
    expect(error).toMatchObject({
      code: 'SCENARIO_SETUP_FAILED',
      message: 'keys.partner.privateKey: expected a private key but got a public ssh-ed25519 key; pass the private half (OpenSSH or PEM)',
    });
    expect(error?.cause).toBeInstanceOf(InvalidKeyError);
    expect(error?.cause).toMatchObject({ code: 'INVALID_KEY', cause: expect.any(InvalidKeyError) });
  });
});
