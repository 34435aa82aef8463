import type { CallRecord } from '../aws/index.ts';
import type { CallOutcome } from './aws-clients.ts';
import { checkSftpLogin } from './check-sftp-login.ts';
import { checkDiagnosis, checkExpectations, type ExpectationResult } from './expectations.ts';
import { ScenarioEnvironment, type EnvironmentOptions } from './scenario-environment.ts';
import type { ParsedScenario } from './scenario-schema.ts';
import { TemplateError } from './template.ts';

export interface ScenarioResult {
  name: string;
  file?: string;
  mode: 'emulated' | 'aws';
  operation: string;
  /** The scenario's `tags` and faker `seed`, so a report can filter by tag and say how to reproduce it. */
  tags?: string[];
  seed?: number;
  passed: boolean;
  /** The `when` request, redacted. */
  request?: unknown;
  response?: unknown;
  /** The `when` answer's HTTP status, as the SDK saw it. */
  httpStatus?: number;
  error?: CallOutcome['error'];
  expectations: ExpectationResult[];
  fakes: Record<string, { kind: string; runtime: string; host?: unknown; port?: unknown; hostKey?: unknown }>;
  transcripts: Record<string, unknown[]>;
  /** The emulator's record of the `when` call: catalogue entries (with provenance) and its own transcript. */
  emulator?: Pick<CallRecord, 'requestId' | 'messages' | 'transcript' | 'httpStatus' | 'diagnosis'>;
  /** Set when the scenario could not be set up or run (a bad reference, a fake that failed to start). */
  setupError?: string;
  /** Mode `aws`: resources the scenario created there that could not be deleted afterwards, with how to delete them. */
  leftBehind?: string[];
  /**
   * Set when that was the scenario file's own fault (a reference that resolved to nothing): an
   * invalid scenario, reported as such (exit 2), never as a partner failure.
   */
  invalidReference?: { where: string; message: string };
  durationMs: number;
}

/**
 * Runs one scenario: set up its `given`, make the `when` call through the real SDK, check
 * `then`. Everything started is stopped on every path, and everything in the result is redacted.
 */
export async function runScenario(scenario: ParsedScenario, options: EnvironmentOptions = {}, file?: string): Promise<ScenarioResult> {
  const started = Date.now();
  const result: ScenarioResult = {
    name: scenario.name,
    file,
    mode: options.mode ?? 'emulated',
    operation: scenario.when.operation,
    tags: scenario.tags,
    seed: scenario.seed,
    passed: false,
    expectations: [],
    fakes: {},
    transcripts: {},
    durationMs: 0,
  };
  let environment: ScenarioEnvironment | undefined;
  try {
    environment = await ScenarioEnvironment.start(scenario, options);
    const { redactor } = environment;
    for (const [name, fake] of environment.fakes) {
      const { host, port, hostKey } = fake.values;
      result.fakes[name] = { kind: fake.kind, runtime: fake.runtime, host, port, hostKey };
    }
    const [service, operation] = scenario.when.operation.split(':') as [string, string];
    const input = environment.resolve(scenario.when.input, 'when.input');
    redactor.addFrom(input);
    result.request = redactor.redact(input);
    environment.step(`calling ${scenario.when.operation}`);
    const outcome = await environment.clients!.call(service, operation, input);
    result.response = redactor.redact(outcome.response);
    result.httpStatus = outcome.httpStatus;
    result.error = redactor.redact(outcome.error);
    const then = environment.resolve(scenario.then, 'then');
    const expectations = checkExpectations(then, outcome);
    if (then.sftpLogin) {
      redactor.add(then.sftpLogin.password, then.sftpLogin.privateKey);
      const fake = environment.fakes.get(then.sftpLogin.fake);
      if (!fake) throw new Error(`then.sftpLogin.fake: no fake named '${then.sftpLogin.fake}' in given.fakes`);
      environment.step(`logging in to ${then.sftpLogin.fake} as ${then.sftpLogin.username}`);
      expectations.push(...(await checkSftpLogin(then.sftpLogin, fake.values as { host: string; port: number })));
    }
    const call = outcome.requestId ? environment.endpoint?.getCall(outcome.requestId) : undefined;
    if (call) {
      const { requestId, httpStatus, messages, transcript, diagnosis } = call;
      result.emulator = redactor.redact({ requestId, httpStatus, messages, transcript, diagnosis });
    }
    // The diagnosis is the harness's: checked against the emulator, never against AWS (which sends none).
    if (then.diagnosis && result.mode === 'emulated') expectations.push(checkDiagnosis(then.diagnosis, call?.diagnosis ?? []));
    result.expectations = redactor.redact(expectations);
    // Nothing checked is never a pass (the schema refuses an empty `then`; this holds regardless).
    result.passed = result.expectations.length > 0 && result.expectations.every((e) => e.passed);
  } catch (error) {
    result.setupError = environment ? environment.redactor.redactString((error as Error).message) : (error as Error).message;
    const reference = templateErrorIn(error);
    if (reference) result.invalidReference = { where: reference.where, message: result.setupError };
  } finally {
    await environment?.stop();
    if (environment?.leftBehind.length) result.leftBehind = environment.redactor.redact(environment.leftBehind);
    for (const [name, fake] of environment?.fakes ?? []) result.transcripts[name] = environment!.redactor.redact(fake.transcript());
    result.durationMs = Date.now() - started;
    environment?.step(result.passed ? 'passed' : 'failed');
  }
  return result;
}

/** The TemplateError behind an error, however deep in its causes (set-up wraps what it throws). */
function templateErrorIn(error: unknown): TemplateError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; current = current.cause, depth++) {
    if (current instanceof TemplateError) return current;
  }
  return undefined;
}
