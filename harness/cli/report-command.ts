import { renderMarkdown, STEP_SUMMARY_LIMIT } from '../reports/index.ts';
import { ExitCode, UsageError } from './exit-codes.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { readRunReport } from './read-run-report.ts';
import { reportUsage } from './report-usage.ts';

export async function reportCommand(args: string[], out: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { format: { type: 'string' }, 'max-bytes': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, reportUsage);
  if (values.help) {
    out(`${reportUsage}\n`);
    return ExitCode.Ok;
  }
  if (positionals.length !== 1) throw new UsageError(`report: give one report.json (or its folder), got ${positionals.length}.\n\n${reportUsage}`);
  if (values.format !== 'markdown') throw new UsageError(`report: --format ${values.format ?? '(none)'}: use --format markdown.`);
  const maxBytes = values['max-bytes'] === undefined ? STEP_SUMMARY_LIMIT : Number(values['max-bytes']);
  if (!Number.isInteger(maxBytes) || maxBytes < 1024) throw new UsageError(`report: --max-bytes ${values['max-bytes']}: give a whole number of bytes, at least 1024.`);
  out(renderMarkdown(await readRunReport(positionals[0]!), { maxBytes }));
  return ExitCode.Ok;
}
