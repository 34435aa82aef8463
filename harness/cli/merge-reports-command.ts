import { cp, mkdir, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { mergeRunReports, renderHtml, renderJunit, renderSummary, REPORT_FILES, writeFileAtomic } from '../reports/index.ts';
import { ExitCode, UsageError } from './exit-codes.ts';
import { mergeReportsUsage } from './merge-reports-usage.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { prepareOutDir } from './run-options.ts';
import { readRunReport } from './read-run-report.ts';

export async function mergeReportsCommand(args: string[], out: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, mergeReportsUsage);
  if (values.help) {
    out(`${mergeReportsUsage}\n`);
    return ExitCode.Ok;
  }
  if (positionals.length === 0) throw new UsageError(`merge-reports: give the report folder of each shard.\n\n${mergeReportsUsage}`);
  if (!values.out) throw new UsageError(`merge-reports: --out <dir> is required: the folder for the merged reports.\n\n${mergeReportsUsage}`);
  const shards = await Promise.all(positionals.map(async (dir) => ({ dir, report: await readRunReport(dir) })));
  const report = mergeRunReports(shards);
  await prepareOutDir(values.out);
  const files = REPORT_FILES.map((name) => join(values.out!, name));
  const [json, html, junit] = files as [string, string, string];
  await Promise.all([
    writeFileAtomic(json, JSON.stringify(report, null, 2) + '\n'),
    writeFileAtomic(html, renderHtml(report)),
    writeFileAtomic(junit, renderJunit(report)),
    copyBlobs(positionals, join(values.out, 'blob')),
  ]);
  out(`Merged ${shards.length} shard report(s):\n${renderSummary(report, files.map((file) => relative(process.cwd(), file)))}`);
  return ExitCode.Ok;
}

/** Each shard's vitest blob into one folder, the layout `vitest --merge-reports <dir>` reads. */
async function copyBlobs(dirs: string[], target: string): Promise<void> {
  for (const dir of dirs) {
    const blobs = await readdir(join(dir, 'blob')).catch(() => [] as string[]);
    if (blobs.length === 0) continue;
    await mkdir(target, { recursive: true });
    for (const blob of blobs.filter((name) => /^blob-\d+-\d+\.json$/.test(name))) await cp(join(dir, 'blob', blob), join(target, blob));
  }
}
