#!/usr/bin/env node
// Builds the package: TypeScript to dist/ (ESM JavaScript, declarations, source maps), plus the
// files the code reads next to itself at run time (service models, container build contexts).
// Plain JavaScript so that it runs in `prepare` with nothing but Node and the dev dependencies.
import { execFileSync } from 'node:child_process';
import { cpSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Built beside dist and swapped in at the end: a failed build leaves the last good dist in place.
const out = join(root, '.dist-build');
rmSync(out, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', out], { stdio: 'inherit' });
const ASSETS = ['harness/aws/model/models', 'fakes/sftp/container', 'fakes/db/container'];
for (const asset of ASSETS) cpSync(join(root, asset), join(out, asset), { recursive: true });
// The scenario JSON Schema for editors (`# yaml-language-server: $schema=…`, written by `init`),
// generated from the built zod schema so the installed package always ships its own version.
const { writeScenarioJsonSchema, SCENARIO_JSON_SCHEMA_FILE } = await import(pathToFileURL(join(out, 'harness/cli/init/scenario-json-schema.js')).href);
writeScenarioJsonSchema(join(out, SCENARIO_JSON_SCHEMA_FILE));
rmSync(join(root, 'dist'), { recursive: true, force: true });
renameSync(out, join(root, 'dist'));
