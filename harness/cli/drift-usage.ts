// Apart from drift-command.ts so that `--help` does not load ssh2.
export const driftUsage = `Usage: partner-harness drift <profile.yaml> [options]

Probes the partner a profile describes (written by probe --save) again and compares. SFTP: a
rotated, added or removed host key, an algorithm added or dropped, a changed ident, banner or
set of authentication methods, a security policy whose predicted TestConnection answer changed.
Database: a changed server certificate, TLS offered or required no longer, a new version or auth
method, a TLS setting whose predicted Glue TestConnection answer changed (a certificate that
expires within 30 days is a note, not drift). Each change is named with what to do.

Options:
  --password-env <NAME>  as for probe; needed when the profile was saved with credentials
  --user <name>          (jdbc) the database user for --password-env
  --private-key <file>   (sftp)
  --secret-file <file>
  --ca-file <file>       (jdbc) the partner's root CA for the CUSTOM_JDBC_CERT settings
  --json                 print the changes as JSON: { target, drift, changes[] {aspect, subject,
                         change, fix}, warnings[] }
  --junit <file>         also write JUnit XML: one test case per aspect, failed when it changed
  --timeout <ms>         per connection (default 10000)
  -h, --help             show this help

Exit codes: 0 no drift, 1 drift, 2 bad input, 3 the partner could not be reached.`;
