// Apart from calibrate-command.ts so that `--help` does not load the SDKs and the fakes.
export const calibrateUsage = `Usage: partner-harness calibrate [paths…] --against aws|<endpoint URL> [options]

Runs each scenario's call twice: emulated, as run does, and against the target (real AWS with
the SDK's default credentials and region, or an endpoint URL standing in for it), creating the
scenario's given resources there too and deleting them afterwards. Compares Status, the text
(StatusMessage, Message or the exception's message), the exception, the HTTP status and the
response's member names, and writes calibration.json, calibration.html and
messages.observed.json: for each catalogue entry whose text the target words differently,
what it said. Name that file in your config (messages: './partners/messages.observed.json')
and run answers with those texts, as provenance observed.

The scenarios are the paths given, else the config's, else ./scenarios (--catalogue: the
shipped ones). Real AWS cannot reach fakes on this machine: against aws, use scenarios whose
partners AWS can reach.

Options:
  --against <t>      aws, or an endpoint URL (e.g. a second emulator: http://127.0.0.1:4566)
  --region <r>       the target's region (default: the SDK's: AWS_REGION or your profile;
                     us-east-1 for an endpoint URL)
  --out <dir>        where the three files go (default: reports/calibration)
  --catalogue        calibrate the catalogue shipped with partner-harness
  --config <file>    the config file (default: partner-harness.config.{ts,mts,js,mjs} here)
  --runtime <r>      how fakes run: embedded (default), process or container
  -h, --help         show this help

Exit codes: 0 every answer matched, 1 differences found (the report says which), 2 bad input,
3 the target could not be reached, 130 interrupted (after the running scenario is cleaned up).`;
