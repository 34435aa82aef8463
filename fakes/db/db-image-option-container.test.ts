import { afterEach, describe, expect, it } from 'vitest';
import { mariadbContainerRecipe, postgresContainerRecipe } from './db-container-recipe.ts';
import { ensureEngineImage } from './launch-container.ts';
import { MysqlFake } from './mysql-fake.ts';
import { PostgresFake } from './postgres-fake.ts';

// Official images cannot be pulled here; this proves, with the real daemon, that the image the
// option names is the one that runs (here: our own image, under the name given).
const saved = { postgres: process.env.PARTNER_HARNESS_IMAGE_POSTGRES, mariadb: process.env.PARTNER_HARNESS_IMAGE_MARIADB };
afterEach(() => {
  for (const [name, value] of [['PARTNER_HARNESS_IMAGE_POSTGRES', saved.postgres], ['PARTNER_HARNESS_IMAGE_MARIADB', saved.mariadb]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('containers.images with a real Docker daemon', () => {
  it('runs the postgres and mariadb images named by the option', async () => {
    delete process.env.PARTNER_HARNESS_IMAGE_POSTGRES;
    delete process.env.PARTNER_HARNESS_IMAGE_MARIADB;
    const ours = { postgres: (await ensureEngineImage(postgresContainerRecipe)).name, mariadb: (await ensureEngineImage(mariadbContainerRecipe)).name };
    process.env.PARTNER_HARNESS_IMAGE_POSTGRES = ours.postgres;
    process.env.PARTNER_HARNESS_IMAGE_MARIADB = ours.mariadb;
    for (const fake of [new PostgresFake(), new MysqlFake()]) {
      await using db = await fake.withRuntime('container').withUser('app', 'Option-PW-1').start();
      const started = db.getTranscript().find((entry) => entry.kind === 'started')!;
      expect(started.detail.image).toBe(db.getEngine() === 'postgresql' ? ours.postgres : ours.mariadb);
      expect(started.detail).not.toHaveProperty('baseImage');
      expect(started.detail).not.toHaveProperty('imageFlavour');
    }
  }, 600_000);
});
