import { describe, expect, it } from 'vitest';
import { containerSettingsEnv, containerSettingsProblems, isImageReference, resolveContainerSettings } from './container-settings.ts';

describe('resolveContainerSettings', () => {
  it('has no base and no images by default (the public base, our images)', () => {
    expect(resolveContainerSettings(undefined, {})).toEqual({ images: {} });
    expect(resolveContainerSettings({}, { PARTNER_HARNESS_BASE_IMAGE: '' })).toEqual({ images: {} });
  });

  it('takes the config, and the environment over the config', () => {
    const config = { baseImage: 'partner-harness/base:bookworm', images: { postgres: 'postgres:16', mariadb: 'mariadb:11.4' } };
    expect(resolveContainerSettings(config, {})).toEqual({
      baseImage: { image: 'partner-harness/base:bookworm', from: 'config', source: 'containers.baseImage' },
      images: {
        postgres: { image: 'postgres:16', from: 'config', source: 'containers.images.postgres' },
        mariadb: { image: 'mariadb:11.4', from: 'config', source: 'containers.images.mariadb' },
      },
    });
    const env = { PARTNER_HARNESS_BASE_IMAGE: 'debian:bookworm-slim', PARTNER_HARNESS_IMAGE_POSTGRES: 'registry.example.com:5000/db/postgres:16@sha256:' + 'a'.repeat(64) };
    const resolved = resolveContainerSettings(config, env);
    expect(resolved.baseImage).toEqual({ image: 'debian:bookworm-slim', from: 'env', source: 'PARTNER_HARNESS_BASE_IMAGE' });
    expect(resolved.images.postgres).toMatchObject({ from: 'env', source: 'PARTNER_HARNESS_IMAGE_POSTGRES' });
    expect(resolved.images.mariadb).toMatchObject({ from: 'config' });
  });

  it('refuses what is not an image reference, and an image key it does not know, naming where it came from', () => {
    expect(() => resolveContainerSettings(undefined, { PARTNER_HARNESS_BASE_IMAGE: 'Debian Bookworm' })).toThrow(
      'PARTNER_HARNESS_BASE_IMAGE="Debian Bookworm" is not an image reference; give an image reference such as debian:bookworm-slim, postgres:16 or registry.example.com/team/image:tag',
    );
    expect(() => resolveContainerSettings({ images: { postgres: 'postgres:16 --privileged' } }, {})).toThrow('containers.images.postgres: "postgres:16 --privileged" is not an image reference; give an image reference such as debian:bookworm-slim, postgres:16 or registry.example.com/team/image:tag');
    const unknown = (() => {
      try {
        resolveContainerSettings({ images: { redis: 'redis:7' } as never }, {});
      } catch (error) {
        return error;
      }
    })();
    expect(unknown).toMatchObject({ code: 'INVALID_OPTION', message: 'containers.images.redis: unknown image; the images are sftp, postgres, mariadb' });
  });

  it('isImageReference accepts what Docker accepts and nothing that would be an argument', () => {
    for (const good of ['debian:bookworm-slim', 'postgres', 'library/postgres:16.4', 'ghcr.io/acme/sftp_fake:v1.2', 'localhost:5000/x', 'partner-harness/base:bookworm']) expect(isImageReference(good), good).toBe(true);
    for (const bad of ['', 'Postgres:16', '-v', 'postgres:', 'a b', 'postgres:16;rm', '/abs']) expect(isImageReference(bad), bad).toBe(false);
  });
});

describe('containerSettingsProblems', () => {
  it('names each problem by its path in the containers option', () => {
    expect(containerSettingsProblems({ baseImage: 'partner-harness/base:bookworm', images: { postgres: 'postgres:16' } })).toEqual([]);
    expect(containerSettingsProblems('debian')).toEqual([{ path: '', message: expect.stringMatching(/^an object such as/) }]);
    expect(containerSettingsProblems({ base: 'x', baseImage: 7, images: { redis: 'redis:7', mariadb: 'MariaDB' } }).map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
      'base: unknown field; the fields are baseImage, images',
      expect.stringMatching(/^baseImage: 7 is not an image reference/),
      'images.redis: unknown image; the images are sftp, postgres, mariadb',
      expect.stringMatching(/^images.mariadb: "MariaDB" is not an image reference/),
    ]);
    expect(containerSettingsProblems({ images: ['postgres:16'] })).toEqual([{ path: 'images', message: expect.stringMatching(/^an object naming images by sftp, postgres, mariadb/) }]);
  });
});

describe('containerSettingsEnv', () => {
  it("hands the config's values to the workers where the environment sets none", () => {
    const config = { baseImage: 'partner-harness/base:bookworm', images: { postgres: 'postgres:16', sftp: 'ghcr.io/acme/sftp:1' } };
    expect(containerSettingsEnv(config, { PARTNER_HARNESS_IMAGE_SFTP: 'mine/sftp:2' })).toEqual({
      PARTNER_HARNESS_BASE_IMAGE: 'partner-harness/base:bookworm',
      PARTNER_HARNESS_IMAGE_POSTGRES: 'postgres:16',
    });
    expect(containerSettingsEnv(undefined, {})).toEqual({});
  });
});
