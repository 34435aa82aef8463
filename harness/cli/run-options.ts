import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { ProbeProfile } from '../probe/probe-profile.ts';
import { FAKE_RUNTIMES, type FakeRuntime } from '../scenario/fakes/runtime-choice.ts';
import { UsageError } from './exit-codes.ts';

export const runUsage = `Usage: partner-harness run [paths…] [options]

Runs your project's scenarios and writes reports: the files, folders or globs given, else the
config's \`scenarios\` (partner-harness.config.ts), else ./scenarios. --out, --mode and
--runtime override the config's outDir, mode and runtime.

Options:
  --catalogue        run the catalogue shipped with partner-harness instead
  --config <file>    the config file (default: partner-harness.config.{ts,mts,js,mjs} here)
  --out <dir>        where report.json, report.html and junit.xml go (default: reports/out)
  --mode <mode>      emulated (default: the local endpoint) or aws (real AWS, default credentials)
  --runtime <r>      how fakes run: embedded (default, in-process), process (system binaries
                     such as sshd, postgres, mariadbd) or container (Docker via testcontainers)
  -t, --filter <re>  only scenarios whose name matches (a regular expression)
  --shard <i/n>      run shard i of n: the files are split into n parts (vitest sharding)
  --workers <n>      scenario files run at once, each worker a process with its own engines
                     (default: one less than the cores, at least 2, as scenarios mostly wait;
                     1 with --runtime process, whose OS users are machine-wide)
  --profile <file>   a partner profile written by probe --save (sftp:// or jdbc:): report.json,
                     report.html and report --format markdown show its policy matrix, what
                     AWS's test would answer under each policy or TLS setting; repeat it
  --watch            rerun the scenarios whose files change, for authoring (Ctrl-C stops)
  -h, --help         show this help

Exit codes: 0 all passed, 1 a scenario failed, 2 invalid input (bad file, bad flag, nothing
selected), 3 the harness itself failed, 130 interrupted.`;

export type RunMode = 'emulated' | 'aws';
export const RUN_MODES: readonly RunMode[] = ['emulated', 'aws'];

/** What a run needs once the flags, the config and the defaults are put together. */
export interface RunOptions {
  outDir: string;
  mode: RunMode;
  runtime: FakeRuntime;
  filter?: string;
  shard?: { index: number; count: number };
  /** vitest workers (processes) running scenario files at once: --workers, else defaultWorkers(runtime). */
  workers: number;
  /** The partner profiles given with --profile, loaded and checked: the reports show their policy matrices. */
  probes?: ProbeProfile[];
  /** False: no terminal output (the programmatic `runScenarios`); the reports are still written. */
  print?: boolean;
}

/** `run`'s flags as given; what is not given comes from the config or the defaults (resolve-run.ts). */
export interface RunFlags {
  paths: string[];
  catalogue: boolean;
  config?: string;
  watch: boolean;
  outDir?: string;
  mode?: RunMode;
  runtime?: FakeRuntime;
  filter?: string;
  shard?: { index: number; count: number };
  workers?: number;
  /** --profile files, as given: loaded when the run is resolved. */
  profiles?: string[];
}

/** Parses and checks `run`'s arguments; every mistake is a UsageError that says what to write instead. */
export function parseRunOptions(args: string[]): RunFlags | 'help' {
  const { values, positionals } = parse(args);
  if (values.help) return 'help';
  if (values.catalogue && positionals.length > 0) throw new UsageError(`--catalogue runs the shipped catalogue; give either paths or --catalogue, not both.`);
  if (values.watch && values.shard !== undefined) throw new UsageError(`--watch and --shard do not go together: watch one part of your scenarios by giving its paths instead.`);
  return {
    paths: positionals,
    catalogue: values.catalogue ?? false,
    config: values.config,
    watch: values.watch ?? false,
    outDir: values.out,
    mode: values.mode === undefined ? undefined : checkMode(values.mode, '--mode'),
    runtime: values.runtime === undefined ? undefined : checkRuntime(values.runtime, '--runtime'),
    filter: values.filter === undefined ? undefined : checkPattern(values.filter),
    shard: values.shard === undefined ? undefined : parseShard(values.shard),
    workers: values.workers === undefined ? undefined : checkWorkers(values.workers, '--workers'),
    profiles: values.profile,
  };
}

export function checkMode(mode: string, where: string): RunMode {
  if (!RUN_MODES.includes(mode as RunMode)) throw new UsageError(`${where} ${mode}: use ${RUN_MODES.join(' or ')}.`);
  return mode as RunMode;
}

export function checkRuntime(runtime: string, where: string): FakeRuntime {
  if (!FAKE_RUNTIMES.includes(runtime as FakeRuntime)) throw new UsageError(`${where} ${runtime}: use ${FAKE_RUNTIMES.join(', ')}.`);
  return runtime as FakeRuntime;
}

const MAX_WORKERS = 64;

export function checkWorkers(text: string | number, where: string): number {
  const workers = Number(text);
  if (!/^\d+$/.test(String(text)) || workers < 1 || workers > MAX_WORKERS) throw new UsageError(`${where} ${text}: give a whole number from 1 to ${MAX_WORKERS}, e.g. ${where} 2.`);
  return workers;
}

/**
 * One more than the cores: a scenario spends much of its time waiting on sockets and timeouts, and
 * the extra worker keeps the cores busy meanwhile (on two cores the catalogue ran about 1 s faster
 * with three workers than with two, taken in turn; four were slower again, each worker loading the
 * harness). The workers share the run's database engines (host-engines.ts), so a worker costs no
 * engines. One for the process runtime: its SFTP fakes create OS users, which are machine-wide, and
 * scenarios often name the same user.
 */
export function defaultWorkers(runtime: FakeRuntime, cores = availableParallelism()): number {
  return runtime === 'process' ? 1 : Math.min(MAX_WORKERS, cores + 1);
}

/** `i/n` with 1 ≤ i ≤ n; whether n fits the number of files is checked once they are known. */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) throw new UsageError(`--shard ${text}: use i/n, e.g. --shard 1/3 for the first of three parts.`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new UsageError(`--shard ${text}: the number of parts must be at least 1, e.g. --shard 1/3.`);
  if (index < 1 || index > count) throw new UsageError(`--shard ${text}: the part must be between 1 and ${count}, e.g. --shard 1/${count}.`);
  return { index, count };
}

/** Every shard must get at least one file, or it would silently run nothing. */
export function checkShardFits(shard: RunOptions['shard'], files: number): void {
  if (shard && shard.count > files) {
    throw new UsageError(`--shard ${shard.index}/${shard.count}: only ${files} scenario file(s) to split; use at most ${files} part(s), e.g. --shard 1/${files}.`);
  }
}

/** Creates the report folder up front, so a bad --out fails before anything runs. */
export async function prepareOutDir(outDir: string): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UsageError(`--out ${outDir}: cannot use it as the report folder (${code ?? message}). Give a folder you can write to.`);
  }
}

export function checkPattern(pattern: string): string {
  try {
    new RegExp(pattern);
  } catch (error) {
    throw new UsageError(`-t ${pattern}: not a valid regular expression (${(error as Error).message}).`);
  }
  return pattern;
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        catalogue: { type: 'boolean' },
        config: { type: 'string' },
        out: { type: 'string' },
        mode: { type: 'string' },
        runtime: { type: 'string' },
        filter: { type: 'string', short: 't' },
        shard: { type: 'string' },
        workers: { type: 'string' },
        profile: { type: 'string', multiple: true },
        watch: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${runUsage}`);
  }
}
