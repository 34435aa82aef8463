import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseProfile, sftpProfile } from '../reports/probe-profile-test-helpers.ts';
import { checkProbeProfile, loadProbeProfile } from './load-probe-profile.ts';
import { isDatabaseProfile } from './probe-profile.ts';
import { profileYaml } from './profile-file.ts';

describe('loadProbeProfile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-probe-profile-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads either kind as probe --save wrote it, telling them apart by the target', async () => {
    for (const profile of [sftpProfile(), databaseProfile()]) {
      const file = join(dir, `${profile.target.slice(0, 4)}.yaml`);
      await writeFile(file, profileYaml(profile));
      const loaded = await loadProbeProfile(file);
      expect(loaded).toEqual(profile);
      expect(isDatabaseProfile(loaded)).toBe(profile.target.startsWith('jdbc:'));
    }
  });

  it('reads a profile saved before policies recorded what they negotiated', async () => {
    const older = sftpProfile({ policies: sftpProfile().policies.map(({ negotiated: _, ...policy }) => policy) });
    const file = join(dir, 'older.yaml');
    await writeFile(file, profileYaml(older));
    expect(await loadProbeProfile(file)).toEqual(older);
  });

  it('refuses a file that is not a profile, naming the file, the field and the fix', async () => {
    const wrong = join(dir, 'wrong.yaml');
    await writeFile(wrong, profileYaml({ ...sftpProfile(), policies: [{ name: 'x', status: 'MAYBE', statusMessage: '' }] }));
    await expect(loadProbeProfile(wrong)).rejects.toMatchObject({ code: 'PROFILE_INVALID', message: expect.stringMatching(new RegExp(`^${wrong}: policies\\.0\\.status: .*; write it again with \`partner-harness probe --save ${wrong}\`$`)) });
    const database = join(dir, 'db-wrong.yaml');
    await writeFile(database, profileYaml({ ...databaseProfile(), answers: [{ setting: 'enforce-tls', status: 'OK' }] }));
    await expect(loadProbeProfile(database)).rejects.toMatchObject({ code: 'PROFILE_INVALID', message: expect.stringContaining(`${database}: answers.0.setting: `) });
    await expect(loadProbeProfile(join(dir, 'missing.yaml'))).rejects.toMatchObject({ code: 'PROFILE_INVALID', message: expect.stringContaining('cannot read it') });
  });

  it('checks data already read, with the caller\'s advice', () => {
    expect(() => checkProbeProfile('out/report.json: probes.0', { target: 'sftp://x' }, 'give a report.json written by partner-harness run')).toThrow(
      /^out\/report\.json: probes\.0: partnerHarnessProfile: .*; give a report\.json written by partner-harness run$/,
    );
  });
});
