// The `partner-harness` entry: writing, loading and running scenarios, and the config. The
// emulated AWS endpoint is `partner-harness/aws`, the fakes `partner-harness/fakes`, the vitest
// kit `partner-harness/vitest`. Named exports only: what is here is the public contract.
export { defineScenario } from './scenario/define-scenario.ts';
export type {
  Scenario,
  ParsedScenario,
  SftpFakeConfig,
  IdpFakeConfig,
  DbFakeConfig,
  SalesforceFakeConfig,
  NetworkFaultConfig,
  Expectations,
  StringExpectation,
  SftpLoginExpectation,
} from './scenario/scenario-schema.ts';
export { loadScenarioFile } from './scenario/load-scenario-file.ts';
export { ScenarioFileError, type FieldIssue } from './scenario/scenario-file-error.ts';
export type { ScenarioResult } from './scenario/run-scenario.ts';
export type { FakeRuntime } from './scenario/fakes/runtime-choice.ts';
// The kinds of fake scenarios may declare; loadScenarioFile(file, { kinds: FAKE_KINDS.withKinds([yourKind]) }).
export { FAKE_KINDS } from './scenario/fakes/fake-kinds.ts';
export type { FakeKindRegistry } from './scenario/fakes/fake-kind-registry.ts';

export { defineConfig, loadConfig, ConfigError, type PartnerHarnessConfig, type LoadedConfig } from './config/index.ts';

export { runScenarios, RunInterruptedError, type RunScenariosOptions } from './cli/api/run-scenarios.ts';
// The base of every error a user can meet (ScenarioFileError, ConfigError, UsageError, FakeKindError, …): match on `code`.
// The shared kinds (a bad option, a runtime this machine lacks, a fake that did not start, a bad
// key) are the same classes partner-harness/fakes and partner-harness/aws export.
export { PartnerHarnessError, InvalidOptionError, RuntimeUnavailableError, FakeStartError, InvalidKeyError } from '../core/errors/index.ts';
export { UsageError } from './cli/exit-codes.ts';
export { FakeKindError, type FakeKindErrorCode } from '../fakes/shared/fake-kind-error.ts';
export type { RunReport, ScenarioReportEntry, ScenarioState, CapturedOutput, ProbeProfile } from './reports/index.ts';
