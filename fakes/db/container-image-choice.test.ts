import { afterEach, describe, expect, it } from 'vitest';
import { ensureEngineImage } from './launch-container.ts';
import { mariadbContainerRecipe, postgresContainerRecipe } from './db-container-recipe.ts';
import { ensureSftpImage } from '../sftp/launch-sshd-container.ts';

// No Docker needed: a configured image is used as it is, before any daemon is asked.
const NAMES = ['PARTNER_HARNESS_IMAGE_POSTGRES', 'PARTNER_HARNESS_IMAGE_MARIADB', 'PARTNER_HARNESS_IMAGE_SFTP', 'DOCKER_HOST'] as const;
const before = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of NAMES) {
    if (before[name] === undefined) delete process.env[name];
    else process.env[name] = before[name];
  }
});

describe('a configured image reaches the run', () => {
  it('runs official postgres and mariadb images, and an sftp image, by the name given, without a build', async () => {
    delete process.env.DOCKER_HOST;
    process.env.PARTNER_HARNESS_IMAGE_POSTGRES = 'postgres:16';
    process.env.PARTNER_HARNESS_IMAGE_MARIADB = 'mariadb:11.4';
    process.env.PARTNER_HARNESS_IMAGE_SFTP = 'ghcr.io/acme/sftp:1';
    expect(await ensureEngineImage(postgresContainerRecipe)).toEqual({
      name: 'postgres:16',
      built: false,
      configured: { image: 'postgres:16', from: 'env', source: 'PARTNER_HARNESS_IMAGE_POSTGRES' },
    });
    expect(await ensureEngineImage(mariadbContainerRecipe)).toMatchObject({ name: 'mariadb:11.4', built: false });
    expect(await ensureSftpImage()).toMatchObject({ name: 'ghcr.io/acme/sftp:1', built: false });
  });

  it('refuses a value that is not an image reference (exit 2 through INVALID_OPTION)', async () => {
    process.env.PARTNER_HARNESS_IMAGE_POSTGRES = 'postgres:16 -e X=1';
    expect(() => ensureEngineImage(postgresContainerRecipe)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});
