import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { collectRunReport } from './collect-run-report.ts';
import { renderHtml } from './render-html.ts';
import { renderSummary } from './render-summary.ts';
import type { RunReport } from './run-report.ts';

export interface PartnerHarnessReporterOptions {
  /** Folder for report.json and report.html (JUnit goes there too, written by vitest's own reporter). */
  outDir: string;
  mode?: RunReport['mode'];
  runtime?: string;
  /** Where the summary goes; stdout by default. */
  write?: (text: string) => void;
  /** Extra report files to name in the summary (the JUnit file). */
  alsoWritten?: string[];
}

/**
 * Writes the JSON and HTML reports and prints the terminal summary when a run ends. Keeps the
 * report so the CLI can choose its exit code from it.
 */
export class PartnerHarnessReporter implements Reporter {
  #report?: RunReport;
  readonly #startedAt = new Date();

  constructor(private readonly options: PartnerHarnessReporterOptions) {}

  getReport(): RunReport | undefined {
    return this.#report;
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>): Promise<void> {
    const report = collectRunReport(modules, { startedAt: this.#startedAt, mode: this.options.mode ?? 'emulated', runtime: this.options.runtime ?? 'embedded' });
    this.#report = report;
    await mkdir(this.options.outDir, { recursive: true });
    const json = join(this.options.outDir, 'report.json');
    const html = join(this.options.outDir, 'report.html');
    await writeFile(json, JSON.stringify(report, null, 2) + '\n');
    await writeFile(html, renderHtml(report));
    const files = [json, html, ...(this.options.alsoWritten ?? [])].map((file) => relative(process.cwd(), file));
    (this.options.write ?? ((text) => process.stdout.write(text)))(renderSummary(report, files));
  }
}
