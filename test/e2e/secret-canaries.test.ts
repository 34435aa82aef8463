import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from '../support/run-cli.ts';

/**
 * The shipped catalogue, with every password and private key replaced by canary values, run
 * with debug logging on: no canary may appear in any output the harness writes.
 */
const CANARY_PASSWORD = 'CANARY-pw-7f3a9c1e';
const CANARY_CODE = 'CANARY-code-3b8e';

/**
 * An identity-provider Lambda that prints its input every way a handler can: console methods,
 * raw stdout/stderr writes, and later from a timer outside its own async work (which only the
 * scenario worker's redaction sees). Only the canary password logs in.
 */
const LEAKY_HANDLER = `let pending;
setInterval(() => {
  if (!pending) return;
  console.log('later, outside the handler:', pending);
  process.stderr.write('later raw ' + pending.password + '\\n');
  pending = undefined;
}, 1).unref();
export const handler = async (event) => {
  console.log(event);
  console.error(JSON.stringify(event));
  console.info('password=%s', event.password);
  process.stdout.write('stdout ' + event.password + '\\n');
  pending = event;
  await new Promise((resolve) => setTimeout(resolve, 50));
  return event.password === '${CANARY_PASSWORD}' ? { Role: 'arn:aws:iam::000000000000:role/leaky' } : {};
};
`;
const LEAKY_SCENARIO = `name: A Lambda handler that prints its input leaks nothing
given:
  lambdas:
    idp: { module: lambdas/leaky.mjs }
  servers:
    sftp: { IdentityProviderType: AWS_LAMBDA, IdentityProviderDetails: { Function: "{{ lambdas.idp.arn }}" } }
when:
  operation: transfer:TestIdentityProvider
  input: { ServerId: "{{ servers.sftp.id }}", UserName: leaky, UserPassword: ${CANARY_PASSWORD} }
then:
  statusCode: 200
  message: ""
  responseJson: { Role: arn:aws:iam::000000000000:role/leaky }
`;

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));
}

describe('secrets never appear in output', () => {
  let dir: string;
  let result: CliResult;
  const privateKeys: string[] = [];
  const canaries: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-canary-'));
    const catalogue = join(dir, 'catalogue');
    await cp(join(ROOT, 'scenarios'), catalogue, { recursive: true });
    // As in a user's project: the TypeScript scenarios import 'partner-harness' by name.
    await mkdir(join(dir, 'node_modules'));
    await symlink(ROOT, join(dir, 'node_modules', 'partner-harness'));
    // Each literal password becomes its own canary, so right and wrong passwords stay distinct.
    const literals = new Map<string, string>();
    for (const path of await files(catalogue)) {
      let text = await readFile(path, 'utf8');
      text = text
        .replace(/\{\{ faker\.(internet\.password|string\.alphanumeric)\(.*?\) \}\}/g, CANARY_PASSWORD)
        .replaceAll('aPrx-one-time-code', CANARY_CODE)
        .replace(/\b[A-Z][a-z]+-Pass-\d+\b/g, (literal) => {
          if (!literals.has(literal)) literals.set(literal, `CANARY-${literals.size}-${literal.length}x9q`);
          return literals.get(literal)!;
        })
        .replaceAll("'../../harness/", `'${ROOT}harness/`)
        // Generated keys become brought-along canary keys, a distinct one per alias.
        .replace(/\{ type: (ssh-rsa|ecdsa-sha2-nistp256) \}/g, () => {
          const key = ssh2.utils.generateKeyPairSync('ecdsa', { bits: 256 }).private;
          privateKeys.push(key);
          return `{ privateKey: ${JSON.stringify(key)} }`;
        });
      await writeFile(path, text);
    }
    await writeFile(join(catalogue, 'identity-provider/lambdas/leaky.mjs'), LEAKY_HANDLER);
    await writeFile(join(catalogue, 'identity-provider/90-leaky-lambda-handler.yaml'), LEAKY_SCENARIO);
    canaries.push(CANARY_PASSWORD, CANARY_CODE, ...literals.values());
    result = await runCli(['run', catalogue, '--out', join(dir, 'out')], { env: { DEBUG: 'partner-harness:*' } });
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('the canary catalogue still passes, so the canaries were really used', () => {
    expect(privateKeys.length).toBeGreaterThanOrEqual(4);
    expect(result.stdout).toMatch(/^\d+ passed, 0 failed, 0 invalid, 0 skipped$/m);
    expect(result.code).toBe(0);
  });

  it('no canary in stdout, stderr (debug logs), JSON, HTML or JUnit reports', async () => {
    const outputs: Record<string, string> = {
      stdout: result.stdout,
      stderr: result.stderr,
      'report.json': await readFile(join(dir, 'out/report.json'), 'utf8'),
      'report.html': await readFile(join(dir, 'out/report.html'), 'utf8'),
      'junit.xml': await readFile(join(dir, 'out/junit.xml'), 'utf8'),
    };
    expect(outputs.stderr).toContain('partner-harness:');
    const keyLines = privateKeys.flatMap((key) => key.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----')));
    expect(canaries.length).toBeGreaterThan(5);
    for (const [name, text] of Object.entries(outputs)) {
      for (const canary of [...canaries, ...keyLines]) expect(text.includes(canary), `${name} contains a canary`).toBe(false);
      expect(text, name).not.toContain('PRIVATE KEY-----');
      // Generated secrets the test cannot know in advance: JWT assertions and Salesforce tokens.
      expect(text, `${name} holds a JWT`).not.toMatch(/eyJ[\w-]{10,}\.eyJ[\w-]{10,}\./);
      expect(text, `${name} holds a Salesforce access token`).not.toMatch(/00D\w{12}![\w-]{20,}/);
    }
  });

  it('transcripts are in the report, redacted but still useful', async () => {
    const report = JSON.parse(await readFile(join(dir, 'out/report.json'), 'utf8'));
    const ok = report.scenarios.find((s: { file: string }) => s.file === 'transfer-connector/01-password-login-succeeds.yaml');
    const transcript = JSON.stringify(ok.result.transcripts.partner);
    expect(transcript).toContain('"method":"password"');
    expect(ok.result.emulator.messages[0]).toMatchObject({ id: 'transfer.test-connection.succeeded', provenance: 'documented' });
    expect(JSON.stringify(ok.result.request)).not.toContain(CANARY_PASSWORD);
    // A TestIdentityProvider request carries the password itself: it is masked, not dropped.
    const tip = report.scenarios.find((s: { file: string }) => s.file === 'identity-provider/01-password-login-succeeds.yaml');
    expect(tip.result.request.UserPassword).toBe('***');
  });

  it("a handler's output is in the call transcript, masked, as CloudWatch would hold it; what it prints later is masked where it goes", async () => {
    const report = JSON.parse(await readFile(join(dir, 'out/report.json'), 'utf8'));
    const leaky = report.scenarios.find((s: { file: string }) => s.file === 'identity-provider/90-leaky-lambda-handler.yaml');
    expect(leaky.state).toBe('passed');
    const logs = leaky.result.emulator.transcript.filter((entry: { kind: string }) => entry.kind === 'lambda-log').map((entry: { detail: unknown }) => entry.detail);
    expect(logs).toEqual([
      { stream: 'stdout', level: 'log', text: expect.stringContaining("password: '***'") },
      { stream: 'stderr', level: 'error', text: expect.stringContaining('"password":"***"') },
      { stream: 'stdout', level: 'info', text: 'password=***\n' },
      { stream: 'stdout', level: 'write', text: 'stdout ***\n' },
    ]);
    // Printed from a timer outside the handler: through vitest's console into the reports, and
    // raw to the terminal; both redacted by the scenario worker.
    expect(await readFile(join(dir, 'out/junit.xml'), 'utf8')).toMatch(/<system-out>[^<]*later, outside the handler: \{[^<]*password: '\*\*\*'/);
    expect(result.stderr).toContain('later raw ***');
  });
});
