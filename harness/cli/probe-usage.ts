// Apart from probe-command.ts so that `--help` does not load ssh2.
export const probeUsage = `Usage: partner-harness probe sftp://[user@]host[:port] [options]

Reads what a partner's SFTP server offers, without AWS and without logging in: its ident and
banner, every host key it holds (one per type, in TrustedHostKeys form, with its SHA256
fingerprint), its algorithm lists and the authentication methods it takes (from a 'none'
attempt: no credential is sent). The user name (default partner-harness-probe) is sent with
the 'none' attempt, as some servers answer per user.

Then, for every connector security policy, what TestConnection would answer, asked of the
emulator itself. Without credentials the connector trusts no key yet, so it only negotiates and
reads the host key (no credential is sent); with them, each policy logs in for real, and the
probe logs in once more itself to open the sftp subsystem and list the home directory.

Options:
  --json                   print the result as JSON: target, ident, banner, algorithms {kex,
                           serverHostKey, cipher, mac, compression}, authMethods[], hostKeys[]
                           {type, publicKey, fingerprint}, policies[] {name, status,
                           statusMessage, hostKey, provenance}, login
  --save <file>            write the partner's profile (no credential) for drift
  --junit <file>           also write JUnit XML: one test case per policy, failed when
                           TestConnection would answer ERROR
  --password-env <NAME>    log in as the URL's user with the password in this variable
  --private-key <file>     log in as the URL's user with this private key
  --secret-file <file>     log in with a connector secret's JSON (Username, Password or PrivateKey)
  --trusted-host-key <key> a key the connector trusts, '<type> <base64>' (repeat it; default:
                           the keys the server showed, which you must verify with the partner)
  --require-policy <name>  exit 1 unless TestConnection would pass under it (repeat it; needs
                           credentials)
  --timeout <ms>           per connection (default 10000)
  -h, --help               show this help

Credentials are never printed or saved.
Exit codes: 0 probed (and every required policy passes), 1 a required policy would fail,
2 bad input, 3 the partner could not be reached.`;
