import type { ParsedScenario } from '../scenario-schema.ts';
import { checkAwsInputs, checkOperation } from './check-aws-inputs.ts';
import { checkReferences } from './check-references.ts';
import type { IssueAt } from './issue-at.ts';

/** What the schema cannot see: the operation, AWS inputs against the model, and references. */
export function checkScenario(scenario: ParsedScenario): IssueAt[] {
  return [...checkOperation(scenario), ...checkAwsInputs(scenario), ...checkReferences(scenario)];
}
