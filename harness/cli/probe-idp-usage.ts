// Apart from probe-idp-command.ts so that `--help` loads neither the emulator nor the SDK.
export const probeIdpUsage = `Usage: partner-harness probe idp <API Gateway URL | handler file[#export]> --users <file> [options]

Calls a Transfer custom identity provider the way Transfer does: an emulated Transfer server
(in this process) using the provider answers TestIdentityProvider for each user in the users
file, then for a set of edge cases. Per attempt it shows AWS's answer (StatusCode, Message,
Response, Url), our diagnosis of the provider's answer beside it, and a verdict.

The provider is an API Gateway invoke URL (https://<api-id>.execute-api.<region>.amazonaws.com/<stage>,
IdentityProviderType API_GATEWAY) or a Lambda handler file run in this process (AWS_LAMBDA):
./handler.mjs, .js, .cjs or .ts (TypeScript needs no tsx), export 'handler' unless named after #,
e.g. ./idp/index.ts#authorize.

The users file (YAML or JSON, at most 200 users):
  users:
    - username: alice
      passwordEnv: ALICE_PASSWORD    # or password: …; neither means a public-key login
      protocol: SFTP                 # SFTP (default), FTP or FTPS
      sourceIp: 198.51.100.7         # optional: the client address the provider sees
      expect: success                # success (default) or failed-login

Edge cases, after the users: unknown user names with '@', '+', '.', a space and non-ASCII
letters (each must be denied cleanly: StatusCode 200, empty Response); as the first user with a
password, that password with edge spaces (accepted: the provider trims passwords) and a password
beyond Latin-1 (must be denied, not crash the provider), a public-key login (are PublicKeys
answered?), each protocol (a different answer is flagged) and source IP 203.0.113.77 (accepted:
a warning if the provider keeps an allow-list).

Verdicts: as-expected, warning (worth a look), problem (a user not answered as expected, or a
provider that fails, times out or answers a session Transfer cannot use).

Options:
  --users <file>     the users to try (required)
  --json             print the result as JSON: target, type, users[] {username, protocol,
                     sourceIp, passwordLogin, answer {statusCode, message, response, url} | null,
                     diagnosis {kind, …}, expected, verdict, explanation}, edgeCases[] {name,
                     username, protocol, sourceIp, passwordLogin, answer, diagnosis, verdict,
                     explanation}, skippedEdgeCases[] {name, reason}, reachable
  --junit <file>     also write JUnit XML: one test case per user and per edge case, failed on
                     a problem
  --timeout <ms>     how long the provider may take per call (default: AWS's, 29000 for API
                     Gateway, which is also the most it takes; Lambda's default 3000 for a
                     handler file)
  -h, --help         show this help

Passwords are never printed or written; answers that quote one show *** instead.
Exit codes: 0 every user answered as expected and no edge case is a problem, 1 otherwise,
2 bad input, 3 the provider could not be reached (the first call got no answer: refused,
unknown host, or silent until the timeout).`;
