import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { checkScenario } from './check/check-scenario.ts';
import type { IssueAt } from './check/issue-at.ts';
import { lineOf } from './check/locate-in-yaml.ts';
import type { FakeKindRegistry } from './fakes/fake-kind-registry.ts';
import { FAKE_KINDS } from './fakes/fake-kinds.ts';
import { scenarioSchemaFor, type ParsedScenario } from './scenario-schema.ts';
import { ScenarioFileError, formatPath, type FieldIssue } from './scenario-file-error.ts';
import { findReservedKeys } from './schema/scenario-name.ts';
import { SCENARIO_DATA_QUERY } from './vitest/scenario-plugin.ts';
import { importUserModule } from './import-user-module.ts';

export const SCENARIO_FILE_PATTERN = /\.(ya?ml|scenario\.ts)$/;

/** Far beyond any real scenario; a guard against a file that is not one. */
const MAX_YAML_BYTES = 1024 * 1024;

interface Source {
  readonly raw: unknown;
  /** The line of a path, where the file is YAML. */
  readonly lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/**
 * Reads and validates one scenario file (YAML, or TypeScript with a default export from
 * `defineScenario()`): the schema, then what the schema cannot see (the operation, every AWS
 * input against the service model, every reference). Throws ScenarioFileError naming the file,
 * each field, its line and the fix. `kinds`: the kinds of fake it may declare (a config adds its own).
 */
export async function loadScenarioFile(file: string, { kinds = FAKE_KINDS }: { kinds?: FakeKindRegistry } = {}): Promise<ParsedScenario> {
  const { raw, lineOf: locate } = file.endsWith('.ts') ? { raw: await importScenario(file), lineOf: () => undefined } : await readYaml(file);
  const issue = ({ at, message }: IssueAt): FieldIssue => ({ path: formatPath(at), line: locate(at), message });
  const reserved = findReservedKeys(raw);
  if (reserved.length > 0) {
    throw new ScenarioFileError(
      file,
      reserved.map((at) => issue({ at, message: `'${String(at.at(-1))}' is a reserved name (a property of every JavaScript object): choose another name` })),
    );
  }
  const parsed = scenarioSchemaFor(kinds).safeParse(raw);
  if (!parsed.success) throw new ScenarioFileError(file, parsed.error.issues.map((zodIssue) => issue({ at: zodIssue.path, message: describeIssue(zodIssue) })));
  const problems = checkScenario(parsed.data);
  if (problems.length > 0) throw new ScenarioFileError(file, problems.map(issue));
  return parsed.data;
}

async function readYaml(file: string): Promise<Source> {
  let source: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_YAML_BYTES) throw new Error(`it is ${size} bytes; a scenario file is at most ${MAX_YAML_BYTES}`);
    source = await readFile(file, 'utf8');
  } catch (cause) {
    throw new ScenarioFileError(file, [{ path: '', message: `cannot be read (${(cause as Error).message})` }], { cause });
  }
  const lines = new LineCounter();
  const document = parseDocument(source, { prettyErrors: true, lineCounter: lines, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ScenarioFileError(
      file,
      document.errors.map((error) => ({ path: '', line: error.linePos?.[0]?.line, message: `YAML syntax: ${error.message.split('\n')[0]}` })),
    );
  }
  return { raw: toJs(document, file), lineOf: (path) => lineOf(document, lines, path) };
}

function toJs(document: Document, file: string): unknown {
  try {
    // yaml refuses aliases that expand past a limit (a "billion laughs" file) with a ReferenceError.
    return document.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    throw new ScenarioFileError(file, [{ path: '', message: `YAML aliases expand too far (${(cause as Error).message}): write the values out, or use fewer nested aliases` }], { cause });
  }
}

async function importScenario(file: string): Promise<unknown> {
  try {
    // The query keeps vitest's scenario plugin from turning the data module into a test again.
    const module = (await importUserModule(`${pathToFileURL(file).href}?${SCENARIO_DATA_QUERY}`)) as { default?: unknown };
    if (module.default === undefined) {
      throw new Error('it has no default export: write `export default defineScenario({ … })`');
    }
    return module.default;
  } catch (cause) {
    throw new ScenarioFileError(file, [{ path: '', message: (cause as Error).message }], { cause });
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.map((k) => `'${k}'`).join(', ')}: remove them or check the spelling (see the scenario reference in README.md)`;
    case 'invalid_union':
      return `${issue.message}; see the scenario reference in README.md for the accepted forms`;
    case 'invalid_key':
      return `invalid name: ${issue.issues.map((inner) => inner.message).join('; ')}`;
    default:
      return issue.message;
  }
}
