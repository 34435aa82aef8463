import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isSftpRuntimeAvailable, SftpFake, type SshAlgorithms } from '../../fakes/sftp/index.ts';
import { generateSshKey, type HostKeyType } from '../../core/ssh/index.ts';
import { emulatedAnswers } from '../support/emulated-answers.ts';
import { runCli } from '../support/run-cli.ts';

const run = promisify(execFile);

/** The algorithm lists of the sshd this worker started (the test runs one at a time), from `sshd -T`. */
async function sshdEffectiveConfig(): Promise<Record<'kexalgorithms' | 'ciphers' | 'macs' | 'compression' | 'hostkeyalgorithms', string[]>> {
  const { stdout: children } = await run('ps', ['--ppid', String(process.pid), '-o', 'args=']);
  const configs = [...children.matchAll(/sshd .*-f (\S+)/g)].map((match) => match[1]!);
  expect(configs).toHaveLength(1);
  const { stdout } = await run('/usr/sbin/sshd', ['-T', '-f', configs[0]!, '-C', 'user=probeuser,host=localhost,addr=127.0.0.1']);
  const setting = (name: string) => (stdout.match(new RegExp(`^${name} (.*)$`, 'm'))?.[1] ?? '').split(',');
  return { kexalgorithms: setting('kexalgorithms'), ciphers: setting('ciphers'), macs: setting('macs'), compression: setting('compression'), hostkeyalgorithms: setting('hostkeyalgorithms') };
}

/** The key type a host-key algorithm signs with: rsa-sha2-256 and ssh-rsa both use an ssh-rsa key. */
const keyTypeOf = (algorithm: string) => (algorithm.startsWith('rsa-sha2-') ? 'ssh-rsa' : algorithm);
const PASSWORD = 'Probe-Pass-42';

interface Partner {
  name: string;
  hostKeys: HostKeyType[];
  algorithms?: SshAlgorithms;
  banner?: string;
  /** ssh-keyscan (OpenSSH 9) does not offer SHA-1 key exchange: it cannot read this server's keys. */
  keyscanCannotNegotiate?: boolean;
  /** The user logs in with a key only: sshd offers publickey alone, and the probe logs in with --private-key. */
  keysOnly?: boolean;
}

// Partners no one here wrote: the machine's OpenSSH sshd, in the configurations that break
// connectors in public issues (legacy ssh-rsa, SHA-1 key exchange, ed25519 only).
const PARTNERS: Partner[] = [
  { name: 'a legacy ssh-rsa-only host key', hostKeys: ['ssh-rsa'], algorithms: { serverHostKey: ['ssh-rsa'] } },
  { name: 'only diffie-hellman-group14-sha1', hostKeys: ['ecdsa-sha2-nistp256'], algorithms: { kex: ['diffie-hellman-group14-sha1'] }, keyscanCannotNegotiate: true },
  { name: 'an ed25519-only host key', hostKeys: ['ssh-ed25519'] },
  { name: 'two host keys and a banner', hostKeys: ['ecdsa-sha2-nistp256', 'ssh-rsa'], banner: 'Authorised access only\n' },
  { name: 'keys-only authentication', hostKeys: ['ecdsa-sha2-nistp256'], keysOnly: true },
];

const USER_KEY = generateSshKey('ecdsa-sha2-nistp256', 'probe-openssh-user');

describe.skipIf(!isSftpRuntimeAvailable('process').available)('probe against real OpenSSH sshd', () => {
  it.each(PARTNERS)('$name: the keys ssh-keyscan finds, the configured lists, and the emulator’s own answer per policy', async (partner) => {
    let builder = new SftpFake().withRuntime('process').withUser('probeuser', partner.keysOnly ? { publicKeys: [USER_KEY.publicKey] } : { password: PASSWORD });
    for (const type of partner.hostKeys) builder = builder.withHostKey(type);
    if (partner.algorithms) builder = builder.withAlgorithms(partner.algorithms);
    if (partner.banner) builder = builder.withBanner(partner.banner);
    await using sshd = await builder.start();

    const keyFile = join(await mkdtemp(join(tmpdir(), 'ph-probe-key-')), 'id_ecdsa');
    await writeFile(keyFile, USER_KEY.privateKey, { mode: 0o600 });
    const login = partner.keysOnly ? ['--private-key', keyFile] : ['--password-env', 'PROBE_PASSWORD'];
    const result = await runCli(['probe', `sftp://probeuser@${sshd.getHost()}:${sshd.getPort()}`, ...login, '--json'], { env: { PROBE_PASSWORD: PASSWORD } });
    await rm(dirname(keyFile), { recursive: true, force: true });
    expect(result.code, result.stderr).toBe(0);
    const probed = JSON.parse(result.stdout) as {
      ident: string;
      banner?: string;
      algorithms: Record<string, string[]>;
      hostKeys: Array<{ publicKey: string }>;
      login: { ok: boolean };
      authMethods: string[];
      policies: Array<{ name: string; status: string; statusMessage: string }>;
    };
    expect(probed.ident).toMatch(/^SSH-2\.0-OpenSSH_/);
    if (partner.banner) expect(probed.banner).toBe(partner.banner);

    const found = new Set(probed.hostKeys.map((key) => key.publicKey));
    expect(found).toEqual(new Set(sshd.getHostKeys().map((key) => key.publicKey)));
    if (!partner.keyscanCannotNegotiate) {
      const { stdout } = await run('ssh-keyscan', ['-p', String(sshd.getPort()), '-t', 'rsa,ecdsa,ed25519', sshd.getHost()]);
      expect(found).toEqual(new Set(stdout.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => line.split(' ').slice(1).join(' '))));
    }
    if (partner.algorithms?.kex) expect(probed.algorithms.kex).toEqual(partner.algorithms.kex);
    if (partner.algorithms?.serverHostKey) expect(probed.algorithms.serverHostKey).toEqual(partner.algorithms.serverHostKey);
    // sshd's own view of its effective configuration: the lists probe read off the wire are it.
    const effective = await sshdEffectiveConfig();
    expect(probed.algorithms.kex).toEqual(effective.kexalgorithms);
    expect(probed.algorithms.cipher).toEqual(effective.ciphers);
    expect(probed.algorithms.mac).toEqual(effective.macs);
    expect(probed.algorithms.compression).toEqual(effective.compression[0] === 'no' ? ['none'] : ['none', 'zlib@openssh.com']);
    // sshd offers a host-key algorithm only for a key it holds, and no certificate algorithm without a certificate.
    const held = new Set(probed.hostKeys.map((key) => key.publicKey.split(' ')[0]));
    expect(probed.algorithms.serverHostKey).toEqual(effective.hostkeyalgorithms.filter((name) => !name.includes('-cert-') && held.has(keyTypeOf(name))));
    expect(probed.login.ok).toBe(true);
    expect(probed.authMethods).toEqual(partner.keysOnly ? ['publickey'] : ['password']);

    // The prediction is the emulated TestConnection's answer for connectors to this server.
    const trusted = probed.hostKeys.map((key) => key.publicKey).filter((key) => !key.startsWith('ssh-ed25519'));
    const emulated = await emulatedAnswers(sshd.getUrl(), partner.keysOnly ? { username: 'probeuser', privateKey: USER_KEY.privateKey } : { username: 'probeuser', password: PASSWORD }, trusted);
    expect(probed.policies.map(({ name, status, statusMessage }) => ({ name, status, statusMessage }))).toEqual(emulated);
  });
});
