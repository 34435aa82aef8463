// Apart from probe-command.ts so that `--help` does not load ssh2, the drivers or the SDKs.
export const probeUsage = `Usage: partner-harness probe sftp://[user@]host[:port] [options]
       partner-harness probe jdbc:postgresql://host[:port]/db [options]
       partner-harness probe jdbc:mysql://host[:port]/db [options]
       partner-harness probe idp <API Gateway URL | handler file> --users <file> [options]
                                                  (partner-harness probe idp --help)

sftp:// reads what a partner's SFTP server offers, without AWS and without logging in: its
ident and banner, every host key it holds (one per type, in TrustedHostKeys form, with its
SHA256 fingerprint), its algorithm lists and the authentication methods it takes (from a
'none' attempt: no credential is sent). The user name (default partner-harness-probe) is sent
with the 'none' attempt, as some servers answer per user. Then, for every connector security
policy, what TestConnection would answer, asked of the emulator itself. Without credentials the
connector trusts no key yet, so it only negotiates and reads the host key (no credential is
sent); with them, each policy logs in for real, and the probe logs in once more itself to open
the sftp subsystem and list the home directory.

jdbc: reads what a PostgreSQL or MySQL/MariaDB server shows before login: its version (MySQL's
handshake tells it; PostgreSQL only after a login), whether it offers or requires TLS, the
certificate chain it sends (subject, names, issuer, self-signed or not, expiry, fingerprint) and
the authentication method it asks for. With credentials, a real login. Then what Glue
TestConnection would answer, asked of the emulator, under each TLS setting: driver-default,
enforce-ssl (JDBC_ENFORCE_SSL), enforce-ssl+custom-cert (CUSTOM_JDBC_CERT: the server's
self-signed root or --ca-file) and enforce-ssl+custom-cert+skip-validation
(SKIP_CUSTOM_JDBC_CERT_VALIDATION). Without credentials a probe user with a random password
logs in, so the answers show what fails before authentication.

Options:
  --json                   print the result as JSON. sftp: target, ident, banner, algorithms
                           {kex, serverHostKey, cipher, mac, compression}, authMethods[],
                           hostKeys[] {type, publicKey, fingerprint}, policies[] {name, status,
                           statusMessage, hostKey, provenance, negotiated {kex, serverHostKey,
                           cipher, mac}: with credentials}, login. jdbc: target {engine, host,
                           port, database}, version, tls {offered, required, certificates[],
                           protocol, cipher}, authMethod, authMechanisms, serverError, login,
                           answers[] {setting, properties, status, exception, message,
                           provenance, skipped}
  --save <file>            write the partner's profile (no credential) for drift
  --html <file>            write a self-contained page (no script, nothing fetched) with the
                           policy matrix: what the server showed, then AWS's predicted answer
                           per policy (sftp) or TLS setting (jdbc), coloured and labelled; no
                           credential. probe idp has no matrix and refuses it (exit 2)
  --junit <file>           also write JUnit XML: one test case per policy (sftp) or TLS setting
                           (jdbc), failed when AWS's test would fail
  --password-env <NAME>    sftp: log in as the URL's user; jdbc: as --user; with the password in
                           this variable
  --private-key <file>     sftp: log in as the URL's user with this private key
  --secret-file <file>     log in with a secret's JSON: sftp, the connector's (Username,
                           Password or PrivateKey); jdbc, Glue's (username, password)
  --user <name>            jdbc: the database user (JDBC URLs here carry no credential)
  --ca-file <file>         jdbc: the partner's root CA (PEM) for the CUSTOM_JDBC_CERT settings
                           (default: the server's own certificate when it is self-signed)
  --trusted-host-key <key> sftp: a key the connector trusts, '<type> <base64>' (repeat it;
                           default: the keys the server showed, which you must verify with the
                           partner)
  --require-policy <name>  exit 1 unless AWS's test would pass under this security policy
                           (sftp) or TLS setting (jdbc); repeat it; needs credentials
  --timeout <ms>           per connection (default 10000)
  -h, --help               show this help

Credentials are never printed or saved.
Exit codes: 0 probed (and every required policy passes), 1 a required policy would fail,
2 bad input, 3 the partner could not be reached.`;
