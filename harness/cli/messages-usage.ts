// Apart from messages-command.ts so that `--help` does not load the emulated services.
export const messagesUsage = `Usage: partner-harness messages [options]

Lists the message catalogue: every text the emulated services answer with, its id, its
provenance (documented: AWS documents the exact text; observed: it was seen from the real
service; inferred: no verbatim text is known, ours in AWS's style; harness: the harness saying
it cannot emulate something) and the source a reader can open.

Options:
  --operation <op>     only one operation's texts, e.g. transfer:TestConnection, or
                       'transfer:*' for a service's other operations
  --provenance <p>     only documented, observed, inferred or harness texts
  --json               JSON for tools: [{ id, operation, text, provenance, source }]
  -h, --help           show this help

Exit codes: 0 listed (also when nothing matches), 2 an unknown option or value.`;
