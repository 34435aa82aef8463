import type { Faker } from '@faker-js/faker';
import type { ParsedScenario } from '../scenario-schema.ts';
import { startDbFake } from './start-db-fake.ts';
import { startIdpFake } from './start-idp-fake.ts';
import { startSalesforceFake } from './start-salesforce-fake.ts';
import { startSftpFake } from './start-sftp-fake.ts';
import type { FakeRuntime } from './runtime-choice.ts';
import type { ScenarioFake } from './started-fake.ts';

type FakeConfig = ParsedScenario['given']['fakes'][string];

/** What a fake may need from the scenario around it. */
export interface FakeContext {
  faker: Faker;
  /** Fakes started before this one (declaration order), e.g. the identity provider of an SFTP fake. */
  fakes: ReadonlyMap<string, ScenarioFake>;
  /** Reads a secret from the emulated Secrets Manager (once the endpoint is up). */
  getSecret: (secretId: string) => Promise<string | undefined>;
  /** The run's runtime (--runtime); each fake maps it onto the runtimes it has. */
  runtime: FakeRuntime;
}

/** Picks how a fake starts from its `kind`. Scenarios name what they need, not how it runs. */
export function startFake(config: FakeConfig, context: FakeContext): Promise<ScenarioFake> {
  switch (config.kind) {
    case 'sftp':
      return startSftpFake(config, context);
    case 'idp':
      return startIdpFake(config, context);
    case 'postgres':
    case 'mysql':
      return startDbFake(config, context.runtime);
    case 'salesforce':
      return startSalesforceFake(config);
  }
}
