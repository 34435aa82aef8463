import { createServer, type AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SftpFake } from '../../fakes/sftp/index.ts';
import { connectorSecurityPolicies } from '../../harness/aws/index.ts';
import { emulatedAnswers } from '../support/emulated-answers.ts';
import { runCli } from '../support/run-cli.ts';

describe('partner-harness probe sftp://…', () => {
  it('prints what the partner offers as JSON, sending no credential', async () => {
    await using partner = await new SftpFake()
      .withHostKey('ssh-ed25519')
      .withHostKey('ecdsa-sha2-nistp384')
      .withIdent('PartnerSFTP_9')
      .withBanner('Welcome to Acme\r\n')
      .withUser('acme', { password: 'Acme-Password-1' })
      .start();
    const result = await runCli(['probe', `sftp://acme@${partner.getHost()}:${partner.getPort()}`, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const scan = JSON.parse(result.stdout);
    expect(Object.keys(scan)).toEqual(['target', 'ident', 'banner', 'algorithms', 'authMethods', 'hostKeys', 'login', 'policies']);
    expect(scan.login).toBeNull();
    expect(scan).toMatchObject({ target: { host: partner.getHost(), port: partner.getPort() }, ident: 'SSH-2.0-PartnerSFTP_9', banner: 'Welcome to Acme\r\n' });
    expect(scan.authMethods).toContain('password');
    const held = partner.getHostKeys().map(({ publicKey, fingerprint }) => ({ type: publicKey.split(' ')[0], publicKey, fingerprint }));
    expect(scan.hostKeys).toHaveLength(held.length);
    expect(scan.hostKeys).toEqual(expect.arrayContaining(held));
    expect(partner.getTranscript().filter((entry) => entry.kind === 'auth').map((entry) => entry.detail.method)).not.toContain('password');
  });

  it('prints a table a person reads: each host key in TrustedHostKeys form with its fingerprint', async () => {
    await using partner = await new SftpFake().withHostKey('ssh-ed25519').withUser('acme', { password: 'Acme-Password-1' }).start();
    const result = await runCli(['probe', partner.getUrl()]);
    expect(result.code, result.stderr).toBe(0);
    const [key] = partner.getHostKeys();
    expect(result.stdout).toContain(`  ${key!.publicKey}\n    ${key!.fingerprint}\n`);
    expect(result.stdout).toMatch(/^ {2}kex {10}\S/m);
    expect(result.stdout).toMatch(/^authentication methods: .*password/m);
  });

  it('shows what a hostile partner sends (a banner with escape sequences) as escapes, never raw to the terminal', async () => {
    await using partner = await new SftpFake().withBanner('Authorised use only\u001b[2J\u009b31m').withUser('acme', { password: 'Acme-Password-1' }).start();
    const result = await runCli(['probe', partner.getUrl()]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('banner: "Authorised use only\\u001b[2J\\u009b31m');
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('exits 2 on a target that is not sftp://host[:port], and 3 when the partner cannot be reached', async () => {
    for (const bad of ['ftp://host', 'sftp://user:secret@host', 'not a url', 'sftp://host/path']) {
      const result = await runCli(['probe', bad]);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toMatch(/^partner-harness: .*sftp:\/\//m);
      expect(result.stderr).not.toContain('secret@');
    }
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = await runCli(['probe', `sftp://127.0.0.1:${port}`, '--timeout', '3000']);
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toContain(`partner-harness: 127.0.0.1:${port}: connect ECONNREFUSED`);
  });
});

describe('partner-harness probe: what TestConnection would answer under each security policy', () => {
  const POLICIES = Object.keys(connectorSecurityPolicies);

  it('without credentials: the connector only reads the host key, under every policy, and no credential reaches the partner', async () => {
    await using partner = await new SftpFake().withHostKey('ecdsa-sha2-nistp256').withUser('acme', { password: 'Acme-Password-1' }).start();
    const result = await runCli(['probe', partner.getUrl(), '--json']);
    expect(result.code, result.stderr).toBe(0);
    const { policies } = JSON.parse(result.stdout) as { policies: Array<{ name: string; status: string; statusMessage: string; hostKey?: string; provenance?: string }> };
    expect(policies.map((policy) => policy.name)).toEqual(POLICIES);
    for (const policy of policies) {
      expect(policy).toMatchObject({ status: 'ERROR', hostKey: partner.getHostKey() });
      expect(policy.provenance).toMatch(/^(documented|observed|inferred)$/);
    }
    expect(partner.getTranscript().filter((entry) => entry.kind === 'auth').map((entry) => entry.detail.method)).not.toContain('password');
  });

  it('with credentials: each policy logs in for real, the answers are the emulated TestConnection’s own, and --require-policy gates the exit code', async () => {
    // Only ed25519: no connector policy offers it, so every policy fails to negotiate.
    await using narrow = await new SftpFake().withHostKey('ssh-ed25519').withUser('acme', { password: 'Acme-Password-1' }).start();
    await using open = await new SftpFake().withUser('acme', { password: 'Acme-Password-1', files: { 'outbound/invoice-1.csv': 'id\n1\n', 'readme.txt': 'hi' } }).start();
    const env = { PARTNER_PASSWORD: 'Acme-Password-1' };
    const passing = await runCli(['probe', `sftp://acme@${open.getHost()}:${open.getPort()}`, '--password-env', 'PARTNER_PASSWORD', '--json', ...POLICIES.flatMap((name) => ['--require-policy', name])], { env });
    expect(passing.code, passing.stderr).toBe(0);
    expect(passing.stdout + passing.stderr).not.toContain('Acme-Password-1');
    const probed = JSON.parse(passing.stdout) as { login: unknown; policies: Array<{ name: string; status: string; statusMessage: string }> };
    // A real login, the sftp subsystem and the home directory's listing.
    expect(probed.login).toMatchObject({ ok: true, username: 'acme', method: 'password', entries: ['outbound', 'readme.txt'], truncated: false });
    const predicted = probed.policies;
    expect(predicted.every((policy) => policy.status === 'OK')).toBe(true);
    expect(await emulatedAnswers(open.getUrl(), { username: 'acme', password: 'Acme-Password-1' }, [open.getHostKey()])).toEqual(predicted.map(({ name, status, statusMessage }) => ({ name, status, statusMessage })));

    const junit = join(await mkdtemp(join(tmpdir(), 'ph-probe-junit-')), 'probe.xml');
    const failing = await runCli(['probe', `sftp://acme@${narrow.getHost()}:${narrow.getPort()}`, '--password-env', 'PARTNER_PASSWORD', '--require-policy', POLICIES[0]!, '--junit', junit], { env });
    expect(failing.code).toBe(1);
    // One test case per policy for CI, each failed with AWS's message.
    const xml = await readFile(junit, 'utf8');
    await rm(dirname(junit), { recursive: true, force: true });
    expect(xml.match(/<testcase /g)).toHaveLength(POLICIES.length);
    expect(xml.match(/<failure message="Key exchange negotiation failed due to incompatible host key algorithms/g)).toHaveLength(POLICIES.length);
    expect(xml).toContain(`name="TestConnection under ${POLICIES[0]}"`);
    expect(failing.stderr).toContain(`TestConnection would fail under ${POLICIES[0]}`);
    expect(failing.stdout).toMatch(/ERROR +\S+\n +Key exchange negotiation failed due to incompatible host key algorithms/);
  });

  it('reads a connector secret file, and refuses what it cannot use with exit 2 without printing it', async () => {
    await using partner = await new SftpFake().withUser('acme', { password: 'Acme-Password-1' }).start();
    const dir = await mkdtemp(join(tmpdir(), 'ph-probe-'));
    try {
      await writeFile(join(dir, 'secret.json'), JSON.stringify({ Username: 'acme', Password: 'Acme-Password-1' }));
      const ok = await runCli(['probe', partner.getUrl(), '--secret-file', join(dir, 'secret.json'), '--require-policy', POLICIES[0]!]);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).not.toContain('Acme-Password-1');
      await writeFile(join(dir, 'wrong.json'), JSON.stringify({ Username: 'acme', Password: 'Wrong-Password-9' }));
      const wrong = await runCli(['probe', partner.getUrl(), '--secret-file', join(dir, 'wrong.json'), '--json']);
      expect(wrong.code, wrong.stderr).toBe(0);
      expect(JSON.parse(wrong.stdout).login).toMatchObject({ ok: false, username: 'acme', stage: 'login' });
      expect(wrong.stdout + wrong.stderr).not.toContain('Wrong-Password-9');
      await writeFile(join(dir, 'broken.json'), '{"Username": "acme", "Password": "Leaked-Secret-1"');
      const broken = await runCli(['probe', partner.getUrl(), '--secret-file', join(dir, 'broken.json')]);
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain('not a JSON object');
      expect(broken.stderr).not.toContain('Leaked-Secret-1');
      const unknownPolicy = await runCli(['probe', partner.getUrl(), '--secret-file', join(dir, 'secret.json'), '--require-policy', 'TransferSFTPConnectorSecurityPolicy-1999']);
      expect(unknownPolicy.code).toBe(2);
      expect(unknownPolicy.stderr).toContain(POLICIES[0]);
      const noCredentials = await runCli(['probe', partner.getUrl(), '--require-policy', POLICIES[0]!]);
      expect(noCredentials.code).toBe(2);
      // A key AWS would refuse at CreateConnector: the user's option, with AWS's words.
      const ed25519 = await runCli(['probe', partner.getUrl(), '--secret-file', join(dir, 'secret.json'), '--trusted-host-key', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG934W7E5NMwwutdBVc+WywLc6Tdk4RcvomG/kOMrJqU']);
      expect(ed25519.code).toBe(2);
      expect(ed25519.stderr).toContain('CreateConnector refuses this connector: InvalidRequestException: Unsupported host key type ssh-ed25519');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
