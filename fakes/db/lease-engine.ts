import createDebug from 'debug';
import type { Transcript } from '../shared/transcript.ts';
import type { DbFakeConfig } from './db-fake.ts';
import { ENGINE_HOST_ENV } from './engine-host/engine-host-protocol.ts';
import { EngineHostUnreachable, leaseHostedEngine } from './engine-host/lease-hosted-engine.ts';
import type { EngineRecipe } from './engine-recipe.ts';
import { leaseSharedEngine } from './shared-engines.ts';
import type { ServingPort } from './started-db-fake-handle.ts';

const log = createDebug('partner-harness:fake:db');

/**
 * A shared-engine fake's users and databases: on the engine host named by
 * PARTNER_HARNESS_ENGINE_HOST (a `partner-harness run` hosts one for its workers), else, or when
 * nothing answers there, on an engine this process shares.
 */
export async function leaseEngine<Admin, Bin extends object>(recipe: EngineRecipe<Admin, Bin>, config: DbFakeConfig, transcript: Transcript): Promise<ServingPort> {
  const host = process.env[ENGINE_HOST_ENV];
  if (host && recipe.sharing) {
    try {
      return await leaseHostedEngine(host, config, transcript);
    } catch (error) {
      if (!(error instanceof EngineHostUnreachable)) throw error;
      log('%s: %s; using an engine of this process', recipe.label, error.message);
    }
  }
  return leaseSharedEngine(recipe, config, transcript);
}
