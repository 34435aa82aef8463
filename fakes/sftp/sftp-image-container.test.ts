import { describe, expect, it } from 'vitest';
import { dockerRequest } from '../container/docker-api.ts';
import { ensureSftpImage } from './launch-sshd-container.ts';

// Runs against the real daemon (CI: the private dockerd, offline base chosen by PARTNER_HARNESS_BASE_IMAGE).
const hasImage = async (image: string) => (await dockerRequest('GET', `/images/${encodeURIComponent(image)}/json`)).status === 200;

describe('the sftp image, with a real Docker daemon', () => {
  it('tags our image with the hash of its context and base, and reuses it', async () => {
    const first = await ensureSftpImage();
    expect(first.name).toMatch(/^partner-harness\/sftp:bookworm-[0-9a-f]{16}$/);
    expect(first.base?.image).toBeDefined();
    expect(await hasImage(first.name)).toBe(true);
    const again = await ensureSftpImage();
    expect(again).toMatchObject({ name: first.name, built: false });
  }, 600_000);
});
