export { PartnerHarnessReporter, REPORT_FILES, blobReportFile, type PartnerHarnessReporterOptions } from './partner-harness-reporter.ts';
export { collectRunReport } from './collect-run-report.ts';
export { renderSummary } from './render-summary.ts';
export { renderHtml } from './render-html.ts';
export { renderJunit } from './render-junit.ts';
export { renderMarkdown, STEP_SUMMARY_LIMIT } from './render-markdown.ts';
export { mergeRunReports, ShardSetError, type ShardReport } from './merge-run-reports.ts';
export { writeFileAtomic, removeUnfinishedWrites } from './write-file-atomic.ts';
export type { CapturedOutput, RunReport, ScenarioReportEntry, ScenarioState, ShardInfo } from './run-report.ts';
