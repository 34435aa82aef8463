import type { LoadedConfig } from '../../config/partner-harness-config.ts';
import type { FakeKindRegistry } from './fake-kind-registry.ts';
import { FAKE_KINDS } from './fake-kinds.ts';

/**
 * The kinds of fake a run's scenarios may declare: the built-in ones plus the config's `fakes`.
 * A value that is not a kind, or a name already taken, is a FakeKindError naming the config file.
 */
export function fakeKindsFromConfig(loaded: LoadedConfig | undefined): FakeKindRegistry {
  const fakes = loaded?.config.fakes;
  return fakes && fakes.length > 0 ? FAKE_KINDS.withKinds(fakes, `${loaded.file}: fakes`) : FAKE_KINDS;
}
