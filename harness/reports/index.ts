export { PartnerHarnessReporter, REPORT_FILES, type PartnerHarnessReporterOptions } from './partner-harness-reporter.ts';
export { collectRunReport } from './collect-run-report.ts';
export { renderSummary } from './render-summary.ts';
export { renderHtml } from './render-html.ts';
export { renderJunit } from './render-junit.ts';
export { writeFileAtomic, removeUnfinishedWrites } from './write-file-atomic.ts';
export type { CapturedOutput, RunReport, ScenarioReportEntry, ScenarioState } from './run-report.ts';
