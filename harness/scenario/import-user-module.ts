/** Imports a module by file URL: a `.scenario.ts` file, a Lambda handler. */
export type ModuleImporter = (url: string) => Promise<unknown>;

// Outside vitest, Node's own import: JavaScript, or TypeScript when the caller runs under a loader.
let importer: ModuleImporter = (url) => import(url);

/**
 * Sets how users' own modules are imported. The built harness runs natively in vitest's workers
 * (run-scenarios.ts), where Node cannot import TypeScript; the module scenario-plugin.ts makes for
 * each scenario file runs inside Vite and hands over its own `import()`, so users' TypeScript is
 * compiled by Vite as before.
 */
export function setModuleImporter(next: ModuleImporter): void {
  importer = next;
}

export function importUserModule(url: string): Promise<unknown> {
  return importer(url);
}
