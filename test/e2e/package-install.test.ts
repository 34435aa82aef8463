import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./package/', import.meta.url));
const ours = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
/** The exact versions this repository's lockfile installed, so npm finds them in its cache. */
const installed = async (name: string) => (JSON.parse(await readFile(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * A second Node major to run the installed package on (issue 10: Node 20 and 22). CI installs
 * Node 22 from npm (.ci/run) and names it in PARTNER_HARNESS_NODE_22; elsewhere the Node 22 runs
 * are left out, and CI fails without it.
 */
const NODE_22 = process.env.PARTNER_HARNESS_NODE_22;
if (!NODE_22 && process.env.CI === 'true') throw new Error('CI must set PARTNER_HARNESS_NODE_22 to a Node 22 binary (.ci/run installs one)');
const NODES: Array<[string, string]> = [[`node ${process.versions.node}`, process.execPath], ...(NODE_22 ? [['node 22', NODE_22] as [string, string]] : [])];

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function sh(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Result> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

async function writeOwnScenario(consumer: string): Promise<void> {
  await mkdir(join(consumer, 'own'), { recursive: true });
  await writeFile(
    join(consumer, 'own/unknown-connector.yaml'),
    'name: an unknown connector answers ResourceNotFoundException\n' +
      'when: { operation: "transfer:TestConnection", input: { ConnectorId: c-0123456789abcdef0 } }\n' +
      'then: { error: ResourceNotFoundException }\n',
  );
}

/** Where `npx partner-harness` would run the bin: through the consumer's node_modules/.bin link. */
function bin(consumer: string): string {
  return join(consumer, 'node_modules/.bin/partner-harness');
}

/**
 * The package as a user gets it: `npm pack`, then the tarball installed into a throwaway project
 * outside this repository (from the npm cache `npm ci` filled), then used from there.
 */
describe('the packed package, installed into a consumer project', () => {
  let work: string;
  let consumer: string;

  beforeAll(async () => {
    expect(existsSync(join(ROOT, 'dist/harness/index.js')), 'dist/ is built by `npm run build` (npm test does it first)').toBe(true);
    work = await mkdtemp(join(tmpdir(), 'ph-package-'));
    // The build is fresh (npm test builds first): pack what is there.
    const packed = await sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
    expect(packed.code, packed.stderr).toBe(0);
    const [{ filename, files }] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const paths = files.map((file) => file.path);
    // What users need and no tests.
    expect(paths).toContain('dist/harness/index.js');
    expect(paths).toContain('dist/harness/index.d.ts');
    expect(paths).toContain('bin/partner-harness.js');
    expect(paths.some((path) => path.startsWith('scenarios/'))).toBe(true);
    expect(paths.filter((path) => /\.test\.|(^|\/)test\/|__fixtures__/.test(path))).toEqual([]);

    consumer = join(work, 'consumer');
    await mkdir(consumer);
    await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
    const install = await sh(
      'npm',
      [
        'install',
        // From the cache `npm ci` filled; the registry only for what the cache lacks (metadata).
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        join(work, filename),
        `typescript@${await installed('typescript')}`,
        `@types/node@${await installed('@types/node')}`,
        `vitest@${await installed('vitest')}`,
      ],
      consumer,
    );
    expect(install.code, install.stderr).toBe(0);
    for (const fixture of await readdir(FIXTURES)) await copyFile(join(FIXTURES, fixture), join(consumer, fixture));
  }, 300_000);

  afterAll(() => rm(work, { recursive: true, force: true, maxRetries: 3 }));

  for (const [label, node] of NODES) {
    it(`(a) plain Node imports partner-harness/fakes and /aws and gets TestConnection OK (${label})`, async () => {
      const result = await sh(node, ['plain-node.mjs'], consumer);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout.trim().split('\n').at(-1)!)).toEqual({ Status: 'OK', StatusMessage: 'Connection succeeded' });
    });
  }

  for (const [label, node] of NODES) {
    it(`(c) npx partner-harness run runs the consumer's own scenario file (${label})`, async () => {
      await writeOwnScenario(consumer);
      const result = await sh(node, [bin(consumer), 'run', 'own', '--out', `reports-${label.replace(/\W+/g, '-')}`], consumer);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^1 passed, 0 failed, 0 invalid, 0 skipped$/m);
    });
  }

  it('(b) a vitest suite of the consumer uses the fixtures and matchers, and runs its YAML scenario through the plugin', async () => {
    await writeOwnScenario(consumer);
    const result = await sh(process.execPath, [join(consumer, 'node_modules/vitest/vitest.mjs'), 'run'], consumer);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Tests\s+4 passed \(4\)/);
    expect(result.stdout + result.stderr).not.toMatch(/deprecat|warning/i);
  });

  it('(e) npx partner-harness init scaffolds a project whose starters pass its own run', async () => {
    const project = join(consumer, 'initialised');
    await mkdir(project);
    const init = await sh(process.execPath, [bin(consumer), 'init'], project);
    expect(init.code, init.stdout + init.stderr).toBe(0);
    const starters = (await readdir(join(project, 'scenarios'))).filter((file) => file.endsWith('.yaml'));
    expect(starters).toHaveLength(2);
    for (const starter of starters) {
      // The editor's schema line points at the installed package's JSON Schema.
      const schemaLine = /^# yaml-language-server: \$schema=(\S+)$/m.exec(await readFile(join(project, 'scenarios', starter), 'utf8'));
      expect(schemaLine, starter).not.toBeNull();
      expect(existsSync(join(project, 'scenarios', schemaLine![1]!)), schemaLine![1]).toBe(true);
    }
    expect(existsSync(join(project, '.github/workflows/partner-harness.yml'))).toBe(true);
    const run = await sh(process.execPath, [bin(consumer), 'run'], project);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^2 passed, 0 failed, 0 invalid, 0 skipped$/m);
  });

  it(`the shipped catalogue runs from the installed package with --catalogue (${NODES.at(-1)![0]})`, async () => {
    const result = await sh(NODES.at(-1)![1], [bin(consumer), 'run', '--catalogue', '--out', 'reports-catalogue'], consumer);
    expect(result.code, result.stdout.slice(-3000) + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^(\d+) passed, 0 failed, 0 invalid, 0 skipped$/m);
  }, 240_000);

  it('(d) the consumer’s strict tsc (skipLibCheck false) is clean over every public entry', async () => {
    const result = await sh(process.execPath, [join(consumer, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.consumer.json'], consumer);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('--version prints the package version', async () => {
    const result = await sh(process.execPath, [bin(consumer), '--version'], consumer);
    expect(result.stdout.trim()).toBe(ours.version);
  });
});
