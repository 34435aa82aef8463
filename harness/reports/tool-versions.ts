import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ToolVersions {
  partnerHarness: string;
  node: string;
}

/**
 * The versions a report names, so a reader can reproduce the run with the same tools: this
 * package's, from the nearest package.json above this file (the sources in a clone, dist/ where
 * the package is installed), and Node's.
 */
export function toolVersions(): ToolVersions {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { partnerHarness: version, node: process.version };
}
