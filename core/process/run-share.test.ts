import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSshKey } from '../ssh/index.ts';
import { openRunShare, RUN_SHARE_ENV, sharedInRun, type Shareable } from './run-share.ts';

const runShare = new URL('./run-share.ts', import.meta.url).pathname;

/** A value whose every make() differs, counting the makes. */
function counted(): Shareable<string> & { makes: number } {
  const value = {
    makes: 0,
    make: () => `value-${++value.makes}-${Math.random()}`,
    encode: (text: string) => text,
    decode: (text: string) => (text.startsWith('value-') ? text : undefined),
  };
  return value;
}

const fileFor = (dir: string, name: string) => join(dir, createHash('sha256').update(name).digest('hex'));

describe('sharedInRun', () => {
  let share: ReturnType<typeof openRunShare> | undefined;
  afterEach(() => {
    share?.close();
    share = undefined;
  });

  it('makes the value every time outside a run (no share named)', () => {
    expect(process.env[RUN_SHARE_ENV]).toBeUndefined();
    const value = counted();
    expect(sharedInRun('a', value)).not.toBe(sharedInRun('a', value));
    expect(value.makes).toBe(2);
  });

  it('makes a value once per run: another process of the run reads it instead of making its own', async () => {
    share = openRunShare();
    expect(process.env[RUN_SHARE_ENV]).toBe(share.dir);
    expect(statSync(share.dir).mode & 0o777).toBe(0o700);
    expect(share.dir.startsWith(`${tmpdir()}/partner-harness-run-`)).toBe(true);
    const value = counted();
    const first = sharedInRun('a', value);
    expect(sharedInRun('a', value)).toBe(first);
    expect(sharedInRun('b', value)).not.toBe(first);
    expect(value.makes).toBe(2);
    // A worker: another process with the variable set.
    const script = `const { sharedInRun } = await import(${JSON.stringify(runShare)});
      process.stdout.write(sharedInRun('a', { make: () => 'made-in-child', encode: String, decode: String }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: process.env });
    expect(stdout).toBe(first);
  });

  it('never uses what fails decode(), and never replaces a value another process shared', () => {
    share = openRunShare();
    writeFileSync(fileFor(share.dir, 'a'), 'not-a-value', { mode: 0o600 });
    writeFileSync(fileFor(share.dir, 'big'), `value-${'x'.repeat(70 * 1024)}`, { mode: 0o600 });
    const value = counted();
    expect(sharedInRun('a', value)).toMatch(/^value-1-/);
    expect(sharedInRun('big', value)).toMatch(/^value-2-/);
    expect(value.makes).toBe(2);
    expect(readdirSync(share.dir).sort()).toEqual([fileFor(share.dir, 'a'), fileFor(share.dir, 'big')].map((f) => f.split('/').at(-1)).sort());
  });

  it('shares nothing through a folder that others may enter', () => {
    share = openRunShare();
    chmodSync(share.dir, 0o755);
    const value = counted();
    sharedInRun('a', value);
    sharedInRun('a', value);
    expect(value.makes).toBe(2);
    expect(readdirSync(share.dir)).toEqual([]);
  });

  it('close() removes the folder and restores the variable', () => {
    share = openRunShare();
    const { dir } = share;
    sharedInRun('a', counted());
    share.close();
    share = undefined;
    expect(existsSync(dir)).toBe(false);
    expect(process.env[RUN_SHARE_ENV]).toBeUndefined();
  });

  it('gives generateSshKey the shared pair only when its halves match', () => {
    share = openRunShare();
    const other = generateSshKey('ecdsa-sha2-nistp256', 'run-share-test-other');
    const mine = generateSshKey('ecdsa-sha2-nistp256', 'run-share-test-mine');
    // A pair whose public half is another key's, left under a slot no process has used yet.
    const tampered = { ...mine, publicKey: other.publicKey };
    writeFileSync(fileFor(share.dir, 'ssh-key ecdsa-sha2-nistp256 run-share-test-fresh'), JSON.stringify(tampered), { mode: 0o600 });
    const fresh = generateSshKey('ecdsa-sha2-nistp256', 'run-share-test-fresh');
    expect(fresh.privateKey).not.toBe(mine.privateKey);
    expect([mine.publicKey, other.publicKey]).not.toContain(fresh.publicKey);
    // A whole pair under another fresh slot is taken as it is.
    writeFileSync(fileFor(share.dir, 'ssh-key ecdsa-sha2-nistp256 run-share-test-whole'), JSON.stringify(mine), { mode: 0o600 });
    expect(generateSshKey('ecdsa-sha2-nistp256', 'run-share-test-whole').publicKey).toBe(mine.publicKey);
  });
});
