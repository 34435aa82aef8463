import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isScenarioFile } from '../scenario/vitest/scenario-plugin.ts';
import { UsageError } from './exit-codes.ts';

/** Expands files and folders given on the command line into scenario files, sorted. */
export async function findScenarioFiles(paths: string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new UsageError(`${path}: no such file or folder. Give scenario files (.yaml, .scenario.ts) or folders holding them.`);
    if (info.isDirectory()) {
      for (const file of await walk(absolute)) files.add(file);
    } else if (isScenarioFile(absolute)) {
      files.add(absolute);
    } else {
      throw new UsageError(`${path}: not a scenario file. Scenario files end in .yaml, .yml or .scenario.ts.`);
    }
  }
  if (files.size === 0) throw new UsageError(`No scenario files found in ${paths.join(', ')}.`);
  return [...files].sort();
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
      return isScenarioFile(path) ? [path] : [];
    }),
  );
  return nested.flat();
}
