import { byOperation, CATALOGUE_PROVENANCES, catalogueMessages, catalogueOperations, type CatalogueMessage } from '../catalogue/catalogue-messages.ts';
import { printable } from '../../core/values/index.ts';
import { ExitCode, UsageError } from './exit-codes.ts';
import { messagesUsage } from './messages-usage.ts';
import { parseCommandArgs } from './parse-command-args.ts';

const MESSAGES_OPTIONS = {
  operation: { type: 'string' },
  provenance: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `partner-harness messages`: the catalogue, filtered by operation and provenance; a table, or JSON. */
export async function messagesCommand(args: string[], out: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, MESSAGES_OPTIONS, messagesUsage);
  if (values.help) {
    out(`${messagesUsage}\n`);
    return ExitCode.Ok;
  }
  if (positionals.length > 0) throw new UsageError(`messages takes no arguments, got ${positionals.join(' ')}; filter with --operation or --provenance.\n\n${messagesUsage}`);
  const all = catalogueMessages();
  const operation = checkValue('--operation', values.operation, catalogueOperations(all));
  const provenance = checkValue('--provenance', values.provenance, CATALOGUE_PROVENANCES);
  const rows = all.filter((row) => (!operation || row.operation === operation) && (!provenance || row.provenance === provenance));
  out(values.json ? `${JSON.stringify(rows, null, 2)}\n` : renderTable(rows));
  return ExitCode.Ok;
}

function checkValue(option: string, given: string | undefined, valid: readonly string[]): string | undefined {
  if (given === undefined || valid.includes(given)) return given;
  throw new UsageError(`${option} ${given}: not one of the catalogue's. Use one of: ${valid.join(', ')}.`);
}

/** One section per operation: id and provenance, the text beside them, the source under the text. */
function renderTable(rows: readonly CatalogueMessage[]): string {
  if (rows.length === 0) return 'No catalogue entry matches.\n';
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const provenanceWidth = Math.max(...CATALOGUE_PROVENANCES.map((p) => p.length));
  const indent = ' '.repeat(2 + idWidth + 2 + provenanceWidth + 2);
  const lines: string[] = [];
  for (const operation of [...new Set(rows.map((row) => row.operation))].sort(byOperation)) {
    const section = rows.filter((row) => row.operation === operation);
    const counts = CATALOGUE_PROVENANCES.map((p) => [p, section.filter((row) => row.provenance === p).length] as const).filter(([, n]) => n > 0);
    lines.push(`${operation} (${section.length}: ${counts.map(([p, n]) => `${n} ${p}`).join(', ')})`);
    lines.push(`  ${'ID'.padEnd(idWidth)}  ${'PROVENANCE'.padEnd(provenanceWidth)}  TEXT`);
    for (const row of section) {
      lines.push(`  ${row.id.padEnd(idWidth)}  ${row.provenance.padEnd(provenanceWidth)}  ${printable(row.text)}`);
      lines.push(`${indent}source: ${printable(row.source)}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
