import type { BaseImageDaemon } from './choose-base-image.ts';

export const RYUK_DISABLED_ENV = 'TESTCONTAINERS_RYUK_DISABLED';

export interface RyukDecision {
  enabled: boolean;
  reason: string;
}

/**
 * Whether testcontainers may start Ryuk, its reaper. The environment decides when it says
 * (testcontainers' own variable); otherwise Ryuk runs where its image is present or can be pulled,
 * as testcontainers does by default, and is turned off where it cannot be: our exit hook
 * (container-cleanup.ts) removes our containers either way, so Ryuk is never required.
 */
export async function decideRyuk(env: NodeJS.ProcessEnv, reaperImage: string, daemon: BaseImageDaemon): Promise<RyukDecision> {
  const set = env[RYUK_DISABLED_ENV];
  if (set !== undefined && set !== '') return { enabled: set !== 'true', reason: `${RYUK_DISABLED_ENV}=${set}` };
  if (await daemon.hasImage(reaperImage)) return { enabled: true, reason: `${reaperImage} is present` };
  try {
    await daemon.pull(reaperImage);
    return { enabled: true, reason: `${reaperImage} pulled` };
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).trim().split('\n')[0];
    return { enabled: false, reason: `${reaperImage} cannot be pulled (${why}); Ryuk is off, and partner-harness removes its containers itself` };
  }
}
