import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The config module's default export. JavaScript configs are imported by Node; TypeScript ones
 * through vite's `runnerImport`, which compiles them (and what they import) without tsx. vite is
 * taken from beside vitest, the peer dependency that brings it, rather than being one of ours.
 */
export async function importConfigModule(file: string): Promise<unknown> {
  return (await importModuleFile(file)).default;
}

/** A JavaScript or TypeScript module's exports, loaded as config modules are (a Lambda handler file, say). */
export async function importModuleFile(file: string): Promise<Record<string, unknown>> {
  return /\.m?ts$/.test(file) ? importTypeScript(file) : ((await import(pathToFileURL(file).href)) as Record<string, unknown>);
}

async function importTypeScript(file: string): Promise<Record<string, unknown>> {
  const vite = (await import(pathToFileURL(resolveVite()).href)) as typeof import('vite');
  const { module } = await vite.runnerImport<Record<string, unknown>>(file, {
    configFile: false,
    root: dirname(file),
    logLevel: 'silent',
    // A cache, kept out of the user's repository.
    cacheDir: join(tmpdir(), 'partner-harness-vite'),
  });
  return module;
}

function resolveVite(): string {
  const vitest = createRequire(import.meta.url).resolve('vitest/package.json');
  return createRequire(vitest).resolve('vite');
}
