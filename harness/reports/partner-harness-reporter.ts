import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { UserConsoleLog } from 'vitest';
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';
import type { ProbeProfile } from '../probe/probe-profile.ts';
import { collectRunReport } from './collect-run-report.ts';
import { renderSummary } from './render-summary.ts';
import { distinctProbes, type CapturedOutput, type RunReport } from './run-report.ts';
import { REPORT_FILES, writeRunReports } from './write-run-reports.ts';

export interface PartnerHarnessReporterOptions {
  /** Folder for report.json, report.html and junit.xml. */
  outDir: string;
  mode?: RunReport['mode'];
  runtime?: string;
  /** `--shard i/n` and the number of files of the whole run: recorded in report.json for `merge-reports`. */
  shard?: { index: number; count: number; totalFiles: number };
  /** Where the summary goes; stdout by default. */
  write?: (text: string) => void;
  /** Partner profiles (`run --profile`, written by `probe --save`) the reports show as policy matrices. */
  probes?: readonly ProbeProfile[];
}


/** The folder of vitest's blob reports in a report folder: what `vitest --merge-reports` reads. */
export function blobReportDir(outDir: string): string {
  return join(outDir, 'blob');
}

/** Where `run --shard i/n` writes vitest's blob report (vitest's own name for a shard's blob). */
export function blobReportFile(outDir: string, shard: { index: number; count: number }): string {
  return join(blobReportDir(outDir), `blob-${shard.index}-${shard.count}.json`);
}

/**
 * Writes the JSON, HTML and JUnit reports and prints the terminal summary when a run ends, all
 * from one redacted run report. Each file is written atomically, so a run stopped mid-write
 * leaves the complete file or none. Keeps the report so the CLI can choose its exit code.
 */
export class PartnerHarnessReporter implements Reporter {
  #report?: RunReport;
  #startedAt = new Date();
  /** Console output per test id. The scenario worker redacts it before it is sent here. */
  readonly #output = new Map<string, CapturedOutput[]>();

  constructor(private readonly options: PartnerHarnessReporterOptions) {}

  getReport(): RunReport | undefined {
    return this.#report;
  }

  /** Removes the reports of an earlier run, so the folder never shows that run as this one. */
  async removePreviousReports(): Promise<void> {
    const { outDir } = this.options;
    // The blob folder too: `vitest --merge-reports` reads every file in it, an earlier shard's as well.
    await Promise.all([...REPORT_FILES.map((name) => join(outDir, name)), blobReportDir(outDir)].map((path) => rm(path, { recursive: true, force: true })));
  }

  onTestRunStart(): void {
    this.#startedAt = new Date();
    this.#output.clear();
  }

  onUserConsoleLog(log: UserConsoleLog): void {
    if (!log.taskId) return;
    const captured = this.#output.get(log.taskId) ?? [];
    captured.push({ stream: log.type, text: stripVTControlCharacters(log.content) });
    this.#output.set(log.taskId, captured);
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = [], reason?: TestRunEndReason): Promise<void> {
    const report = collectRunReport(modules, {
      startedAt: this.#startedAt,
      mode: this.options.mode ?? 'emulated',
      runtime: this.options.runtime ?? 'embedded',
      interrupted: reason === 'interrupted',
      output: this.#output,
      unhandledErrors,
    });
    const { shard, probes } = this.options;
    if (shard) report.shard = { index: shard.index, count: shard.count, files: modules.map((module) => module.relativeModuleId).sort(), totalFiles: shard.totalFiles };
    if (probes?.length) report.probes = distinctProbes(probes);
    this.#report = report;
    const files = (await writeRunReports(this.options.outDir, report)).map((file) => relative(process.cwd(), file));
    (this.options.write ?? ((text) => process.stdout.write(text)))(renderSummary(report, files));
  }
}
