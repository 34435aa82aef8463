import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

// Beside this file, as TypeScript in a clone and as JavaScript in the built package.
const REGISTER = fileURLToPath(new URL(`./register-scenario-file${extname(import.meta.url)}`, import.meta.url));
const IMPORTER = fileURLToPath(new URL(`../import-user-module${extname(import.meta.url)}`, import.meta.url));
/** Marks the import of a TypeScript scenario's data, so it is not turned into a test again. */
export const SCENARIO_DATA_QUERY = 'scenario-data';

export function isScenarioFile(id: string): boolean {
  return /\.(ya?ml|scenario\.ts)$/.test(id);
}

/**
 * Lets vitest collect scenario files as test files: each YAML or `.scenario.ts` file becomes a
 * module that registers one test. That is what makes vitest's filtering, watch mode, `--shard`
 * and reporters work on scenarios unchanged.
 */
export function scenarioPlugin(): Plugin {
  return {
    name: 'partner-harness:scenarios',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?');
      if (!file || !isScenarioFile(file) || query?.includes(SCENARIO_DATA_QUERY)) return null;
      // This module runs inside Vite: its import() compiles users' TypeScript (scenario data,
      // Lambda handlers), which the natively loaded harness could not import itself.
      return (
        `import { setModuleImporter } from ${JSON.stringify(IMPORTER)};\n` +
        `import { registerScenarioFile } from ${JSON.stringify(REGISTER)};\n` +
        `setModuleImporter((url) => import(url));\n` +
        `await registerScenarioFile(${JSON.stringify(file)});\n`
      );
    },
  };
}
