// Apart from report-command.ts so that `--help` loads nothing else.
export const reportUsage = `Usage: partner-harness report <report.json> --format markdown [options]

Prints a run's report.json (from run or merge-reports) as Markdown on stdout, for
$GITHUB_STEP_SUMMARY or a pull-request comment: the totals, the failures first with expected vs
actual, then every scenario with the runtime of each fake. Values are escaped; the text is cut
with a note before GitHub's 1 MiB step-summary limit.

Options:
  --format <f>       markdown (the only format; the run writes JSON, HTML and JUnit itself)
  --max-bytes <n>    cut the text at n bytes (default: just under 1 MiB)
  -h, --help         show this help

Exit codes: 0 printed (whatever the scenarios' outcome), 2 the file is missing or not a report.`;
