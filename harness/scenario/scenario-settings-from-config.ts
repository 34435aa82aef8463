import { containerSettingsEnv } from '../../fakes/container/container-settings.ts';
import { loadObservedMessages } from '../catalogue/load-observed-messages.ts';
import type { ObservedOverride } from '../catalogue/observed-message.ts';
import type { LoadedConfig } from '../config/index.ts';
import type { FakeKindRegistry } from './fakes/fake-kind-registry.ts';
import { fakeKindsFromConfig } from './fakes/fake-kinds-from-config.ts';

/** What the config gives every scenario a process runs, whichever command runs it. */
export interface ScenarioSettings {
  /** The built-in kinds of fake plus the config's `fakes`. */
  kinds: FakeKindRegistry;
  /** The config's `messages` file (what calibrate observed), as `observed` catalogue entries. */
  observedMessages: ObservedOverride[];
}

/**
 * The config's settings for the scenarios this process runs (`run`'s workers, `serve`,
 * `calibrate`), so that a scenario runs alike under each: its kinds of fake, its observed
 * messages, and its container images, set in the environment where the container fakes read
 * them (what the environment already sets wins). Every problem is a ConfigError naming the file.
 */
export async function scenarioSettingsFromConfig(config: LoadedConfig | undefined): Promise<ScenarioSettings> {
  const kinds = fakeKindsFromConfig(config);
  const observedMessages = await loadObservedMessages(config);
  Object.assign(process.env, containerSettingsEnv(config?.config.containers));
  return { kinds, observedMessages };
}
