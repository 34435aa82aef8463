import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import createDebug from 'debug';
import { formatDiagnosis } from './diagnosis.ts';
import type { EmulatorContext } from '../emulator-context.ts';
import { bindService, type BoundService } from './bound-service.ts';
import { CallLog } from './call-log.ts';
import type { EmulatedService } from './emulated-service.ts';
import type { EndpointLimits } from './endpoint-limits.ts';
import { handleCall } from './handle-call.ts';
import { answerMalformedHttp, answerUnexpected } from './last-resort.ts';
import { StartedAwsEndpoint } from './started-aws-endpoint.ts';
import { InvalidOptionError } from '../../../core/errors/index.ts';

const debug = createDebug('partner-harness:aws:endpoint');

export interface EndpointConfig {
  host: string;
  /** 0: the OS chooses. */
  port: number;
  /** Whatever services the caller composed; the endpoint knows none by name. */
  services: readonly EmulatedService[];
  context: EmulatorContext;
  limits: EndpointLimits;
}

/** Serves the AWS JSON 1.1 and EC2 query protocols for the given services until the handle is stopped. */
export async function startEndpoint({ host, port, services, context, limits }: EndpointConfig): Promise<StartedAwsEndpoint> {
  const { json, query } = bindServices(services, context);
  const calls = new CallLog(limits.callLogSize);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const requestId = randomUUID();
    // handleCall answers every failure itself; this catch is for a bug in that, so that no
    // request can ever end the process with an unhandled rejection.
    handleCall(req, res, { services: json, queryServices: query, context, limits, requestId }).then(
      (record) => {
        calls.add(record);
        debug('%s.%s -> %d (%dms)', record.service, record.operation, record.httpStatus, record.durationMs);
        // Formatting is work even when nobody listens: only when DEBUG names this namespace.
        if (debug.enabled) for (const diagnosis of record.diagnosis) debug('  diagnosis: %s', formatDiagnosis(diagnosis));
      },
      (error: unknown) => answerUnexpected(res, requestId, error),
    );
  });
  server.on('clientError', answerMalformedHttp);
  server.on('connection', (socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const started = new StartedAwsEndpoint(server, sockets, host, calls, context);
  debug('listening on %s', started.getUrl());
  return started;
}

/**
 * JSON services by X-Amz-Target prefix, EC2 query services by signing name; two services
 * answering to one prefix or name would make one unreachable.
 */
function bindServices(services: readonly EmulatedService[], context: EmulatorContext): { json: Map<string, BoundService>; query: Map<string, BoundService> } {
  const byPrefix = new Map<string, BoundService>();
  const bySigningName = new Map<string, BoundService>();
  for (const service of services) {
    const bound = bindService(service, context);
    if (bound.model.isEc2Query) {
      const taken = bySigningName.get(bound.model.signingName);
      if (taken) throw new InvalidOptionError(`Services ${taken.name} and ${bound.name} both answer EC2 query calls signed for ${bound.model.signingName}: add operations to ${taken.name} instead`);
      bySigningName.set(bound.model.signingName, bound);
      continue;
    }
    const taken = byPrefix.get(bound.model.targetPrefix);
    if (taken) {
      throw new InvalidOptionError(`Services ${taken.name} and ${bound.name} both answer X-Amz-Target ${bound.model.targetPrefix}: add operations to ${taken.name} instead`);
    }
    byPrefix.set(bound.model.targetPrefix, bound);
  }
  return { json: byPrefix, query: bySigningName };
}
