// Apart from drift-command.ts so that `--help` does not load ssh2.
export const driftUsage = `Usage: partner-harness drift <profile.yaml> [options]

Probes the partner a profile describes (written by probe --save) again and compares: a rotated,
added or removed host key, an algorithm added or dropped, a changed ident, banner or set of
authentication methods, a security policy whose predicted TestConnection answer changed. Each
change is named with what to do.

Options:
  --password-env <NAME>  as for probe; needed when the profile was saved with credentials
  --private-key <file>
  --secret-file <file>
  --json                 print the changes as JSON: { target, drift, changes[] {aspect, subject,
                         change, fix} }
  --junit <file>         also write JUnit XML: one test case per aspect, failed when it changed
  --timeout <ms>         per connection (default 10000)
  -h, --help             show this help

Exit codes: 0 no drift, 1 drift, 2 bad input, 3 the partner could not be reached.`;
