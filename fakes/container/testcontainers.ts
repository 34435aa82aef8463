import createDebug from 'debug';
import { dockerRequest } from './docker-api.ts';
import { decideRyuk, RYUK_DISABLED_ENV } from './decide-ryuk.ts';

const log = createDebug('partner-harness:container');

let loading: Promise<typeof import('testcontainers')> | undefined;

/**
 * testcontainers, loaded on first use so that importing the fakes costs nothing when no container
 * runs. Before the first container, Ryuk is settled (decide-ryuk.ts): on where its image can be
 * had, off where it cannot (a daemon without a registry), which testcontainers would otherwise
 * fail on.
 */
export function loadTestcontainers(): Promise<typeof import('testcontainers')> {
  loading ??= (async () => {
    const testcontainers = await import('testcontainers');
    const { REAPER_IMAGE } = (await import('testcontainers/build/reaper/reaper.js')) as { REAPER_IMAGE: string };
    const hasImage = async (image: string) => (await dockerRequest('GET', `/images/${encodeURIComponent(image)}/json`)).status === 200;
    const decision = await decideRyuk(process.env, REAPER_IMAGE, {
      hasImage,
      pull: async (image) => {
        const client = await testcontainers.getContainerRuntimeClient();
        await client.image.pull(testcontainers.ImageName.fromString(image));
        // A pull that fails part-way may end its stream without an error.
        if (!(await hasImage(image))) throw new Error(`the pull of ${image} ended but the daemon does not have it`);
      },
    });
    if (!decision.enabled) process.env[RYUK_DISABLED_ENV] = 'true';
    log('Ryuk %s: %s', decision.enabled ? 'on' : 'off', decision.reason);
    return testcontainers;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
