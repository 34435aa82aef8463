import { PartnerHarnessError } from '../../core/errors/index.ts';

/**
 * A scenario's `given` that could not be set up at run time: a Lambda module that does not load,
 * a setup call AWS refused, or a fake or the endpoint that did not start. The message names the
 * field (secrets redacted); `cause` is the error behind it, with its own code (a FakeStartError,
 * a RuntimeUnavailableError, ...). The run reports it as the scenario's setup error.
 */
export class ScenarioSetupError extends PartnerHarnessError {
  declare readonly code: 'SCENARIO_SETUP_FAILED';

  constructor(message: string, options?: { cause?: unknown }) {
    super('SCENARIO_SETUP_FAILED', message, options);
  }
}
