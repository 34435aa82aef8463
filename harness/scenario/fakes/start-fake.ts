import type { ParsedScenario } from '../scenario-schema.ts';
import { startSftpFake } from './start-sftp-fake.ts';
import type { ScenarioFake } from './started-fake.ts';

type FakeConfig = ParsedScenario['given']['fakes'][string];

/** Picks how a fake starts from its `kind`. Scenarios name what they need, not how it runs. */
export function startFake(config: FakeConfig): Promise<ScenarioFake> {
  switch (config.kind) {
    case 'sftp':
      return startSftpFake(config);
  }
}
