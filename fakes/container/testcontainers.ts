/**
 * testcontainers, loaded on first use so that importing the fakes costs nothing when no container
 * runs. Ryuk (its reaper) is an image from Docker Hub, which is not reachable here, so it is off
 * unless the environment says otherwise; container-cleanup.ts removes our containers instead.
 */
export async function loadTestcontainers(): Promise<typeof import('testcontainers')> {
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  return import('testcontainers');
}
