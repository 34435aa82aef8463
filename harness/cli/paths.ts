import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's own folder: the nearest one holding a package.json, above the sources
 * (harness/cli) in a clone or above the build (dist/harness/cli) where the package is installed.
 */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The shipped catalogue, wherever the package is installed. */
export const CATALOGUE_DIR = join(packageRoot(), 'scenarios') + '/';
