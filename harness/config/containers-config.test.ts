import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError } from './config-error.ts';
import { loadConfig } from './load-config.ts';
import { main } from '../cli/main.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ph-containers-config-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function write(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

describe('the config file’s containers option', () => {
  it('takes a base image and official images', async () => {
    const file = await write('ok.config.mjs', `export default { containers: { baseImage: 'partner-harness/base:bookworm', images: { postgres: 'postgres:16', mariadb: 'mariadb:11.4' } } };\n`);
    expect((await loadConfig(file)).config.containers).toEqual({ baseImage: 'partner-harness/base:bookworm', images: { postgres: 'postgres:16', mariadb: 'mariadb:11.4' } });
  });

  it('refuses an unknown field or image and what is not an image reference, each by its path', async () => {
    const file = await write('bad.config.mjs', `export default { containers: { baseImag: 'x', images: { redis: 'redis:7', postgres: 'Postgres 16' } } };\n`);
    const error = (await loadConfig(file).catch((caught: unknown) => caught)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.issues.map((issue) => issue.path)).toEqual(['containers.baseImag', 'containers.images.redis', 'containers.images.postgres']);
    expect(error.message).toContain('containers.images.redis: unknown image; the images are sftp, postgres, mariadb');
    expect(error.message).toContain('containers.images.postgres: "Postgres 16" is not an image reference; give an image reference such as debian:bookworm-slim');
  });

  it('makes `partner-harness run` exit 2 with the message', async () => {
    const file = await write('run.config.mjs', `export default { containers: { images: { redis: 'redis:7' } } };\n`);
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
    try {
      expect(await main(['run', '--config', file])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(stderr).toContain('containers.images.redis: unknown image; the images are sftp, postgres, mariadb');
  });
});
