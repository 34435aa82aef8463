import { dirname, relative } from 'node:path';
import type { ScenarioSource } from '../calibrate/calibrate-scenario.ts';
import type { FakeKindRegistry } from '../scenario/fakes/fake-kind-registry.ts';
import { loadScenarioFile } from '../scenario/load-scenario-file.ts';
import { ScenarioFileError } from '../scenario/scenario-file-error.ts';

/** Every scenario file loaded and checked before anything runs; all invalid ones, named, when any is. */
export async function loadScenarioSources(files: readonly string[], kinds: FakeKindRegistry, cwd: string): Promise<ScenarioSource[] | { invalid: ScenarioFileError[] }> {
  const sources: ScenarioSource[] = [];
  const invalid: ScenarioFileError[] = [];
  for (const file of files) {
    const shown = relative(cwd, file) || file;
    try {
      sources.push({ scenario: await loadScenarioFile(file, { kinds }), baseDir: dirname(file), shown });
    } catch (error) {
      if (!(error instanceof ScenarioFileError)) throw error;
      invalid.push(new ScenarioFileError(shown, error.issues));
    }
  }
  return invalid.length > 0 ? { invalid } : sources;
}
