/** The files `partner-harness init` writes, by path relative to the project folder. */
export interface InitFile {
  path: string;
  content: string;
}

/** `# yaml-language-server: $schema=…`: editors complete and check the scenario against the shipped JSON Schema. */
function schemaLine(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}\n`;
}

export const CONFIG_FILE = `import { defineConfig } from 'partner-harness';

export default defineConfig({
  // Scenario folders, files or globs, relative to this file.
  scenarios: ['scenarios'],
  // Where report.json, report.html and junit.xml go.
  outDir: 'reports/partner-harness',
  // How fakes run: embedded (in-process, nothing to install), process (system sshd, postgres)
  // or container (Docker through testcontainers).
  runtime: 'embedded',
});
`;

const PASSWORD_LOGIN = `name: Our connector logs in to the partner with a password
description: >
  The happy path: the connector trusts the partner's host key, logs in with the user name and
  password from its secret and opens the sftp subsystem. AWS answers "Connection succeeded".
  Replace the fake partner's users and the connector with your partner's set-up.
tags: [starter, password]
seed: 1
vars:
  username: "{{ faker.internet.username }}"
  password: '{{ faker.internet.password({"length": 20}) }}'
given:
  fakes:
    partner:
      kind: sftp
      users:
        - name: "{{ vars.username }}"
          password: "{{ vars.password }}"
  secrets:
    partner-credentials:
      Name: partners/example/sftp
      SecretString:
        Username: "{{ vars.username }}"
        Password: "{{ vars.password }}"
  connectors:
    partner:
      Url: "{{ fakes.partner.url }}"
      AccessRole: arn:aws:iam::000000000000:role/partner-connector
      SftpConfig:
        UserSecretId: "{{ secrets.partner-credentials.arn }}"
        TrustedHostKeys: ["{{ fakes.partner.hostKey }}"]
when:
  operation: transfer:TestConnection
  input:
    ConnectorId: "{{ connectors.partner.id }}"
then:
  status: OK
  statusMessage: Connection succeeded
`;

const HOST_KEY_MISMATCH = `name: The connector refuses a partner whose host key it does not trust
description: >
  The partner presents a host key that is not in the connector's TrustedHostKeys (it rotated its
  key, or it is not the server you think). The test fails before any credentials are sent, and
  the presented key comes back in HostKey so you can verify it with the partner.
tags: [starter, host-key]
seed: 2
vars:
  username: "{{ faker.internet.username }}"
  password: '{{ faker.internet.password({"length": 20}) }}'
keys:
  trustedHostKey: { type: ecdsa-sha2-nistp256 }
given:
  fakes:
    partner:
      kind: sftp
      hostKeys: [ecdsa-sha2-nistp256]
      users: [{ name: "{{ vars.username }}", password: "{{ vars.password }}" }]
  secrets:
    partner-credentials:
      SecretString: { Username: "{{ vars.username }}", Password: "{{ vars.password }}" }
  connectors:
    partner:
      Url: "{{ fakes.partner.url }}"
      AccessRole: arn:aws:iam::000000000000:role/partner-connector
      SftpConfig:
        UserSecretId: "{{ secrets.partner-credentials.arn }}"
        TrustedHostKeys: ["{{ keys.trustedHostKey.publicKey }}"]
when:
  operation: transfer:TestConnection
  input: { ConnectorId: "{{ connectors.partner.id }}" }
then:
  status: ERROR
  statusMessage: Invalid trusted host keys
  hostKey: "{{ fakes.partner.hostKey }}"
  diagnosis: { code: host-key-mismatch, text: "the server presented ecdsa-sha2-nistp256 {{ fakes.partner.hostKeyFingerprint }}, which matches none of the connector's TrustedHostKeys" }
`;

const WORKFLOW = `name: partner-harness

on:
  push:
  pull_request:

jobs:
  scenarios:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      # Exit codes: 0 passed, 1 a scenario failed, 2 an invalid scenario or flag, 3 the harness failed.
      - run: npx partner-harness run
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: partner-harness-reports
          path: reports/partner-harness
`;

/** Every file init writes; `schemaPath` is the JSON Schema as seen from the scenarios folder. */
export function initFiles(schemaPath: string): InitFile[] {
  return [
    { path: 'partner-harness.config.ts', content: CONFIG_FILE },
    { path: 'scenarios/sftp-password-login-succeeds.yaml', content: schemaLine(schemaPath) + PASSWORD_LOGIN },
    { path: 'scenarios/sftp-host-key-mismatch.yaml', content: schemaLine(schemaPath) + HOST_KEY_MISMATCH },
    { path: '.github/workflows/partner-harness.yml', content: WORKFLOW },
  ];
}
