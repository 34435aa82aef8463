import { InvalidOptionError } from '../../core/errors/index.ts';

/**
 * `upstream` is client → target, `downstream` is target → client. Like toxiproxy, a fault with a
 * direction defaults to `downstream`, the direction that carries answers.
 */
export type NetDirection = 'upstream' | 'downstream' | 'both';

/** TCP misbehaviours, Toxiproxy's toxics plus what a firewall or a dying host does. */
export type NetFault =
  /** Delay each chunk by ms plus a random 0..jitterMs; chunk order is kept. */
  | { kind: 'latency'; ms: number; jitterMs?: number; direction?: NetDirection }
  /** Pace forwarding to at most bytesPerSecond. */
  | { kind: 'bandwidth'; bytesPerSecond: number; direction?: NetDirection }
  /** Forward at most `bytes` (counted from when the fault applies), then reset both sockets. */
  | { kind: 'reset-after'; bytes: number; direction?: NetDirection }
  /** Accept, then reset at once. */
  | { kind: 'reset-on-accept' }
  /** Accept, read and discard; the target is never dialled, nothing is ever answered. */
  | { kind: 'blackhole' }
  /** Close the listening socket: new connections get ECONNREFUSED, existing ones carry on. */
  | { kind: 'refuse' }
  /** Delay passing on a FIN or a close by ms. */
  | { kind: 'slow-close'; ms: number }
  /** Stop forwarding (data is dropped); close the connection after ms, 0 = never. */
  | { kind: 'timeout'; ms: number };

export type NetFaultKind = NetFault['kind'];

export const NET_FAULT_KINDS: readonly NetFaultKind[] = [
  'latency',
  'bandwidth',
  'reset-after',
  'reset-on-accept',
  'blackhole',
  'refuse',
  'slow-close',
  'timeout',
];

const DIRECTIONS: readonly NetDirection[] = ['upstream', 'downstream', 'both'];
const DIRECTED: readonly NetFaultKind[] = ['latency', 'bandwidth', 'reset-after'];

/** Whether a fault shapes data flowing in `flow` (never 'both': a flow is one way). */
export function appliesTo(fault: NetFault, flow: 'upstream' | 'downstream'): boolean {
  if (!DIRECTED.includes(fault.kind)) return true;
  const direction = ('direction' in fault && fault.direction) || 'downstream';
  return direction === 'both' || direction === flow;
}

/** Throws a message naming the field and an example; returns a copy safe to keep. */
export function validateFault(fault: NetFault, where: string): NetFault {
  if (typeof fault !== 'object' || fault === null || !NET_FAULT_KINDS.includes(fault.kind)) {
    throw new InvalidOptionError(`${where}: unknown fault ${JSON.stringify(fault)}; kind must be one of ${NET_FAULT_KINDS.join(', ')}`);
  }
  const number = (field: string, value: unknown, min: number, example: string): void => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
      throw new InvalidOptionError(`${where}: ${fault.kind} needs ${field} >= ${min}, got ${JSON.stringify(value)}; e.g. ${example}`);
    }
  };
  if ('direction' in fault && fault.direction !== undefined && !DIRECTIONS.includes(fault.direction)) {
    throw new InvalidOptionError(`${where}: ${fault.kind} direction must be one of ${DIRECTIONS.join(', ')}, got ${JSON.stringify(fault.direction)}`);
  }
  switch (fault.kind) {
    case 'latency':
      number('ms', fault.ms, 0, "{ kind: 'latency', ms: 200 }");
      if (fault.jitterMs !== undefined) number('jitterMs', fault.jitterMs, 0, "{ kind: 'latency', ms: 200, jitterMs: 50 }");
      break;
    case 'bandwidth':
      number('bytesPerSecond', fault.bytesPerSecond, 1, "{ kind: 'bandwidth', bytesPerSecond: 40_000 }");
      break;
    case 'reset-after':
      number('bytes', fault.bytes, 0, "{ kind: 'reset-after', bytes: 1024 }");
      break;
    case 'slow-close':
      number('ms', fault.ms, 0, "{ kind: 'slow-close', ms: 500 }");
      break;
    case 'timeout':
      number('ms', fault.ms, 0, "{ kind: 'timeout', ms: 5000 } (0 = never close)");
      break;
    default:
      break;
  }
  return { ...fault };
}
