import { describe, expect, it } from 'vitest';
import { chooseBaseImage, type BaseImageDaemon } from './choose-base-image.ts';
import { LOCAL_BASE_IMAGE, PUBLIC_BASE_IMAGE, resolveContainerSettings } from './container-settings.ts';

/** A daemon with `images`, whose pulls succeed only for `pullable` (the rest fail as Docker Hub does offline). */
function fakeDaemon(images: string[], pullable: string[] = []): BaseImageDaemon & { pulls: string[] } {
  const have = new Set(images);
  const pulls: string[] = [];
  return {
    pulls,
    hasImage: async (image) => have.has(image),
    pull: async (image) => {
      pulls.push(image);
      if (!pullable.includes(image)) throw new Error('(HTTP code 500) server error - Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host');
      have.add(image);
    },
  };
}

describe('chooseBaseImage', () => {
  it('by default builds FROM debian:bookworm-slim: present, or pulled', async () => {
    expect(await chooseBaseImage(undefined, fakeDaemon([PUBLIC_BASE_IMAGE, LOCAL_BASE_IMAGE]))).toEqual({ image: PUBLIC_BASE_IMAGE, reason: 'the default', fallback: false });
    const daemon = fakeDaemon([LOCAL_BASE_IMAGE], [PUBLIC_BASE_IMAGE]);
    expect(await chooseBaseImage(undefined, daemon)).toEqual({ image: PUBLIC_BASE_IMAGE, reason: 'the default, pulled', fallback: false });
    expect(daemon.pulls).toEqual([PUBLIC_BASE_IMAGE]);
  });

  it('falls back to the local base when the pull fails, and says which base and why', async () => {
    const chosen = await chooseBaseImage(undefined, fakeDaemon([LOCAL_BASE_IMAGE]));
    expect(chosen.image).toBe(LOCAL_BASE_IMAGE);
    expect(chosen.fallback).toBe(true);
    expect(chosen.reason).toBe(
      'the default debian:bookworm-slim cannot be pulled ((HTTP code 500) server error - Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host), ' +
        'and the daemon has the local partner-harness/base:bookworm; set PARTNER_HARNESS_BASE_IMAGE=partner-harness/base:bookworm to skip the pull',
    );
  });

  it('fails with both fixes when the pull fails and there is no local base', async () => {
    const error = await chooseBaseImage(undefined, fakeDaemon([])).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'RUNTIME_UNAVAILABLE' });
    expect((error as Error).message).toMatch(/^the base image debian:bookworm-slim cannot be pulled \(.*no such host\) and the daemon has no local partner-harness\/base:bookworm to fall back to; give the daemon registry access, or scripts\/docker\/ensure-base-image.sh .* makes it offline, or set PARTNER_HARNESS_BASE_IMAGE/);
  });

  it('uses the configured local base without trying a pull, and never falls back from a configured one', async () => {
    const offline = resolveContainerSettings(undefined, { PARTNER_HARNESS_BASE_IMAGE: LOCAL_BASE_IMAGE }).baseImage;
    const daemon = fakeDaemon([LOCAL_BASE_IMAGE]);
    expect(await chooseBaseImage(offline, daemon)).toEqual({ image: LOCAL_BASE_IMAGE, reason: 'set by PARTNER_HARNESS_BASE_IMAGE', fallback: false });
    expect(daemon.pulls).toEqual([]);

    const missingLocal = await chooseBaseImage(offline, fakeDaemon([])).catch((caught: unknown) => caught);
    expect((missingLocal as Error).message).toMatch(/^the base image partner-harness\/base:bookworm \(set by PARTNER_HARNESS_BASE_IMAGE\) is not in the Docker daemon; scripts\/docker\/ensure-base-image.sh/);

    const ubuntu = resolveContainerSettings({ baseImage: 'ubuntu:24.04' }, {}).baseImage;
    const error = await chooseBaseImage(ubuntu, fakeDaemon([LOCAL_BASE_IMAGE])).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'RUNTIME_UNAVAILABLE' });
    expect((error as Error).message).toMatch(/^the base image ubuntu:24.04 \(set by containers.baseImage\) cannot be pulled: \(HTTP code 500\)/);
    expect(await chooseBaseImage(ubuntu, fakeDaemon([], ['ubuntu:24.04']))).toEqual({ image: 'ubuntu:24.04', reason: 'set by containers.baseImage, pulled', fallback: false });
  });
});
