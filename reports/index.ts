export { PartnerHarnessReporter, type PartnerHarnessReporterOptions } from './partner-harness-reporter.ts';
export { collectRunReport } from './collect-run-report.ts';
export { renderSummary } from './render-summary.ts';
export { renderHtml } from './render-html.ts';
export type { RunReport, ScenarioReportEntry, ScenarioState } from './run-report.ts';
