import { InvalidOptionError } from '../../core/errors/index.ts';

/** Misbehaviours a real partner shows in the wild; each is applied to every connection. */
export type SftpFault =
  /** Every authentication attempt fails, whatever the credentials. */
  | { kind: 'refuse-login' }
  /** Send our ident, read the client's ident line, then destroy the socket. */
  | { kind: 'close-after-ident' }
  /** Complete key exchange, then close the connection before authentication. */
  | { kind: 'close-after-kex' }
  /** Accept TCP, never send the ident; the socket stays open until stop(). */
  | { kind: 'hang' }
  /** Accept TCP, wait `ms`, then proceed normally. */
  | { kind: 'delay-ident'; ms: number }
  /** Authentication succeeds, the `sftp` subsystem request is rejected. */
  | { kind: 'reject-sftp' };

const KINDS = ['refuse-login', 'close-after-ident', 'close-after-kex', 'hang', 'delay-ident', 'reject-sftp'];

export function validateFault(fault: SftpFault): void {
  if (typeof fault !== 'object' || fault === null || !KINDS.includes(fault.kind)) {
    throw new InvalidOptionError(`withFault: unknown fault ${JSON.stringify(fault)}; kind must be one of ${KINDS.join(', ')}`);
  }
  if (fault.kind === 'delay-ident' && !(Number.isFinite(fault.ms) && fault.ms >= 0)) {
    throw new InvalidOptionError(`withFault: delay-ident needs ms >= 0, got ${JSON.stringify(fault.ms)}; e.g. { kind: 'delay-ident', ms: 2000 }`);
  }
}
