import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isScenarioFile } from '../scenario/vitest/scenario-plugin.ts';
import { UsageError } from './exit-codes.ts';
import { globBase, globToRegExp, isGlob } from './glob-pattern.ts';

/** Expands files, folders and globs (from the command line or the config) into scenario files, sorted. */
export async function findScenarioFiles(paths: string[], cwd = process.cwd()): Promise<string[]> {
  const files = new Set<string>();
  for (const path of paths) {
    for (const file of await expand(path, resolve(cwd, path))) files.add(file);
  }
  if (files.size === 0) throw new UsageError(`No scenario files found in ${paths.join(', ')}.`);
  return [...files].sort();
}

async function expand(path: string, absolute: string): Promise<string[]> {
  if (isGlob(path)) {
    const pattern = globToRegExp(absolute);
    const base = globBase(absolute);
    const found = (await stat(base).catch(() => undefined))?.isDirectory() ? await walk(base) : [];
    return found.filter((file) => pattern.test(file));
  }
  const info = await stat(absolute).catch(() => undefined);
  if (!info) throw new UsageError(`${path}: no such file or folder. Give scenario files (.yaml, .scenario.ts) or folders holding them.`);
  if (info.isDirectory()) return walk(absolute);
  if (isScenarioFile(absolute)) return [absolute];
  throw new UsageError(`${path}: not a scenario file. Scenario files end in .yaml, .yml or .scenario.ts.`);
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
