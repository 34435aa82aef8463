#!/usr/bin/env node
// Checks the dependency rules of .dependency-cruiser.cjs over the folders named on the command
// line (paths relative to the current folder): `node scripts/lint-deps.mjs harness fakes core`.
// Prints each violation with its rule's reason and exits 1 if there is any, 2 if the check itself
// could not run.
//
// Through dependency-cruiser's API rather than its `depcruise` bin: the bin refuses to start on
// Node 20, which this package still supports (engines), while the API it wraps runs there.
// `--config FILE` names another rule file (the default is the one beside this repository's root).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, format } from 'dependency-cruiser';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const folders = [];
  let config = join(root, '.dependency-cruiser.cjs');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--config') config = resolve(argv[++i] ?? '');
    else folders.push(argv[i]);
  }
  return { folders, config };
}

async function main() {
  const { folders, config } = parseArgs(process.argv.slice(2));
  const missing = folders.filter((folder) => !existsSync(folder));
  if (folders.length === 0 || missing.length > 0) {
    const why = folders.length === 0 ? 'no folders given' : `not found: ${missing.join(', ')}`;
    console.error(`lint-deps: ${why}. Usage: node scripts/lint-deps.mjs [--config FILE] FOLDER...`);
    return 2;
  }
  const { forbidden = [], allowed, allowedSeverity, required, options = {} } = await extractDepcruiseConfig(config);
  if (forbidden.length === 0) {
    // A rule file that lost its rules would pass everything: refuse it rather than stay green.
    console.error(`lint-deps: ${config} has no forbidden rules`);
    return 2;
  }
  const result = await cruise(folders, { ...options, validate: true, ruleSet: { forbidden, allowed, allowedSeverity, required } });
  const report = await format(result.output, { outputType: 'err-long' });
  process.stdout.write(report.output);
  const { violations, totalCruised, totalDependenciesCruised } = result.output.summary;
  if (violations.length > 0) return 1;
  console.log(`lint-deps: ${totalCruised} modules, ${totalDependenciesCruised} imports, ${forbidden.length} rules: no violations`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`lint-deps: the check could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
