import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { scenarioSchema, type ParsedScenario } from './scenario-schema.ts';
import { ScenarioFileError, type FieldIssue } from './scenario-file-error.ts';
import { SCENARIO_DATA_QUERY } from './vitest/scenario-plugin.ts';

export const SCENARIO_FILE_PATTERN = /\.(ya?ml|scenario\.ts)$/;

/**
 * Reads and validates one scenario file (YAML, or TypeScript with a default export from
 * `defineScenario()`). Throws ScenarioFileError naming the file, the field and the fix.
 */
export async function loadScenarioFile(file: string): Promise<ParsedScenario> {
  const raw = file.endsWith('.ts') ? await importScenario(file) : await readYaml(file);
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) throw new ScenarioFileError(file, parsed.error.issues.map(toFieldIssue));
  return parsed.data;
}

async function readYaml(file: string): Promise<unknown> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (cause) {
    throw new ScenarioFileError(file, [{ path: '', message: `cannot be read (${(cause as Error).message})` }], { cause });
  }
  const document = parseDocument(source, { prettyErrors: true });
  if (document.errors.length > 0) {
    throw new ScenarioFileError(
      file,
      document.errors.map((error) => ({ path: '', message: `YAML syntax: ${error.message.split('\n')[0]}` })),
    );
  }
  return document.toJS();
}

async function importScenario(file: string): Promise<unknown> {
  try {
    // The query keeps vitest's scenario plugin from turning the data module into a test again.
    const module = (await import(`${pathToFileURL(file).href}?${SCENARIO_DATA_QUERY}`)) as { default?: unknown };
    if (module.default === undefined) {
      throw new Error('it has no default export: write `export default defineScenario({ … })`');
    }
    return module.default;
  } catch (cause) {
    throw new ScenarioFileError(file, [{ path: '', message: (cause as Error).message }], { cause });
  }
}

function toFieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  const path = issue.path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join('');
  return { path, message: describeIssue(issue) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.map((k) => `'${k}'`).join(', ')}: remove them or check the spelling (see the scenario reference in README.md)`;
    case 'invalid_union':
      return `${issue.message}; see the scenario reference in README.md for the accepted forms`;
    default:
      return issue.message;
  }
}
