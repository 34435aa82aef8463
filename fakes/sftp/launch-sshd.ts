import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import createDebug from 'debug';
import { onProcessExit } from '../../core/process/index.ts';
import { freePort } from '../db/free-port.ts';
import type { Transcript } from '../shared/transcript.ts';
import type { HostKey } from './host-keys.ts';
import { loginGraceTimeSeconds, type MaxStartups } from './login-limits.ts';
import { claimOsUser, releaseOsUser, releaseOsUserSync } from './os-users.ts';
import { isSftpRuntimeAvailable } from './sftp-runtime.ts';
import { opensshVersion, validateSshdConfig } from './sshd-binary.ts';
import type { SftpFault } from './sftp-fault.ts';
import type { SftpUser } from './sftp-user.ts';
import type { SshAlgorithms } from './ssh-algorithms.ts';
import { renderSshdConfig } from './sshd-config.ts';
import { SshdDir } from './sshd-dir.ts';
import { FRONT_FAULTS, startSshdFront, type SshdFront } from './sshd-front.ts';
import { SshdLogTranscript } from './sshd-log.ts';
import { SshdProcess } from './sshd-process.ts';
import { UserChroot } from './user-chroot.ts';
import { FakeStartError, InvalidOptionError, RuntimeUnavailableError } from '../../core/errors/index.ts';

const log = createDebug('partner-harness:fake:sftp');
/** sshd's own log lines, as they come (sshd never logs passwords). */
const sshdLog = createDebug('partner-harness:fake:sftp:sshd');

const READY_DEADLINE_MS = 10_000;
const PORT_ATTEMPTS = 3;
const PROBE_CLOSE_MS = 2_000;

export interface ProcessSftpFakeConfig {
  host: string;
  port: number;
  users: ReadonlyMap<string, SftpUser>;
  hostKeys: HostKey[];
  algorithms: SshAlgorithms;
  banner?: string;
  /** What withIdent() asked for; OpenSSH cannot send it, so it is only noted in the transcript. */
  ignoredIdent?: string;
  faults: readonly SftpFault[];
  /** sshd's LoginGraceTime in ms (rounded up to whole seconds for sshd); 0 for none. */
  loginGraceTimeMs: number;
  maxStartups: MaxStartups;
}

export interface RunningSshd {
  /** Where clients connect: sshd itself, or the front listener when a connection fault needs one. */
  port: number;
  pid: number;
  /** sshd's ident line, e.g. `SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10`. */
  ident: string;
  chroots: ReadonlyMap<string, UserChroot>;
  /** Kills sshd and its sessions, deletes the OS users we created and the private dir. */
  stop(): Promise<void>;
}

/**
 * Writes host keys, creates OS users with their chroots, validates the config with `sshd -t`,
 * starts `sshd -D -e` on a free port and waits for its ident. Any failure undoes all of it.
 */
export async function launchSshd(config: ProcessSftpFakeConfig, transcript: Transcript): Promise<RunningSshd> {
  const availability = isSftpRuntimeAvailable('process');
  if (!availability.available) throw new RuntimeUnavailableError(`SftpFake: runtime 'process' is not available: ${availability.reason}`);
  const began = performance.now();
  // The privilege-separation directory sshd insists on; shared with any system sshd, so never removed.
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  const dir = await SshdDir.create();
  const created: string[] = [];
  let sshd: SshdProcess | undefined;
  let front: SshdFront | undefined;
  let stopping = false;
  let chroots: ReadonlyMap<string, UserChroot> = new Map();
  const unregister = onProcessExit(() => {
    sshd?.killNow();
    for (const name of created) releaseOsUserSync(name);
    dir.removeSync();
  });
  const stop = async () => {
    stopping = true;
    await front?.close();
    await sshd?.stop();
    for (const chroot of chroots.values()) {
      try {
        chroot.freeze();
      } catch (error) {
        log('cannot keep the files of %s: %s', chroot.root, (error as Error).message);
      }
    }
    const failures: unknown[] = [];
    for (const name of created.splice(0)) await releaseOsUser(name).catch((error: unknown) => failures.push(error));
    await dir.remove();
    unregister();
    if (failures.length > 0) throw new AggregateError(failures, `SftpFake (process): could not remove every OS user: ${failures.map((e) => (e as Error).message).join('; ')}`);
  };
  try {
    chroots = await provisionUsers(config, dir, created);
    const hostKeyFiles = await writeHostKeys(config.hostKeys, dir);
    const bannerFile = config.banner === undefined ? undefined : dir.file('banner');
    if (bannerFile) await dir.write(bannerFile, config.banner!.endsWith('\n') ? config.banner! : `${config.banner}\n`, 0o644);
    const hasPerSourcePenalties = (await opensshVersion()) >= 908;
    const render = (port: number) =>
      renderSshdConfig({
        host: config.host,
        port,
        hostKeyFiles,
        pidFile: dir.file('sshd.pid'),
        authorizedKeysDir: dir.authorizedKeysDir,
        chrootDir: dir.chrootDir,
        ...(bannerFile ? { bannerFile } : {}),
        algorithms: config.algorithms,
        users: [...config.users.values()],
        refuseLogin: config.faults.some((fault) => fault.kind === 'refuse-login'),
        rejectSftp: config.faults.some((fault) => fault.kind === 'reject-sftp'),
        loginGraceTimeSeconds: loginGraceTimeSeconds(config.loginGraceTimeMs),
        maxStartups: config.maxStartups,
        hasPerSourcePenalties,
      });
    const needsFront = config.faults.some((fault) => FRONT_FAULTS.has(fault.kind));
    const parser = new SshdLogTranscript(transcript, {
      users: new Map([...config.users.values()].map((user) => [user.name, new Set(user.authorizedKeys.map((key) => key.fingerprint))])),
      refuseLogin: config.faults.some((fault) => fault.kind === 'refuse-login'),
    });
    const started = await startOnPort(config, dir, render, needsFront ? 0 : config.port, parser, (spawned) => {
      sshd = spawned;
      spawned.exited.then((exit) => {
        if (!stopping) transcript.record('sshd-exited', { ...exit, log: spawned.log.lines() });
      });
    });
    // Until its child is gone, our readiness probe counts against MaxStartups like any client.
    await parser.ignoredClosed(PROBE_CLOSE_MS);
    if (needsFront) {
      front = await startFront(config, started.port, started.ident, transcript);
    }
    const port = front?.port ?? started.port;
    log('sshd (pid %d) ready on %s:%d in %d ms', sshd!.pid, config.host, port, Math.round(performance.now() - began));
    return { port, pid: sshd!.pid!, ident: started.ident, chroots, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

async function provisionUsers(config: ProcessSftpFakeConfig, dir: SshdDir, created: string[]): Promise<ReadonlyMap<string, UserChroot>> {
  const chroots = new Map<string, UserChroot>();
  // One at a time: useradd locks /etc/passwd, and a failure should leave a short list to undo.
  for (const user of config.users.values()) {
    if (user.password !== undefined && /[\r\n\0]/.test(user.password)) {
      throw new InvalidOptionError(`SftpFake (process): withUser('${user.name}'): a password with CR, LF or NUL cannot be set through chpasswd; use another password or runtime 'embedded'`);
    }
    const osUser = await claimOsUser(user.name, { home: user.home, ...(user.password === undefined ? {} : { password: user.password }) });
    created.push(user.name);
    const chroot = new UserChroot(join(dir.chrootDir, user.name), user.home);
    await chroot.create(osUser, user.files);
    chroots.set(user.name, chroot);
    const keys = user.authorizedKeys.map((key) => `${key.publicKey}\n`).join('');
    await dir.write(join(dir.authorizedKeysDir, user.name), keys, 0o644);
  }
  return chroots;
}

/** The same key material as the embedded runtime (generateSshKey per type and slot), in OpenSSH files. */
async function writeHostKeys(keys: readonly HostKey[], dir: SshdDir): Promise<string[]> {
  const files: string[] = [];
  for (const key of keys) {
    const file = join(dir.hostKeysDir, `ssh_host_${key.type}_key`);
    await dir.write(file, key.privateKey.endsWith('\n') ? key.privateKey : `${key.privateKey}\n`, 0o600);
    files.push(file);
  }
  await chmod(dir.hostKeysDir, 0o700);
  return files;
}

/** `port` 0: a free port, another if sshd finds it taken. Otherwise exactly `port`. */
async function startOnPort(
  config: ProcessSftpFakeConfig,
  dir: SshdDir,
  render: (port: number) => string,
  port: number,
  parser: SshdLogTranscript,
  onSpawn: (sshd: SshdProcess) => void,
): Promise<{ port: number; ident: string }> {
  const configFile = dir.file('sshd_config');
  for (let attempt = 1; ; attempt += 1) {
    const candidate = port === 0 ? await freePort(config.host) : port;
    await dir.write(configFile, render(candidate), 0o600);
    if (attempt === 1) await validateSshdConfig(configFile);
    const sshd = new SshdProcess(configFile, (line) => {
      sshdLog('%s', line);
      parser.line(line);
    });
    onSpawn(sshd);
    try {
      const ident = await sshd.waitForIdent(config.host, candidate, READY_DEADLINE_MS, (probePort) => parser.ignore(probePort));
      return { port: candidate, ident };
    } catch (error) {
      const taken = sshd.exit !== undefined && sshd.log.includes('Address already in use');
      if (taken && port !== 0) {
        throw new FakeStartError(`SftpFake: cannot listen on ${config.host}:${port} (EADDRINUSE); use withPort(0) for a free port`, { cause: error });
      }
      if (!(taken && attempt < PORT_ATTEMPTS)) throw new FakeStartError(`SftpFake (process): ${(error as Error).message}`, { cause: error });
      log('sshd port %d was taken; retrying', candidate);
    }
  }
}

async function startFront(config: ProcessSftpFakeConfig, backendPort: number, identLine: string, transcript: Transcript): Promise<SshdFront> {
  try {
    return await startSshdFront({ host: config.host, port: config.port, backendPort, faults: config.faults, identLine, transcript });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new FakeStartError(`SftpFake: cannot listen on ${config.host}:${config.port} (${code}); use withPort(0) for a free port`, { cause: error });
  }
}
