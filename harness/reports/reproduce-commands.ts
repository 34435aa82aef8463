import { awsCliCommand, quote } from './aws-cli-command.ts';
import type { RunReport, ScenarioReportEntry } from './run-report.ts';

export interface ReproduceCommands {
  /** `partner-harness serve <file>`: the scenario's fakes and the emulated endpoint, left running (emulated runs only). */
  serve?: string;
  /** The `when` call as an AWS CLI command, secrets as shell variables. */
  awsCli?: string;
  /** What the reader must fill in before running them. */
  notes: string[];
}

/**
 * The commands that reproduce a scenario by hand. The AWS CLI call is the one the run made, from
 * its redacted request: secret members become shell variables, and nothing redacted comes back.
 */
export function reproduceCommands(scenario: ScenarioReportEntry, report: Pick<RunReport, 'mode' | 'runtime'>): ReproduceCommands {
  const result = scenario.result;
  const file = result?.file ?? scenario.invalid?.file ?? scenario.file;
  const notes: string[] = [];
  const emulated = report.mode === 'emulated';
  // An invalid file cannot be served (serve refuses it as run does): it needs fixing first.
  const serve = emulated && scenario.state !== 'invalid' ? `partner-harness serve ${quote(file)}${report.runtime === 'embedded' ? '' : ` --runtime ${quote(report.runtime)}`}` : undefined;
  const request = result?.request;
  if (!result || typeof request !== 'object' || request === null || !result.operation.includes(':')) return { serve, notes };
  const command = awsCliCommand(result.operation, request as Record<string, unknown>, {
    endpointUrl: emulated ? '"$PH_ENDPOINT_URL"' : undefined,
    region: emulated ? 'us-east-1' : '"$AWS_REGION"',
  });
  if (emulated) {
    notes.push('PH_ENDPOINT_URL: the endpoint `partner-harness serve` prints (any AWS credentials work). The ids the run created (connectors, servers, secrets) are new in each run: serve prints the same call with its own.');
  }
  for (const variable of command.secretVariables) notes.push(`${variable}: the secret the scenario uses (reports never show secrets).`);
  return { serve, awsCli: command.text, notes };
}
