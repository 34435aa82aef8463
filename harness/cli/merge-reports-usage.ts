// Apart from merge-reports-command.ts so that `--help` loads nothing else.
export const mergeReportsUsage = `Usage: partner-harness merge-reports <dir>... --out <dir>

Merges the reports of one run split across machines with run --shard 1/n … n/n: reads each
folder's report.json and writes one report.json, report.html and junit.xml to --out, every
scenario once, totals summed. The shards' vitest blobs (<dir>/blob/) are copied to <out>/blob/,
so vitest's own merge works on them too: \`npx vitest --merge-reports <out>/blob --root <dir>\`,
where <dir> is the folder that holds the scenario files (the blobs name them by absolute path,
so run it in a checkout at the same path, as every GitHub-hosted runner has).

It refuses (exit 2, naming the folders) a set that is not one whole run: a shard given twice or
missing, a scenario file in two shards, shards of different runs (another n, mode or set of files).

Options:
  --out <dir>        where the merged reports go (required)
  -h, --help         show this help

Exit codes: 0 merged (whatever the scenarios' outcome: the shards' jobs carry that), 2 the
reports are missing, unreadable or not one complete set of shards.`;
