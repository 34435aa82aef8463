import type { ParsedScenario } from '../scenario-schema.ts';
import type { FakeRuntime } from './runtime-choice.ts';
import { dbUnavailableReason } from './start-db-fake.ts';
import { sftpUnavailableReason } from './start-sftp-fake.ts';

/**
 * Why this machine cannot give a scenario the fakes it needs (a system engine that is not
 * installed), or undefined. Such a scenario is reported as skipped with this reason, never passed.
 */
export function unavailableReason(scenario: ParsedScenario, runDefault: FakeRuntime): string | undefined {
  for (const [name, fake] of Object.entries(scenario.given.fakes)) {
    const reason =
      fake.kind === 'postgres' || fake.kind === 'mysql'
        ? dbUnavailableReason(fake, runDefault)
        : fake.kind === 'sftp'
          ? sftpUnavailableReason(fake, runDefault)
          : undefined;
    if (reason) return `fake ${name}: ${reason}`;
  }
  return undefined;
}
