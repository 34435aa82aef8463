import { InvalidOptionError } from '../../core/errors/index.ts';

/** How a database partner fails before any SQL is spoken. A faulted fake starts no engine. */
export type DbFault =
  /** Nothing listens on the advertised port: clients get ECONNREFUSED. */
  | { kind: 'refuse' }
  /** A TCP listener accepts and never answers: a login waits until the client gives up. */
  | { kind: 'accept-hang' };

const KINDS = ['refuse', 'accept-hang'];

export function validateFault(fault: DbFault): void {
  if (typeof fault !== 'object' || fault === null || !KINDS.includes(fault.kind)) {
    throw new InvalidOptionError(`withFault: unknown fault ${JSON.stringify(fault)}; kind must be one of ${KINDS.join(', ')}`);
  }
}
