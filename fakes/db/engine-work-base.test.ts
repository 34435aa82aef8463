import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAM_DIR } from '../../core/process/index.ts';
import { ENGINE_DIR_ENV, engineWorkBase, RAM_DIR_MIN_FREE_BYTES, type WorkBaseProbe } from './engine-work-base.ts';

const TMPFS = 0x01021994;
const EXT4 = 0xef53;
const probe = (statfs: WorkBaseProbe['statfs'], env: NodeJS.ProcessEnv = {}): WorkBaseProbe => ({ env, tmpdir: () => '/var/tmp-of-the-os', statfs });

describe('engineWorkBase', () => {
  let chosen: string;
  beforeAll(async () => {
    chosen = await mkdtemp(join(tmpdir(), 'ph-engine-base-'));
    await writeFile(join(chosen, 'a-file'), '');
  });
  afterAll(() => rm(chosen, { recursive: true, force: true }));

  it('chooses /dev/shm when it is a tmpfs with room to spare', () => {
    expect(engineWorkBase(probe(() => ({ type: TMPFS, freeBytes: RAM_DIR_MIN_FREE_BYTES })))).toBe(RAM_DIR);
  });

  it('falls back to os.tmpdir() when /dev/shm is short of room, not a tmpfs, or missing', () => {
    expect(engineWorkBase(probe(() => ({ type: TMPFS, freeBytes: 64 * 1024 ** 2 })))).toBe('/var/tmp-of-the-os');
    expect(engineWorkBase(probe(() => ({ type: EXT4, freeBytes: 100 * 1024 ** 3 })))).toBe('/var/tmp-of-the-os');
    expect(engineWorkBase(probe(() => undefined))).toBe('/var/tmp-of-the-os');
  });

  it(`takes ${ENGINE_DIR_ENV} over both, and treats it empty as unset`, () => {
    const roomy = () => ({ type: TMPFS, freeBytes: 8 * 1024 ** 3 });
    expect(engineWorkBase(probe(roomy, { [ENGINE_DIR_ENV]: chosen }))).toBe(chosen);
    expect(engineWorkBase(probe(roomy, { [ENGINE_DIR_ENV]: '' }))).toBe(RAM_DIR);
  });

  it(`refuses a ${ENGINE_DIR_ENV} that is relative or not an existing directory, saying what to set`, () => {
    for (const value of ['tmp', join(chosen, 'missing'), join(chosen, 'a-file')]) {
      expect(() => engineWorkBase(probe(() => undefined, { [ENGINE_DIR_ENV]: value }))).toThrow(
        expect.objectContaining({ code: 'RUNTIME_UNAVAILABLE', message: expect.stringContaining(value), fix: expect.stringContaining(`Set ${ENGINE_DIR_ENV}`) }),
      );
    }
  });
});
