import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { ProbeProfile } from '../probe/probe-profile.ts';
import { findConfigFile, loadConfig, type LoadedConfig } from '../config/index.ts';
import type { FakeRuntime } from '../scenario/fakes/runtime-choice.ts';
import { UsageError } from './exit-codes.ts';
import { findScenarioFiles } from './find-scenario-files.ts';
import { CATALOGUE_DIR } from './paths.ts';
import { defaultWorkers, type RunMode, type RunOptions } from './run-options.ts';

/** What to run, from the command line or from `runScenarios()`; unset fields come from the config. */
export interface RunRequest {
  /** Scenario files, folders or globs, relative to `cwd`. */
  paths?: string[];
  /** Run the shipped catalogue instead of the project's scenarios. */
  catalogue?: boolean;
  /** The config file; default: partner-harness.config.{ts,mts,js,mjs} in `cwd`; `false` for none. */
  config?: string | false;
  outDir?: string;
  mode?: RunMode;
  runtime?: FakeRuntime;
  filter?: string;
  shard?: { index: number; count: number };
  workers?: number;
  /** Partner profiles written by `probe --save`, relative to `cwd`: the reports show their policy matrices. */
  profiles?: string[];
  /** Default: the current directory. */
  cwd?: string;
}

export interface ResolvedRun {
  /** The scenario files, absolute and sorted. */
  files: string[];
  /** Where they were found (files, folders, globs), absolute: what --watch watches. */
  sources: string[];
  options: RunOptions;
  config?: LoadedConfig;
  cwd: string;
}

/**
 * Puts flags, config and defaults together: paths given > --catalogue > the config's
 * `scenarios` > ./scenarios. Every mistake is a UsageError (or a ConfigError) with the fix.
 */
export async function resolveRun(request: RunRequest): Promise<ResolvedRun> {
  const cwd = resolve(request.cwd ?? process.cwd());
  const config = await findConfig(request.config, cwd);
  // The config's own kinds of fake are checked here, so a broken one stops the run before it starts.
  if (config?.config.fakes?.length) (await import('../scenario/fakes/fake-kinds-from-config.ts')).fakeKindsFromConfig(config);
  // So is its messages file: an id the catalogue no longer has is exit 2 before anything runs.
  if (config?.config.messages !== undefined) await (await import('../catalogue/load-observed-messages.ts')).loadObservedMessages(config);
  const sources = scenarioSources(request, config, cwd);
  const files = await findScenarioFiles(sources, cwd).catch((error: unknown) => {
    // A path in the config that is wrong is the config's mistake: say where it comes from.
    if (error instanceof UsageError && !request.paths?.length && !request.catalogue && config?.scenarios) {
      throw new UsageError(`${relative(cwd, config.file) || config.file}: scenarios: ${error.message}`);
    }
    throw error;
  });
  // The config's values were checked when it was loaded.
  const runtime = request.runtime ?? config?.config.runtime ?? 'embedded';
  const options: RunOptions = {
    outDir: request.outDir ? resolve(cwd, request.outDir) : (config?.outDir ?? join(config?.dir ?? cwd, 'reports/out')),
    mode: request.mode ?? config?.config.mode ?? 'emulated',
    runtime,
    filter: request.filter,
    shard: request.shard,
    workers: request.workers ?? defaultWorkers(runtime),
  };
  if (request.profiles?.length) options.probes = await loadProfiles(request.profiles, cwd);
  return { files, sources: sources.map((source) => resolve(cwd, source)), options, config, cwd };
}

/** Each --profile, checked before anything runs: a file that is not a profile is exit 2, naming the file, the field and the fix. */
async function loadProfiles(files: string[], cwd: string): Promise<ProbeProfile[]> {
  // Loaded only for --profile: the profile schemas and the YAML parser.
  const [{ loadProbeProfile }, { ProfileFileError }] = await Promise.all([import('../probe/load-probe-profile.ts'), import('../probe/profile-file.ts')]);
  const probes: ProbeProfile[] = [];
  for (const file of files) {
    const path = isAbsolute(file) ? file : relative(process.cwd(), resolve(cwd, file)) || file;
    try {
      probes.push(await loadProbeProfile(path));
    } catch (error) {
      throw error instanceof ProfileFileError ? new ProfileFileError(`--profile ${error.message}`) : error;
    }
  }
  return probes;
}

/** The config `--config` names (relative to `cwd`), else the one found in `cwd`; `false` for none. */
export async function findConfig(given: string | false | undefined, cwd: string): Promise<LoadedConfig | undefined> {
  if (given === false) return undefined;
  if (given !== undefined) {
    const file = resolve(cwd, given);
    if (!existsSync(file)) throw new UsageError(`--config ${given}: no such file. Give the path of your partner-harness.config.ts, or leave --config out.`);
    return loadConfig(file);
  }
  const found = findConfigFile(cwd);
  return found ? loadConfig(found) : undefined;
}

function scenarioSources(request: RunRequest, config: LoadedConfig | undefined, cwd: string): string[] {
  if (request.paths?.length) return request.paths;
  if (request.catalogue) return [CATALOGUE_DIR];
  if (config?.scenarios) return config.scenarios;
  const folder = join(config?.dir ?? cwd, 'scenarios');
  if (existsSync(folder)) return [folder];
  const where = config ? `${relative(cwd, config.file) || config.file} has no \`scenarios\`, and ${folder} does not exist` : `there is no partner-harness.config.ts in ${cwd} and no ./scenarios folder`;
  throw new UsageError(
    `Nothing to run: ${where}.\n` +
      `  - \`npx partner-harness init\` scaffolds a config, two starter scenarios and a CI workflow here;\n` +
      `  - \`partner-harness run path/to/scenarios\` runs the scenario files or folders you give;\n` +
      `  - \`partner-harness run --catalogue\` runs the catalogue shipped with partner-harness.`,
  );
}
