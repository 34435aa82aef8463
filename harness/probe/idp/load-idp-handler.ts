import { InvalidOptionError } from '../../../core/errors/index.ts';
import type { LambdaHandler } from '../../aws/index.ts';
import { captureHandlerOutput } from '../../aws/lambda/handler-output.ts';
import { importModuleFile } from '../../config/import-config-module.ts';
import type { IdpTarget } from './idp-target.ts';

/**
 * The user's own Lambda handler, unchanged: ESM or CommonJS through Node, TypeScript through
 * vite's runnerImport as config files are (no tsx). A file that does not load or lacks the
 * export is the user's mistake (exit 2), named with the fix.
 */
export async function loadIdpHandler(target: Extract<IdpTarget, { type: 'AWS_LAMBDA' }>): Promise<LambdaHandler> {
  const { file, exportName } = target;
  let loaded: Record<string, unknown>;
  try {
    // What the module prints as it loads is Lambda's init phase, CloudWatch's on AWS: kept off
    // our output, where it would break --json.
    loaded = await captureHandlerOutput(() => undefined, () => withinInitLimit(importModuleFile(file)));
  } catch (error) {
    if (error instanceof InitTimeout) throw new InvalidOptionError(`${file}: did not finish loading within ${INIT_LIMIT_MS / 1000} s`, { fix: 'Lambda gives a function\'s init phase 10 seconds: look for a top-level await that never settles' });
    throw new InvalidOptionError(`${file}: cannot load it (${firstLine(error)})`, { fix: 'Check that it runs with node (or, for TypeScript, that it compiles)', cause: error });
  }
  // A CommonJS module's exports also arrive as the default export.
  const candidate = loaded[exportName] ?? (loaded.default as Record<string, unknown> | undefined)?.[exportName];
  if (typeof candidate !== 'function') {
    const exports = Object.keys(loaded).filter((name) => name !== 'default' || typeof loaded.default === 'function').sort();
    throw new InvalidOptionError(`${file} has no function export '${exportName}' (exports: ${exports.join(', ') || 'none'})`, {
      fix: `Export the handler as '${exportName}', or name it after #, e.g. ${file}#${exports.find((name) => typeof loaded[name] === 'function') ?? 'authorize'}`,
    });
  }
  return candidate as LambdaHandler;
}

/** Lambda's limit on a function's init phase ("The Init phase is limited to 10 seconds", Lambda runtime environment). */
const INIT_LIMIT_MS = 10_000;

class InitTimeout extends Error {}

async function withinInitLimit<T>(loading: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([loading, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new InitTimeout()), INIT_LIMIT_MS)))]);
  } finally {
    clearTimeout(timer);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
