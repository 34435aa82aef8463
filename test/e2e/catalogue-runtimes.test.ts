import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

/**
 * The whole shipped catalogue in the process runtime (real OpenSSH sshd, system PostgreSQL and
 * MariaDB) and, where a Docker engine is reachable, in containers. The embedded runtime is the
 * `scenarios` vitest project itself. Only scenarios that need the embedded fakes may be skipped,
 * and each skip must say why.
 */
const EMBEDDED_ONLY = /identityProvider and storage need the embedded SFTP fake/;

const dockerReason = process.env.DOCKER_HOST ? undefined : 'DOCKER_HOST is not set: run scripts/docker/ensure-dockerd.sh';

describe('the catalogue in each runtime', () => {
  let dir: string;
  afterAll(() => dir && rm(dir, { recursive: true, force: true }));

  it.for(['process', 'container'])('passes in the %s runtime, recording that runtime for each fake', { timeout: 900_000 }, async (runtime, { skip }) => {
    if (runtime === 'container' && dockerReason) {
      // CI must exercise containers for real; elsewhere a machine without Docker skips them.
      if (process.env.CI === 'true') throw new Error(dockerReason);
      skip(dockerReason);
    }
    dir ??= await mkdtemp(join(tmpdir(), 'ph-runtimes-'));
    const out = join(dir, runtime);
    const result = await runCli(['run', '--runtime', runtime, '--out', out]);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(report.runtime).toBe(runtime);
    expect(report.totals.failed, result.stdout.slice(-3000)).toBe(0);
    expect(report.totals.invalid).toBe(0);
    for (const skipped of report.scenarios.filter((s: { state: string }) => s.state === 'skipped')) {
      expect(skipped.skipReason, skipped.name).toMatch(EMBEDDED_ONLY);
    }
    const runtimes = new Set(
      report.scenarios.flatMap((s: { result?: { fakes: Record<string, { kind: string; runtime: string }> } }) =>
        Object.values(s.result?.fakes ?? {}).filter((f) => ['sftp', 'postgres', 'mysql'].includes(f.kind)).map((f) => f.runtime),
      ),
    );
    expect([...runtimes]).toEqual([runtime]);
    expect(result.code).toBe(0);
  });
});
