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

/**
 * GitHub Actions: the scenarios split over a matrix of shards (one runner each; as many shards
 * as matrix entries, at most one per scenario file), each shard's reports uploaded, then one job
 * that merges them and writes the Markdown summary to the run's page. Copied unchanged it runs
 * the two starter scenarios on two shards.
 */
export const GITHUB_WORKFLOW = `name: partner-harness

on:
  push:
  pull_request:

jobs:
  scenarios:
    name: scenarios (shard \${{ matrix.shard }})
    runs-on: ubuntu-latest
    strategy:
      fail-fast: false
      matrix:
        # One entry per shard; add entries as you add scenario files (at most one per file).
        shard: [1, 2]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      # ubuntu-latest has Docker, so the container runtime works here too: add --runtime container
      # (or set runtime: 'container' in partner-harness.config.ts) to run the fakes as containers.
      # Exit codes: 0 passed, 1 a scenario failed, 2 an invalid scenario or flag, 3 the harness failed.
      - run: npx partner-harness run --shard \${{ matrix.shard }}/\${{ strategy.job-total }} --out reports/partner-harness/shard-\${{ matrix.shard }}
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: partner-harness-shard-\${{ matrix.shard }}
          path: reports/partner-harness/shard-\${{ matrix.shard }}

  report:
    # Also when a shard failed: that is when the summary matters.
    if: always()
    needs: scenarios
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      - uses: actions/download-artifact@v4
        with:
          pattern: partner-harness-shard-*
          path: reports/shards
      # One report.json, report.html and junit.xml; exit 2 if a shard's reports are missing.
      - run: npx partner-harness merge-reports reports/shards/* --out reports/partner-harness/merged
      - run: npx partner-harness report reports/partner-harness/merged/report.json --format markdown >> "$GITHUB_STEP_SUMMARY"
      - uses: actions/upload-artifact@v4
        with:
          name: partner-harness-report
          path: reports/partner-harness/merged
`;

/**
 * GitLab CI: the same split with \`parallel\` (CI_NODE_INDEX of CI_NODE_TOTAL), JUnit reports for
 * the merge request's test widget, and a job at the end that merges the shards' reports.
 */
export const GITLAB_CI = `# partner-harness: the scenarios on two parallel jobs, then one merged report.
partner-harness:
  image: node:22
  # One job per shard; raise it as you add scenario files (at most one per file).
  parallel: 2
  cache:
    key:
      files: [package-lock.json]
    paths: [.npm/]
  script:
    - npm ci --cache .npm --prefer-offline
    # Exit codes: 0 passed, 1 a scenario failed, 2 an invalid scenario or flag, 3 the harness failed.
    - npx partner-harness run --shard \${CI_NODE_INDEX}/\${CI_NODE_TOTAL} --out reports/partner-harness/shard-\${CI_NODE_INDEX}
  artifacts:
    when: always
    paths: [reports/partner-harness/]
    reports:
      junit: reports/partner-harness/shard-*/junit.xml

partner-harness-report:
  image: node:22
  stage: .post
  needs: [partner-harness]
  when: always
  cache:
    key:
      files: [package-lock.json]
    paths: [.npm/]
    policy: pull
  script:
    - npm ci --cache .npm --prefer-offline
    - npx partner-harness merge-reports reports/partner-harness/shard-* --out reports/partner-harness/merged
    - npx partner-harness report reports/partner-harness/merged/report.json --format markdown > reports/partner-harness/merged/summary.md
  artifacts:
    when: always
    paths: [reports/partner-harness/merged/]
`;

/** Where each CI's file goes, for `init --ci`. */
export const CI_FILES = {
  github: { path: '.github/workflows/partner-harness.yml', content: GITHUB_WORKFLOW },
  gitlab: { path: '.gitlab-ci.yml', content: GITLAB_CI },
} as const;

export type CiChoice = keyof typeof CI_FILES | 'none';
export const CI_CHOICES: readonly CiChoice[] = ['github', 'gitlab', 'none'];

/** Every file init writes; `schemaPath` is the JSON Schema as seen from the scenarios folder. */
export function initFiles(schemaPath: string, ci: CiChoice = 'github'): InitFile[] {
  return [
    { path: 'partner-harness.config.ts', content: CONFIG_FILE },
    { path: 'scenarios/sftp-password-login-succeeds.yaml', content: schemaLine(schemaPath) + PASSWORD_LOGIN },
    { path: 'scenarios/sftp-host-key-mismatch.yaml', content: schemaLine(schemaPath) + HOST_KEY_MISMATCH },
    ...(ci === 'none' ? [] : [CI_FILES[ci]]),
  ];
}
