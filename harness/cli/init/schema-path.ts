import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Shipped in the package beside the built code (scripts/build.mjs writes it), as `dist/` + this. */
export const SCENARIO_JSON_SCHEMA_FILE = 'scenario.schema.json';

/**
 * Where a scenario in `scenariosDir` finds the installed package's JSON Schema, as a relative
 * path: `../node_modules/partner-harness/dist/scenario.schema.json`. The schema ships in the
 * package, so it always matches the installed version (an upgrade updates it; a copy in the
 * repository would go stale). The package's node_modules folder is looked up from the project
 * upwards (workspaces hoist it); before it is installed, it is where `npm install` will put it.
 */
export function schemaPathFrom(scenariosDir: string, projectDir: string): string {
  const installed = findInstalledPackage(projectDir) ?? join(projectDir, 'node_modules', 'partner-harness');
  return relative(scenariosDir, join(installed, 'dist', SCENARIO_JSON_SCHEMA_FILE));
}

function findInstalledPackage(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', 'partner-harness');
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
