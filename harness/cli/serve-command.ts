import { dirname, resolve } from 'node:path';
import { printableLines } from '../../core/values/index.ts';
import { AwsEndpoint, formatDiagnosis, type CallRecord } from '../aws/index.ts';
import { withObservedOverrides } from '../catalogue/observed-message.ts';
import { loadScenarioFile } from '../scenario/load-scenario-file.ts';
import { ScenarioEnvironment } from '../scenario/scenario-environment.ts';
import { awsCliCommand } from '../reports/aws-cli-command.ts';
import { ExitCode, UsageError } from './exit-codes.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { findConfig } from './resolve-run.ts';
import { checkRuntime } from './run-options.ts';
import { serveUsage } from './serve-command-usage.ts';
import { waitForSignal } from './wait-for-signal.ts';
import { unavailableReason } from '../scenario/fakes/unavailable-reason.ts';
import { scenarioSettingsFromConfig } from '../scenario/scenario-settings-from-config.ts';

export async function serveCommand(args: string[], out: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { port: { type: 'string' }, runtime: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    serveUsage,
  );
  if (values.help) {
    out(`${serveUsage}\n`);
    return ExitCode.Ok;
  }
  if (positionals.length > 1) throw new UsageError(`serve takes one scenario file, got ${positionals.length}.\n\n${serveUsage}`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${values.port}: use a port number from 0 to 65535.`);
  const given = values.runtime === undefined ? undefined : checkRuntime(values.runtime, '--runtime');
  // As run does: the config's kinds of fake, observed messages, container images and runtime.
  const config = await findConfig(values.config, process.cwd());
  const { kinds, observedMessages } = await scenarioSettingsFromConfig(config);
  const runtime = given ?? config?.config.runtime ?? 'embedded';
  const credentials = 'AWS_ACCESS_KEY_ID=partner-harness AWS_SECRET_ACCESS_KEY=partner-harness';

  if (positionals.length === 0) {
    const endpoint = await withObservedOverrides(new AwsEndpoint().withPort(port), observedMessages)
      .start()
      .catch((error) => rethrowPortProblem(error, port));
    endpoint.onCall((record) => out(describeCall(record)));
    // Listening before saying so: whoever waits for the line may send the signal at once.
    const signalled = waitForSignal();
    out(
      `Emulated AWS endpoint: ${endpoint.getUrl()}\n` +
        `  Any credentials work, e.g.: ${credentials} aws transfer list-connectors --endpoint-url ${endpoint.getUrl()} --region us-east-1\n` +
        `Press Ctrl-C to stop.\n`,
    );
    await signalled;
    await endpoint.stop();
    return ExitCode.Ok;
  }

  const file = resolve(positionals[0]!);
  const scenario = await loadScenarioFile(file, { kinds });
  const unavailable = unavailableReason(scenario, runtime, kinds);
  if (unavailable) throw new UsageError(`${positionals[0]} cannot be served here: ${unavailable}`);
  const environment = await ScenarioEnvironment.start(scenario, { endpointPort: port, baseDir: dirname(file), runtime, kinds, observedMessages }).catch((error) =>
    rethrowPortProblem(error, port),
  );
  try {
    const url = environment.endpoint!.getUrl();
    const input = environment.resolve(scenario.when.input, 'when.input');
    const lines = [`Scenario: ${scenario.name}`, `Emulated AWS endpoint: ${url}`];
    for (const [name, fake] of environment.fakes) {
      const { host, port: fakePort, hostKey } = fake.values as Record<string, unknown>;
      lines.push(`Fake ${name} (${fake.kind}, ${fake.runtime}): ${host}:${fakePort}${hostKey ? `\n  host key: ${hostKey}` : ''}`);
    }
    for (const [alias, secret] of Object.entries(environment.values.secrets!)) lines.push(`Secret ${alias}: ${(secret as { arn: string }).arn}`);
    for (const [alias, connector] of Object.entries(environment.values.connectors!)) lines.push(`Connector ${alias}: ${(connector as { id: string }).id}`);
    for (const [alias, server] of Object.entries(environment.values.servers!)) lines.push(`Server ${alias}: ${(server as { id: string }).id}`);
    const command = awsCliCommand(scenario.when.operation, input, { endpointUrl: url, region: 'us-east-1' });
    lines.push('Reproduce the scenario with the AWS CLI:', `  ${credentials} ${command.text}`);
    for (const variable of command.secretVariables) {
      lines.push(`  (first export ${variable}=… with the value the scenario uses: partner-harness never prints secrets)`);
    }
    lines.push('Press Ctrl-C to stop.');
    const signalled = waitForSignal();
    out(environment.redactor.redactString(lines.join('\n')) + '\n');
    environment.endpoint!.onCall((record) => out(environment.redactor.redactString(describeCall(record))));
    await signalled;
  } finally {
    await environment.stop();
  }
  return ExitCode.Ok;
}

/**
 * Each call as it is answered, with the harness's diagnosis beside AWS's answer (the record is
 * already redacted). The operation is what the client sent and a diagnosis may quote the partner:
 * both go through printable() before the terminal.
 */
function describeCall(record: CallRecord): string {
  const answer = record.error ? ` ${record.error.type}` : '';
  const lines = [`${record.service}:${record.operation} -> HTTP ${record.httpStatus}${answer}`, ...record.diagnosis.map((diagnosis) => `  diagnosis: ${formatDiagnosis(diagnosis)}`)];
  return printableLines(lines.join('\n')) + '\n';
}

/** A port that is taken or not allowed is the user's to change, not a harness failure. */
function rethrowPortProblem(error: unknown, port: number): never {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (port !== 0 && (code === 'EADDRINUSE' || code === 'EACCES')) {
      throw new UsageError(`--port ${port}: ${code === 'EADDRINUSE' ? 'already in use' : 'not allowed for this user'}; pick another port, or leave --port out for a free one.`);
    }
  }
  throw error;
}
