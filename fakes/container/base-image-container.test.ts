import { describe, expect, it } from 'vitest';
import { dockerRequest } from './docker-api.ts';
import { ensureBaseImage } from './ensure-image.ts';
import { LOCAL_BASE_IMAGE, PUBLIC_BASE_IMAGE, resolveContainerSettings } from './container-settings.ts';

// Runs against the real daemon (CI: the private dockerd, with the debootstrap base and no registry).
const hasImage = async (image: string) => (await dockerRequest('GET', `/images/${encodeURIComponent(image)}/json`)).status === 200;

describe('the base image, with a real Docker daemon', () => {
  it('by default tries debian:bookworm-slim and, where it cannot be pulled, falls back to the local base and says why', async () => {
    const chosen = await ensureBaseImage(resolveContainerSettings(undefined, {}).baseImage);
    if (chosen.image === PUBLIC_BASE_IMAGE) {
      // A daemon with registry access (or the image already pulled): no fallback.
      expect(chosen.fallback).toBe(false);
      return;
    }
    expect(chosen).toMatchObject({ image: LOCAL_BASE_IMAGE, fallback: true });
    expect(chosen.reason).toMatch(/^the default debian:bookworm-slim cannot be pulled \(.+\), and the daemon has the local partner-harness\/base:bookworm; set PARTNER_HARNESS_BASE_IMAGE=partner-harness\/base:bookworm to skip the pull$/);
    expect(await hasImage(PUBLIC_BASE_IMAGE)).toBe(false);
  }, 120_000);
});
