// Apart from probe-command.ts so that `--help` does not load ssh2.
export const probeUsage = `Usage: partner-harness probe sftp://[user@]host[:port] [options]

Reads what a partner's SFTP server offers, without AWS and without logging in: its ident and
banner, every host key it holds (one per type, in TrustedHostKeys form, with its SHA256
fingerprint), its algorithm lists and the authentication methods it takes (from a 'none'
attempt: no credential is sent). The user name (default partner-harness-probe) is sent with
the 'none' attempt, as some servers answer per user.

Options:
  --json          print the result as JSON: target, ident, banner, hostKeys[] {type, publicKey,
                  fingerprint}, algorithms {kex, serverHostKey, cipher, mac, compression},
                  authMethods[]
  --timeout <ms>  per connection (default 10000)
  -h, --help      show this help

Exit codes: 0 probed, 2 bad input, 3 the partner could not be reached.`;
