import { FaultProxy, type NetFault } from '../../../fakes/net/index.ts';
import type { NetworkFaultConfig } from '../scenario-schema.ts';
import type { ScenarioFake } from './scenario-fake.ts';

/**
 * Puts a TCP fault proxy in front of a fake: its advertised host:port (in every value the
 * scenario can reference: url, jdbcUrl, tokenUrl …) becomes the proxy's, so the emulator
 * reaches the fake only through the faults.
 */
export async function withNetworkFaults(fake: ScenarioFake, faults: NetworkFaultConfig[]): Promise<ScenarioFake> {
  const host = String(fake.values.host);
  const port = Number(fake.values.port);
  const builder = new FaultProxy().withTarget(host, port);
  for (const fault of faults) builder.withFault(toNetFault(fault));
  const proxy = await builder.start();
  const from = `${host}:${port}`;
  const to = `${proxy.getHost()}:${proxy.getPort()}`;
  return {
    ...fake,
    values: { ...rewrite(fake.values, from, to) as Record<string, unknown>, host: proxy.getHost(), port: proxy.getPort(), upstreamPort: port },
    transcript: () => [...fake.transcript(), ...proxy.getTranscript().map((entry) => ({ ...entry, kind: `net:${entry.kind}` }))],
    stop: async () => {
      await proxy.stop();
      await fake.stop();
    },
  };
}

function toNetFault(fault: NetworkFaultConfig): NetFault {
  const direction = fault.direction;
  if (fault.latency !== undefined) return { kind: 'latency', ms: fault.latency, jitterMs: fault.jitter, direction };
  if (fault.bandwidth !== undefined) return { kind: 'bandwidth', bytesPerSecond: fault.bandwidth, direction };
  if (fault.resetAfter !== undefined) return { kind: 'reset-after', bytes: fault.resetAfter, direction };
  if (fault.resetOnAccept) return { kind: 'reset-on-accept' };
  if (fault.blackhole) return { kind: 'blackhole' };
  if (fault.refuse) return { kind: 'refuse' };
  if (fault.slowClose !== undefined) return { kind: 'slow-close', ms: fault.slowClose };
  return { kind: 'timeout', ms: fault.timeout! };
}

function rewrite(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((item) => rewrite(item, from, to));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, from, to)]));
  return value;
}
