import type { Transcript } from '../shared/transcript.ts';

export interface SshdLogOptions {
  /** Users the scenario configured, with their authorised keys' fingerprints; sshd calls the others "invalid user". */
  users: ReadonlyMap<string, ReadonlySet<string>>;
  /** The refuse-login fault is on, so configured users fail with that reason (sshd says DenyUsers). */
  refuseLogin: boolean;
}

const AUTH = /^(Accepted|Failed|Postponed) (\S+) for (invalid user )?(\S+) from \S+ port (\d+) ssh2(?:: (\S+) (SHA256:\S+))?/;
const RESULT = { Accepted: 'accepted', Failed: 'rejected', Postponed: 'key-ok' } as const;
const CONNECTION = /^Connection from (\S+) port (\d+) on /;
const CLOSED = /^(?:Connection closed by|Disconnected from|Received disconnect from|Connection reset by|Timeout before authentication for) (?:(?:invalid |authenticating )?user \S+ )?\S+ port (\d+)/;
/** Logged by the listener, which never forks for the connection, so there is no `Connection from` line. */
const DROPPED = /^drop connection #(\d+) from \[([^\]]+)\]:(\d+) on \[[^\]]+\]:\d+ past MaxStartups/;
const NEGOTIATION = /^Unable to negotiate with \S+ port (\d+): (.*?)(?: \[preauth\])?$/;
const SUBSYSTEM = /^subsystem request for (\S+) by user (\S+)( failed, subsystem not found)?/;
/** With ForceCommand every session runs internal-sftp, and sshd logs it as a forced command. */
const SESSION = /^Starting session: (?:forced-command \(\S+\) '(internal-sftp)[^']*'|subsystem '(\S+)'|(.+?)) for \S+ from \S+ port (\d+)/;

/**
 * Turns sshd's LogLevel VERBOSE lines into the transcript kinds the embedded fake records
 * (connection, auth, subsystem, error, disconnect). sshd names a connection by the client's
 * source port; we number connections in the order sshd reports them. sshd never logs a
 * password; unparsed lines are left out rather than risk anything else. There are no 'sftp'
 * op entries: internal-sftp logs to syslog, and there is no /dev/log inside the chroot.
 */
export class SshdLogTranscript {
  readonly #ports = new Map<number, number>();
  readonly #userConnection = new Map<string, number>();
  readonly #ignored = new Set<number>();
  #nextId = 1;

  constructor(
    private readonly transcript: Transcript,
    private readonly options: SshdLogOptions,
  ) {}

  /** Leaves out the connection from `port`: our own readiness probe. */
  ignore(port: number): void {
    this.#ignored.add(port);
  }

  /** Resolves once sshd has logged the end of every ignored connection, or after `timeoutMs`. */
  async ignoredClosed(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.#ignored.size > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  line(raw: string): void {
    const line = raw.trim();
    const port = Number(/ port (\d+)/.exec(line)?.[1]);
    if (this.#ignored.has(port)) {
      if (CLOSED.test(line)) this.#ignored.delete(port);
      return;
    }
    let match: RegExpExecArray | null;
    if ((match = CONNECTION.exec(line))) {
      const id = this.#nextId++;
      this.#ports.set(Number(match[2]), id);
      this.#record(id, 'connection', { remoteAddress: match[1], remotePort: Number(match[2]) });
    } else if ((match = AUTH.exec(line))) {
      this.#auth(match);
    } else if ((match = NEGOTIATION.exec(line))) {
      this.#record(this.#ports.get(Number(match[1])), 'error', { message: match[2], level: 'handshake' });
    } else if ((match = SUBSYSTEM.exec(line))) {
      this.#record(this.#userConnection.get(match[2]!), 'subsystem', { name: match[1], result: match[3] ? 'rejected' : 'accepted' });
    } else if ((match = SESSION.exec(line))) {
      const id = this.#ports.get(Number(match[4]));
      if (match[3]) this.#record(id, 'session-request', { type: match[3], result: 'started' });
      else this.#record(id, 'subsystem', { name: match[1] === 'internal-sftp' ? 'sftp' : match[2], result: 'accepted' });
    } else if ((match = DROPPED.exec(line))) {
      this.transcript.record('dropped', { reason: 'MaxStartups', unauthenticated: Number(match[1]), remoteAddress: match[2], remotePort: Number(match[3]) });
    } else if ((match = CLOSED.exec(line))) {
      const port = Number(match[1]);
      // Debian's sshd 9.2 exits silently at LoginGraceTime (the CVE-2024-6387 fix); newer ones log this.
      if (line.startsWith('Timeout before authentication')) this.#record(this.#ports.get(port), 'timed-out', { reason: 'LoginGraceTime' });
      // sshd often logs two lines per ending ("Received disconnect", "Disconnected from"): one entry.
      if (this.#ports.has(port)) this.#record(this.#ports.get(port), 'disconnect', {});
      this.#ports.delete(port);
    }
  }

  #auth(match: RegExpExecArray): void {
    const [, outcome, method, invalid, user, port, keyType, keyFingerprint] = match;
    const id = this.#ports.get(Number(port));
    const detail: Record<string, unknown> = { user, method, result: RESULT[outcome as keyof typeof RESULT] };
    if (keyFingerprint) Object.assign(detail, { keyType, keyFingerprint });
    const authorised = this.options.users.get(user!);
    if (outcome === 'Failed' && this.options.refuseLogin && authorised) detail.reason = 'fault refuse-login';
    else if (invalid) detail.reason = 'unknown user';
    else if (outcome === 'Failed' && keyFingerprint && !authorised?.has(keyFingerprint)) detail.reason = 'key not authorised';
    if (outcome === 'Accepted' && id !== undefined) this.#userConnection.set(user!, id);
    this.#record(id, 'auth', detail);
  }

  #record(connection: number | undefined, kind: string, detail: Record<string, unknown>): void {
    this.transcript.record(kind, connection === undefined ? detail : { connection, ...detail });
  }
}
