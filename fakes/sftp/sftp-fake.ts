import { EndpointBuilder } from '../shared/endpoint-builder.ts';
import { assertNewKeyType, resolveHostKeys, suppliedHostKey, type HostKeySpec } from './host-keys.ts';
import { HOST_KEY_TYPES, isHostKeyType, type HostKeyType } from '../../core/ssh/index.ts';
import {
  DEFAULT_LOGIN_GRACE_TIME_MS,
  DEFAULT_MAX_STARTUPS,
  validateLoginGraceTime,
  validateMaxStartups,
  type MaxStartups,
} from './login-limits.ts';
import { validateIdentityProvider, type ResolvedIdentityProvider, type SftpIdentityProvider } from './identity-provider.ts';
import { validateAlgorithms, type SshAlgorithms } from './ssh-algorithms.ts';
import { validateFault, type SftpFault } from './sftp-fault.ts';
import { toSftpUser, type SftpUser, type SftpUserOptions } from './sftp-user.ts';
import { StartedEmbeddedSftpFake } from './started-embedded-sftp-fake.ts';
import { StartedProcessSftpFake } from './started-process-sftp-fake.ts';
import { StartedContainerSftpFake } from './started-container-sftp-fake.ts';
import { SFTP_RUNTIMES, type SftpRuntime } from './sftp-runtime.ts';
import type { StartedSftpFake } from './started-sftp-fake.ts';
import { InvalidOptionError } from '../../core/errors/index.ts';

/**
 * Not OpenSSH on purpose: clients switch on bug-compatibility modes by the
 * server's software version, and we want them to treat the fake as a neutral server.
 */
export const DEFAULT_IDENT = 'PartnerHarness_1.0';

/**
 * A fake SFTP partner. Configure with with*(), then
 * `await using sftp = await new SftpFake().withUser('alice', { password }).start()`.
 * withRuntime('process') serves the same configuration from the machine's OpenSSH sshd.
 */
export class SftpFake extends EndpointBuilder {
  #runtime: SftpRuntime = 'embedded';
  readonly #users = new Map<string, SftpUser>();
  readonly #hostKeys: HostKeySpec[] = [];
  #algorithms: SshAlgorithms = {};
  #ident = DEFAULT_IDENT;
  #banner?: string;
  readonly #faults: SftpFault[] = [];
  #identityProvider?: ResolvedIdentityProvider;
  readonly #storage = new Map<string, string | Uint8Array>();
  #loginGraceTimeMs = DEFAULT_LOGIN_GRACE_TIME_MS;
  #maxStartups: MaxStartups = { ...DEFAULT_MAX_STARTUPS };

  withUser(name: string, options: SftpUserOptions): this {
    if (this.#users.has(name)) throw new InvalidOptionError(`withUser: user '${name}' is already configured; call withUser once per user`);
    this.#users.set(name, toSftpUser(name, options));
    return this;
  }

  /**
   * Acts as a Transfer server with a custom identity provider: users not defined with withUser()
   * are authenticated by asking `provider`, and land in the home directory it returns (see withStorage).
   */
  withIdentityProvider(provider: SftpIdentityProvider): this {
    this.#assertEmbedded('withIdentityProvider');
    if (this.#identityProvider) throw new InvalidOptionError('withIdentityProvider: an identity provider is already configured; a server has one');
    this.#identityProvider = validateIdentityProvider(provider);
    return this;
  }

  /**
   * Seeds the shared store (like S3 or EFS) that identity-provider users' homes point into, keyed by
   * absolute path, e.g. '/bucket/home/alice/hello.txt'. Calls add up; a later file at a path wins.
   */
  withStorage(files: Record<string, string | Uint8Array>): this {
    this.#assertEmbedded('withStorage');
    if (typeof files !== 'object' || files === null) throw new InvalidOptionError(`withStorage: expected { '/bucket/key': content }, got ${JSON.stringify(files)}`);
    for (const [path, content] of Object.entries(files)) {
      if (!path.startsWith('/') || path.endsWith('/')) {
        throw new InvalidOptionError(`withStorage: '${path}' must be an absolute file path like '/bucket/home/alice/hello.txt'`);
      }
      if (typeof content !== 'string' && !(content instanceof Uint8Array)) throw new InvalidOptionError(`withStorage: files['${path}'] must be a string or Uint8Array`);
      this.#storage.set(path, content);
    }
    return this;
  }

  /** Adds a host key: a generated one of `type` (same `slot`, same key), or a supplied private key. */
  withHostKey(type: HostKeyType, options?: { slot?: string }): this;
  withHostKey(key: { privateKey: string }): this;
  withHostKey(typeOrKey: HostKeyType | { privateKey: string }, options: { slot?: string } = {}): this {
    let spec: HostKeySpec;
    if (typeof typeOrKey === 'object' && typeOrKey !== null) {
      spec = suppliedHostKey(typeOrKey.privateKey);
    } else if (isHostKeyType(typeOrKey)) {
      spec = { source: 'generated', type: typeOrKey, slot: options.slot ?? 'default' };
    } else {
      throw new InvalidOptionError(`withHostKey: unknown key type ${JSON.stringify(typeOrKey)}; use one of ${HOST_KEY_TYPES.join(', ')} or { privateKey }`);
    }
    assertNewKeyType(this.#hostKeys, spec.type);
    this.#hostKeys.push(spec);
    return this;
  }

  /** Restricts what the server offers; the lists replace ssh2's defaults. */
  withAlgorithms(algorithms: SshAlgorithms): this {
    validateAlgorithms(algorithms);
    this.#algorithms = structuredClone(algorithms);
    return this;
  }

  /**
   * The software version after `SSH-2.0-`, optionally followed by a space and comments.
   * Ignored by runtime 'process': OpenSSH's version string is compiled in (the transcript notes it).
   */
  withIdent(softwareVersion: string): this {
    const [version = ''] = String(softwareVersion).split(' ');
    // RFC 4253 section 4.2: printable ASCII, the version has no '-' and the whole line fits in 255 bytes.
    if (!/^[\x21-\x7e][\x20-\x7e]*$/.test(softwareVersion) || version.includes('-') || softwareVersion.length > 245) {
      throw new InvalidOptionError(`withIdent: invalid software version ${JSON.stringify(softwareVersion)}; use printable ASCII without '-' in the version, e.g. 'AWS_SFTP_1.1'`);
    }
    this.#ident = softwareVersion;
    return this;
  }

  /** Text the client may show before authentication (SSH_MSG_USERAUTH_BANNER). */
  withBanner(text: string): this {
    if (typeof text !== 'string' || text === '') throw new InvalidOptionError(`withBanner: expected non-empty text, got ${JSON.stringify(text)}`);
    this.#banner = text;
    return this;
  }

  /** Adds a fault; several kinds combine (e.g. delay-ident and refuse-login), each kind once. */
  withFault(fault: SftpFault): this {
    validateFault(fault);
    if (this.#faults.some((f) => f.kind === fault.kind)) {
      throw new InvalidOptionError(`withFault: fault '${fault.kind}' is already configured; each kind applies once`);
    }
    this.#faults.push({ ...fault });
    return this;
  }

  /**
   * sshd's LoginGraceTime, in ms: a connection that has not logged in this long after it was
   * accepted is closed. Default 120000 (sshd's 120 s); 0 for no limit. sshd counts whole
   * seconds, so runtimes 'process' and 'container' round up (the transcript notes it).
   */
  withLoginGraceTime(ms: number): this {
    validateLoginGraceTime('withLoginGraceTime', ms);
    this.#loginGraceTimeMs = ms;
    return this;
  }

  /**
   * sshd's MaxStartups: with `start` or more connections not yet logged in, a new connection is
   * dropped (sshd's "Exceeded MaxStartups" line, then close) with probability `rate`% rising
   * linearly to 100% at `full`. Default { start: 10, rate: 30, full: 100 }, as sshd.
   */
  withMaxStartups(spec: MaxStartups): this {
    validateMaxStartups('withMaxStartups', spec);
    this.#maxStartups = { start: spec.start, rate: spec.rate, full: spec.full };
    return this;
  }

  /**
   * 'embedded' (default): ssh2 in this process. 'process': /usr/sbin/sshd on loopback with real
   * OS users named as configured (created with useradd, deleted by stop()); needs root and
   * openssh-server. 'container': the same sshd configuration in a container (needs Docker, see
   * fakes/container). withIdentityProvider and withStorage are embedded-only.
   */
  withRuntime(runtime: SftpRuntime): this {
    if (!SFTP_RUNTIMES.includes(runtime)) {
      throw new InvalidOptionError(`withRuntime: unknown runtime ${JSON.stringify(runtime)}; use one of ${SFTP_RUNTIMES.join(', ')}`);
    }
    if (runtime !== 'embedded') {
      if (this.#identityProvider) throw new InvalidOptionError(embeddedOnly('withIdentityProvider'));
      if (this.#storage.size > 0) throw new InvalidOptionError(embeddedOnly('withStorage'));
    }
    this.#runtime = runtime;
    return this;
  }

  async start(): Promise<StartedSftpFake> {
    const hostKeys = resolveHostKeys(this.#hostKeys, this.#algorithms.serverHostKey);
    if (this.#runtime !== 'embedded') {
      const start = this.#runtime === 'process' ? StartedProcessSftpFake.start : StartedContainerSftpFake.start;
      return start({
        ...this.endpoint(),
        users: new Map(this.#users),
        hostKeys,
        algorithms: structuredClone(this.#algorithms),
        ...(this.#banner === undefined ? {} : { banner: this.#banner }),
        ...(this.#ident === DEFAULT_IDENT ? {} : { ignoredIdent: this.#ident }),
        faults: [...this.#faults],
        loginGraceTimeMs: this.#loginGraceTimeMs,
        maxStartups: { ...this.#maxStartups },
      });
    }
    return StartedEmbeddedSftpFake.start({
      ...this.endpoint(),
      users: new Map(this.#users),
      hostKeys,
      algorithms: structuredClone(this.#algorithms),
      ident: this.#ident,
      banner: this.#banner,
      faults: [...this.#faults],
      identityProvider: this.#identityProvider,
      storage: Object.fromEntries(this.#storage),
      loginGraceTimeMs: this.#loginGraceTimeMs,
      maxStartups: { ...this.#maxStartups },
    });
  }

  #assertEmbedded(option: string): void {
    if (this.#runtime !== 'embedded') throw new InvalidOptionError(embeddedOnly(option));
  }
}

function embeddedOnly(option: string): string {
  return `${option}: only runtime 'embedded' supports it (sshd has no identity-provider hook or shared store); drop withRuntime('process') or this option`;
}
