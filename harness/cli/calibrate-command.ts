import { join, relative } from 'node:path';
import { calibrateScenarios, observedMessagesOf } from '../calibrate/calibrate-scenarios.ts';
import type { CalibrationReport } from '../calibrate/calibration-report.ts';
import { checkTargetReachable } from '../calibrate/check-target-reachable.ts';
import { renderCalibrationHtml } from '../calibrate/render-calibration-html.ts';
import { renderCalibrationEntry, renderCalibrationSummary } from '../calibrate/render-calibration-summary.ts';
import { catalogueMessages } from '../catalogue/catalogue-messages.ts';
import { writeFileAtomic } from '../reports/write-file-atomic.ts';
import { scenarioSettingsFromConfig } from '../scenario/scenario-settings-from-config.ts';
import { calibrateUsage } from './calibrate-usage.ts';
import { calibrationTarget } from './calibration-target-option.ts';
import { ExitCode, UsageError } from './exit-codes.ts';
import { loadScenarioSources } from './load-scenario-sources.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { resolveRun } from './resolve-run.ts';
import { checkRuntime, prepareOutDir } from './run-options.ts';

const CALIBRATE_OPTIONS = {
  against: { type: 'string' },
  region: { type: 'string' },
  out: { type: 'string' },
  catalogue: { type: 'boolean' },
  config: { type: 'string' },
  runtime: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const CALIBRATION_FILES = { json: 'calibration.json', html: 'calibration.html', messages: 'messages.observed.json' } as const;

type Print = (text: string) => void;

/** `partner-harness calibrate`: each scenario emulated and against the target, compared; the texts that differ as a messages file. */
export async function calibrateCommand(args: string[], out: Print = (t) => process.stdout.write(t), err: Print = (t) => process.stderr.write(t)): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, CALIBRATE_OPTIONS, calibrateUsage);
  if (values.help) {
    out(`${calibrateUsage}\n`);
    return ExitCode.Ok;
  }
  if (values.against === undefined) throw new UsageError(`calibrate needs a target: --against aws (real AWS) or --against <endpoint URL>.\n\n${calibrateUsage}`);
  if (values.catalogue && positionals.length > 0) throw new UsageError('--catalogue calibrates the shipped catalogue; give either paths or --catalogue, not both.');
  const runtime = values.runtime === undefined ? undefined : checkRuntime(values.runtime, '--runtime');
  const target = await calibrationTarget(values.against, values.region);
  const run = await resolveRun({ paths: positionals, catalogue: values.catalogue, config: values.config, outDir: values.out ?? 'reports/calibration', runtime });
  const { kinds, observedMessages } = await scenarioSettingsFromConfig(run.config);
  const sources = await loadScenarioSources(run.files, kinds, run.cwd);
  if ('invalid' in sources) {
    err(sources.invalid.map((error) => `partner-harness: ${error.message}\n`).join(''));
    return ExitCode.InvalidInput;
  }
  const reach = await checkTargetReachable(target, sources[0]!.scenario.when.operation.split(':')[0]!);
  if (!reach.reachable) {
    if (reach.why === 'no-credentials') err(`partner-harness: no AWS credentials for ${target.name} (${reach.message}). Set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (any values work for an emulator).\n`);
    else err(`partner-harness: ${target.name} could not be reached: ${reach.message}\n`);
    return reach.why === 'no-credentials' ? ExitCode.InvalidInput : ExitCode.Unreachable;
  }
  await prepareOutDir(run.options.outDir);
  const texts = new Map(catalogueMessages().map((row) => [row.id, row.text]));
  for (const { id, text } of observedMessages) texts.set(id, text);
  const interrupted = stopAfterCurrentScenario(err);
  try {
    const report = await calibrateScenarios(
      sources,
      { target, runtime: run.options.runtime, kinds, observedMessages, catalogueText: (id) => texts.get(id), now: () => new Date(), stop: () => interrupted.requested },
      (entry) => out(renderCalibrationEntry(entry)),
    );
    const written = await writeCalibration(report, run.options.outDir);
    out(renderCalibrationSummary(report, written.map((file) => relative(process.cwd(), file) || file)));
    if (interrupted.requested) return ExitCode.Interrupted;
    return exitCodeOf(report);
  } finally {
    interrupted.dispose();
  }
}

function exitCodeOf(report: CalibrationReport): number {
  if (report.scenarios.some((entry) => entry.invalid)) return ExitCode.InvalidInput;
  return report.totals.different + report.totals.error > 0 ? ExitCode.ScenarioFailed : ExitCode.Ok;
}

async function writeCalibration(report: CalibrationReport, outDir: string): Promise<string[]> {
  const files = [join(outDir, CALIBRATION_FILES.json), join(outDir, CALIBRATION_FILES.html), join(outDir, CALIBRATION_FILES.messages)];
  await writeFileAtomic(files[0]!, `${JSON.stringify(report, null, 2)}\n`);
  await writeFileAtomic(files[1]!, renderCalibrationHtml(report));
  await writeFileAtomic(files[2]!, `${JSON.stringify(observedMessagesOf(report), null, 2)}\n`);
  return files;
}

/**
 * Ctrl-C lets the running scenario finish, so what it created on the target is deleted, and
 * calibrates no more; a second Ctrl-C exits at once (130), leaving that scenario's resources.
 */
function stopAfterCurrentScenario(err: Print): { readonly requested: boolean; dispose(): void } {
  const state = { requested: false };
  const onSignal = () => {
    if (state.requested) process.exit(ExitCode.Interrupted);
    state.requested = true;
    err('partner-harness: interrupted; finishing the running scenario to delete what it created on the target (Ctrl-C again to exit now)\n');
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  return {
    get requested() {
      return state.requested;
    },
    dispose: () => void process.off('SIGINT', onSignal).off('SIGTERM', onSignal),
  };
}
