import { describe, expect, it } from 'vitest';
import { decideRyuk } from './decide-ryuk.ts';

const RYUK = 'testcontainers/ryuk:0.14.0';
const offline = { hasImage: async () => false, pull: async () => Promise.reject(new Error('(HTTP code 500) server error - lookup registry-1.docker.io: no such host')) };

describe('decideRyuk', () => {
  it("leaves it to testcontainers' variable when set", async () => {
    expect(await decideRyuk({ TESTCONTAINERS_RYUK_DISABLED: 'true' }, RYUK, offline)).toEqual({ enabled: false, reason: 'TESTCONTAINERS_RYUK_DISABLED=true' });
    expect(await decideRyuk({ TESTCONTAINERS_RYUK_DISABLED: 'false' }, RYUK, offline)).toEqual({ enabled: true, reason: 'TESTCONTAINERS_RYUK_DISABLED=false' });
  });

  it('uses Ryuk where its image is present or pulls', async () => {
    expect(await decideRyuk({}, RYUK, { ...offline, hasImage: async () => true })).toEqual({ enabled: true, reason: `${RYUK} is present` });
    expect(await decideRyuk({}, RYUK, { ...offline, pull: async () => undefined })).toEqual({ enabled: true, reason: `${RYUK} pulled` });
  });

  it('turns Ryuk off, with the reason, where it cannot be pulled', async () => {
    expect(await decideRyuk({}, RYUK, offline)).toEqual({
      enabled: false,
      reason: `${RYUK} cannot be pulled ((HTTP code 500) server error - lookup registry-1.docker.io: no such host); Ryuk is off, and partner-harness removes its containers itself`,
    });
  });
});
