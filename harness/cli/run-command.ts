import { join, relative, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import type { Vitest } from 'vitest/node';
import { ExitCode, UsageError } from './exit-codes.ts';
import { findScenarioFiles } from './find-scenario-files.ts';
import { CATALOGUE_DIR } from './paths.ts';
import { FAKE_RUNTIMES, type FakeRuntime } from '../scenario/fakes/runtime-choice.ts';

export const runUsage = `Usage: partner-harness run [paths…] [options]

Runs scenario files (default: the shipped catalogue) and writes reports.

Options:
  --out <dir>        where report.json, report.html and junit.xml go (default: reports/out)
  --mode <mode>      emulated (default: the local endpoint) or aws (real AWS, default credentials)
  --runtime <r>      how fakes run: embedded (default, in-process), process (system binaries
                     such as sshd, postgres, mariadbd) or container (Docker via testcontainers)
  -t, --filter <re>  only scenarios whose name matches
  --shard <i/n>      run shard i of n (vitest sharding)
  -h, --help         show this help

Exit codes: 0 all passed, 1 a scenario failed, 2 invalid input (bad file, bad flag).`;

export async function runCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    process.stdout.write(`${runUsage}\n`);
    return ExitCode.Ok;
  }
  const mode = values.mode ?? 'emulated';
  if (mode !== 'emulated' && mode !== 'aws') throw new UsageError(`--mode ${mode}: use emulated or aws.`);
  const runtime = values.runtime ?? 'embedded';
  if (!FAKE_RUNTIMES.includes(runtime as FakeRuntime)) throw new UsageError(`--runtime ${runtime}: use ${FAKE_RUNTIMES.join(', ')}.`);
  if (values.shard && !/^\d+\/\d+$/.test(values.shard)) throw new UsageError(`--shard ${values.shard}: use i/n, e.g. --shard 1/3.`);
  const files = await findScenarioFiles(positionals.length > 0 ? positionals : [CATALOGUE_DIR]);
  // Loaded only once the arguments are known good: vitest takes a second to import.
  const [{ createVitest }, { PartnerHarnessReporter }, { scenarioPlugin }] = await Promise.all([
    import('vitest/node'),
    import('#reports/index.ts'),
    import('../scenario/vitest/scenario-plugin.ts'),
  ]);
  const outDir = resolve(values.out ?? 'reports/out');
  const junit = join(outDir, 'junit.xml');
  const reporter = new PartnerHarnessReporter({ outDir, mode, runtime, alsoWritten: [junit] });
  process.env.PARTNER_HARNESS_MODE = mode;
  process.env.PARTNER_HARNESS_RUNTIME = runtime;
  const root = commonFolder(files);
  // Ctrl-C or a CI cancel: stop the run and close the worker pool, so no worker (and no fake
  // inside one) outlives the command.
  let interrupted = false;
  let vitest: Vitest | undefined;
  const onSignal = () => {
    interrupted = true;
    void vitest?.cancelCurrentRun('keyboard-input');
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  vitest = await createVitest(
    'test',
    {
      config: false,
      root,
      include: files.map((file) => escapeGlob(relative(root, file))),
      watch: false,
      pool: 'forks',
      // Scenarios share no module state, so one worker can reuse the SDK and ssh2 imports.
      isolate: false,
      testNamePattern: values.filter,
      shard: values.shard,
      passWithNoTests: true,
      reporters: ['default', reporter, ['junit', { outputFile: junit }]],
    },
    // Vite would otherwise create node_modules/.vite inside the scenario folder.
    { plugins: [scenarioPlugin()], cacheDir: join(tmpdir(), 'partner-harness-vite') },
  );
  try {
    if (!interrupted) await vitest.start();
  } finally {
    await vitest.close();
  }
  process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  if (interrupted) return ExitCode.Interrupted;
  const report = reporter.getReport();
  if (!report) return ExitCode.ScenarioFailed;
  if (report.totals.invalid > 0) return ExitCode.InvalidInput;
  return report.totals.failed > 0 ? ExitCode.ScenarioFailed : ExitCode.Ok;
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

function commonFolder(files: string[]): string {
  const split = files.map((file) => file.split('/').slice(0, -1));
  const common: string[] = [];
  for (let i = 0; split.every((parts) => parts[i] !== undefined && parts[i] === split[0]![i]); i++) common.push(split[0]![i]!);
  return common.join('/') || '/';
}

function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!]/g, '\\$&');
}
