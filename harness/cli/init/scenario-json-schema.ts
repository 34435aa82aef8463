import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { scenarioSchema } from '../../scenario/scenario-schema.ts';
export { SCENARIO_JSON_SCHEMA_FILE } from './schema-path.ts';

/**
 * The scenario file format as a JSON Schema, from the same zod schema the loader checks with,
 * for editors (`# yaml-language-server: $schema=…`). It describes what a file may contain (zod's
 * input side: fields with defaults are optional). Draft 7, which YAML and JSON editors all read.
 * Functions (a TypeScript scenario's inline handler) have no JSON form and accept anything.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-7' });
  return { ...schema, title: 'partner-harness scenario', description: 'A partner-harness scenario file: given (fakes, AWS resources), when (one AWS operation), then (the expected answer).' };
}

export function writeScenarioJsonSchema(file: string): void {
  writeFileSync(file, JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
}
