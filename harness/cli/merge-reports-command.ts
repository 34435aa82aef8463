import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { blobReportDir, mergeRunReports, renderSummary, writeRunReports } from '../reports/index.ts';
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
  const [files] = await Promise.all([writeRunReports(values.out, report), copyBlobs(positionals, blobReportDir(values.out))]);
  out(`Merged ${shards.length} shard report(s):\n${renderSummary(report, files.map((file) => relative(process.cwd(), file)))}`);
  return ExitCode.Ok;
}

/** Each shard's vitest blob into one folder, the layout `vitest --merge-reports <dir>` reads. */
async function copyBlobs(dirs: string[], target: string): Promise<void> {
  // vitest reads every file in the folder: an earlier merge's blobs must not join this one.
  await rm(target, { recursive: true, force: true });
  for (const dir of dirs) {
    const blobs = await readdir(blobReportDir(dir)).catch(() => [] as string[]);
    if (blobs.length === 0) continue;
    await mkdir(target, { recursive: true });
    for (const blob of blobs.filter((name) => /^blob-\d+-\d+\.json$/.test(name))) await cp(join(blobReportDir(dir), blob), join(target, blob));
  }
}
