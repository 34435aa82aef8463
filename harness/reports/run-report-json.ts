import type { RunReport } from './run-report.ts';

/**
 * report.json in pieces: exactly `JSON.stringify(report, null, 2) + '\n'`, but each array of the
 * report (its scenarios above all) one element at a time, so a run of thousands of scenarios is
 * never held as one string on top of the report itself.
 */
export function* runReportJson(report: RunReport): Generator<string> {
  // JSON.stringify leaves out properties whose value it cannot write (undefined); so does this.
  const fields = Object.entries(report).filter(([, value]) => value !== undefined && typeof value !== 'function' && typeof value !== 'symbol');
  if (fields.length === 0) return yield '{}\n';
  yield '{\n';
  for (const [index, [key, value]] of fields.entries()) {
    yield `  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) yield* arrayParts(value);
    else yield indent(JSON.stringify(value, null, 2), '  ');
    yield index < fields.length - 1 ? ',\n' : '\n';
  }
  yield '}\n';
}

function* arrayParts(values: unknown[]): Generator<string> {
  yield '[\n';
  for (const [index, value] of values.entries()) {
    // As in JSON.stringify, an element it cannot write is null.
    yield `    ${indent(JSON.stringify(value, null, 2) ?? 'null', '    ')}${index < values.length - 1 ? ',\n' : '\n'}`;
  }
  yield '  ]';
}

/** JSON.stringify escapes line breaks inside strings: every newline here is between values. */
function indent(json: string, by: string): string {
  return json.replaceAll('\n', `\n${by}`);
}
