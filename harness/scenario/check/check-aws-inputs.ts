import { ServiceModel, type ServiceName } from '../../aws/model/service-model.ts';
import type { ParsedScenario } from '../scenario-schema.ts';
import { checkAwsInput } from './check-aws-input.ts';
import { hint, listAllowed } from '../../../core/errors/index.ts';
import type { IssueAt } from './issue-at.ts';

/** The services a scenario can call, by the name `when.operation` uses (botocore's names). */
const SERVICES: readonly ServiceName[] = ['transfer', 'glue', 'secretsmanager'];

/**
 * Glue documents the Salesforce connection property `INSTANCE_URL`, which the model's
 * ConnectionPropertyKey enum lacks (see validate-input.ts), so scenarios may use it.
 */
const GLUE_EXTRA_PROPERTY_KEYS = ['INSTANCE_URL'];

/** `when.operation` must be an operation of a service the harness has a model for. */
export function checkOperation(scenario: ParsedScenario): IssueAt[] {
  const at = ['when', 'operation'];
  const [service, operation] = scenario.when.operation.split(':') as [string, string];
  if (!(SERVICES as readonly string[]).includes(service)) {
    return [{ at, message: `unknown service '${service}'.${hint(service, SERVICES)} Services: ${SERVICES.join(', ')}` }];
  }
  const model = ServiceModel.forService(service as ServiceName);
  if (model.hasOperation(operation)) return [];
  const known = model.operationNames;
  return [{ at, message: `${service} has no operation '${operation}' that partner-harness knows.${hint(operation, known)} Operations: ${listAllowed(known.map((name) => `${service}:${name}`))}` }];
}

/**
 * Every AWS input in the scenario, checked against the service model: the resources under
 * `given` (created through the real API, so they must be right) and `when.input` (unless the
 * scenario sends a deliberately malformed request with `when.validateInput: false`).
 */
export function checkAwsInputs(scenario: ParsedScenario): IssueAt[] {
  const { given, when } = scenario;
  const transfer = ServiceModel.forService('transfer');
  const issues: IssueAt[] = [];
  const each = (entries: Record<string, unknown>, section: string, check: (value: unknown, at: PropertyKey[]) => IssueAt[]) => {
    for (const [alias, value] of Object.entries(entries)) issues.push(...check(value, ['given', section, alias]));
  };
  each(given.secrets, 'secrets', (value, at) =>
    checkAwsInput(ServiceModel.forService('secretsmanager'), 'CreateSecretRequest', value, at, {
      // A scenario may give SecretString as an object: it is sent as its JSON text.
      accept: (path, node) => path.length === 1 && path[0] === 'SecretString' && typeof node === 'object',
    }),
  );
  each(given.servers, 'servers', (value, at) => checkAwsInput(transfer, 'CreateServerRequest', value, at));
  each(given.users, 'users', (value, at) => checkAwsInput(transfer, 'CreateUserRequest', value, at));
  each(given.connectors, 'connectors', (value, at) => checkAwsInput(transfer, 'CreateConnectorRequest', value, at));
  each(given.glueConnections, 'glueConnections', (value, at) =>
    checkAwsInput(ServiceModel.forService('glue'), 'ConnectionInput', value, at, { extraMapKeys: GLUE_EXTRA_PROPERTY_KEYS }),
  );
  if (when.validateInput && checkOperation(scenario).length === 0) {
    const [service, operation] = when.operation.split(':') as [ServiceName, string];
    const model = ServiceModel.forService(service);
    const input = model.getOperation(operation).input?.shape;
    if (input) {
      const found = checkAwsInput(model, input, when.input, ['when', 'input'], { extraMapKeys: service === 'glue' ? GLUE_EXTRA_PROPERTY_KEYS : [] });
      issues.push(...found.map((issue) => ({ ...issue, message: `${issue.message} (if this request is malformed on purpose, to test AWS's answer, set when.validateInput: false)` })));
    }
  }
  return issues;
}
