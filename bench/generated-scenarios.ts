import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Faker, en } from '@faker-js/faker';

/** The outcomes generated partners have, in turn: a success, a refused login, a partner that is not there. */
const OUTCOMES = ['accepts', 'wrong-password', 'refused'] as const;

/**
 * Writes `count` Transfer TestConnection scenarios into `dir`, one file each, as a partner list
 * would give them: faker names, users and passwords (seeded, so every bench run gets the same
 * files), outcomes mixed. Each file is a scenario the harness must pass.
 */
export function writeGeneratedScenarios(dir: string, count: number, seed = 13): void {
  mkdirSync(dir, { recursive: true });
  const faker = new Faker({ locale: [en], seed });
  for (let i = 0; i < count; i++) {
    const outcome = OUTCOMES[i % OUTCOMES.length]!;
    const partner = faker.company.name();
    const username = faker.internet.username().replace(/[^A-Za-z0-9._-]/g, '') || `user${i}`;
    const password = faker.internet.password({ length: 20 });
    const file = join(dir, `${String(i).padStart(4, '0')}-${outcome}.yaml`);
    writeFileSync(file, scenarioYaml(i, outcome, partner, username, password));
  }
}

function scenarioYaml(i: number, outcome: (typeof OUTCOMES)[number], partner: string, username: string, password: string): string {
  const q = (value: string) => JSON.stringify(value);
  const secret = `  secrets:\n    credentials:\n      SecretString: { Username: ${q(username)}, Password: ${q(outcome === 'wrong-password' ? `${password}-old` : password)} }\n`;
  const connector = (url: string, hostKey: string) =>
    `  connectors:\n    partner:\n      Url: ${q(url)}\n      AccessRole: arn:aws:iam::000000000000:role/connector\n      SftpConfig:\n        UserSecretId: "{{ secrets.credentials.arn }}"\n        TrustedHostKeys: [${q(hostKey)}]\n`;
  const head = `name: ${q(`${partner} (${i}): ${outcome}`)}\ntags: [generated, ${outcome}]\n`;
  const when = `when:\n  operation: transfer:TestConnection\n  input: { ConnectorId: "{{ connectors.partner.id }}" }\n`;
  if (outcome === 'refused') {
    const key = 'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBGAJmWuE8T6vT8gV/gDOJcWXB+j4jpPc2I5YF0c0O2/dtNKyGXrCiascwRDcAPeR0mj9iNPet05CwfLJt19TAbc=';
    return `${head}given:\n${secret}${connector('sftp://127.0.0.1:1', key)}${when}then:\n  status: ERROR\n  statusMessage: "Unknown Host/Connection failed: connection to 127.0.0.1:1 was refused"\n`;
  }
  const fakes = `  fakes:\n    partner:\n      kind: sftp\n      users: [{ name: ${q(username)}, password: ${q(password)} }]\n`;
  const then =
    outcome === 'accepts'
      ? 'then:\n  status: OK\n  statusMessage: Connection succeeded\n'
      : `then:\n  status: ERROR\n  statusMessage: ${q(`Authentication failed for user ${username} (tried: password)`)}\n`;
  return `${head}given:\n${fakes}${secret}${connector('{{ fakes.partner.url }}', '{{ fakes.partner.hostKey }}')}${when}${then}`;
}
