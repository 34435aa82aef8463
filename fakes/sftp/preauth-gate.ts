import type { Socket } from 'node:net';
import createDebug from 'debug';
import { shouldDropStartup, type MaxStartups } from './login-limits.ts';
import type { Recorder } from '../shared/transcript.ts';

const log = createDebug('partner-harness:fake:sftp');

/** What sshd 9.x writes to a connection it drops past MaxStartups, in place of its ident. */
export const EXCEEDED_MAX_STARTUPS = 'Exceeded MaxStartups\r\n';

export interface PreauthLimits {
  /** 0: no limit. */
  loginGraceTimeMs: number;
  maxStartups: MaxStartups;
  /** [0, 1), for MaxStartups' random drops between start and full. */
  random?: () => number;
}

/**
 * The embedded fake's LoginGraceTime and MaxStartups, as sshd applies them. A connection counts
 * as unauthenticated from the moment it would reach sshd (after the connection faults, which
 * the other runtimes act out in front of sshd) until a login succeeds or it closes.
 */
export class PreauthGate {
  readonly #limits: PreauthLimits;
  /** Unauthenticated connections by id, with their grace timers. */
  readonly #pending = new Map<number, NodeJS.Timeout | undefined>();

  constructor(limits: PreauthLimits) {
    this.#limits = limits;
  }

  /** Whether `socket` may go on to the SSH protocol; if not, it has been dropped as sshd drops it. */
  admit(id: number, socket: Socket, record: Recorder): boolean {
    const { maxStartups, loginGraceTimeMs: ms } = this.#limits;
    const unauthenticated = this.#pending.size;
    if (shouldDropStartup(unauthenticated, maxStartups, this.#limits.random)) {
      record('dropped', { reason: 'MaxStartups', unauthenticated });
      log('connection %d dropped: %d unauthenticated connections, MaxStartups %d:%d:%d', id, unauthenticated, maxStartups.start, maxStartups.rate, maxStartups.full);
      // As sshd: one line instead of the ident, then close, before any SSH traffic.
      socket.end(EXCEEDED_MAX_STARTUPS, () => socket.destroy());
      return false;
    }
    const timer =
      ms > 0
        ? setTimeout(() => {
            this.#pending.delete(id);
            record('timed-out', { reason: 'LoginGraceTime', ms });
            log('connection %d closed: not authenticated within LoginGraceTime %d ms', id, ms);
            // sshd exits without a DISCONNECT message; the client just sees the connection close.
            socket.destroy();
          }, ms)
        : undefined;
    this.#pending.set(id, timer);
    socket.once('close', () => this.#settle(id));
    return true;
  }

  /** A login succeeded: the connection no longer counts, and its grace timer stops. */
  authenticated(id: number): void {
    this.#settle(id);
  }

  /** Cancels every grace timer (the fake is stopping). */
  close(): void {
    for (const id of [...this.#pending.keys()]) this.#settle(id);
  }

  #settle(id: number): void {
    clearTimeout(this.#pending.get(id));
    this.#pending.delete(id);
  }
}
