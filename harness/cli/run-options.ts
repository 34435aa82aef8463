import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FAKE_RUNTIMES, type FakeRuntime } from '../scenario/fakes/runtime-choice.ts';
import { UsageError } from './exit-codes.ts';

export const runUsage = `Usage: partner-harness run [paths…] [options]

Runs scenario files (default: the shipped catalogue) and writes reports.

Options:
  --out <dir>        where report.json, report.html and junit.xml go (default: reports/out)
  --mode <mode>      emulated (default: the local endpoint) or aws (real AWS, default credentials)
  --runtime <r>      how fakes run: embedded (default, in-process), process (system binaries
                     such as sshd, postgres, mariadbd) or container (Docker via testcontainers)
  -t, --filter <re>  only scenarios whose name matches (a regular expression)
  --shard <i/n>      run shard i of n: the files are split into n parts (vitest sharding)
  -h, --help         show this help

Exit codes: 0 all passed, 1 a scenario failed, 2 invalid input (bad file, bad flag, nothing
selected), 3 the harness itself failed, 130 interrupted.`;

export interface RunOptions {
  paths: string[];
  outDir: string;
  mode: 'emulated' | 'aws';
  runtime: FakeRuntime;
  filter?: string;
  shard?: { index: number; count: number };
}

/** Parses and checks `run`'s arguments; every mistake is a UsageError that says what to write instead. */
export function parseRunOptions(args: string[]): RunOptions | 'help' {
  const { values, positionals } = parse(args);
  if (values.help) return 'help';
  const mode = values.mode ?? 'emulated';
  if (mode !== 'emulated' && mode !== 'aws') throw new UsageError(`--mode ${mode}: use emulated or aws.`);
  const runtime = values.runtime ?? 'embedded';
  if (!FAKE_RUNTIMES.includes(runtime as FakeRuntime)) throw new UsageError(`--runtime ${runtime}: use ${FAKE_RUNTIMES.join(', ')}.`);
  if (values.filter !== undefined) checkPattern(values.filter);
  return {
    paths: positionals,
    outDir: resolve(values.out ?? 'reports/out'),
    mode,
    runtime: runtime as FakeRuntime,
    filter: values.filter,
    shard: values.shard === undefined ? undefined : parseShard(values.shard),
  };
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

function checkPattern(pattern: string): void {
  try {
    new RegExp(pattern);
  } catch (error) {
    throw new UsageError(`-t ${pattern}: not a valid regular expression (${(error as Error).message}).`);
  }
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        mode: { type: 'string' },
        runtime: { type: 'string' },
        filter: { type: 'string', short: 't' },
        shard: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${runUsage}`);
  }
}
