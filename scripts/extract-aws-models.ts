/**
 * Writes the trimmed AWS service models under harness/aws/model/models/ from the botocore copy
 * installed on this machine, keeping exactly the operations harness/aws/emulated-services.ts
 * registers. The output is committed, so the harness (and CI) never needs Python: run this after
 * registering an operation or to pick up a newer model (`npm run extract-models`).
 *
 * BOTOCORE_DATA overrides where the models are read from: a botocore `data` directory, the one
 * holding `<service>/<version>/service-2.json.gz`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { emulatedServices } from '../harness/aws/emulated-services.ts';

interface Extraction {
  /** botocore's name for the service, which is also the committed model's file name. */
  readonly service: string;
  readonly operations: readonly string[];
}

/**
 * What the harness registers (harness/aws/emulated-services.ts), so a new operation is
 * extracted by registering it: there is no second list here. Services with a model of their
 * own (a ServiceModel object) are not botocore's and are left alone.
 */
const EXTRACTIONS: readonly Extraction[] = emulatedServices.flatMap(({ model, operations }) =>
  typeof model === 'string' ? [{ service: model, operations: operations.map((operation) => operation.name) }] : [],
);

const METADATA_KEYS = [
  'targetPrefix', 'apiVersion', 'jsonVersion', 'protocol', 'signingName', 'endpointPrefix', 'serviceId', 'xmlNamespace',
] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'harness', 'aws', 'model', 'models');

function botocoreDataDir(): string {
  if (process.env.BOTOCORE_DATA) return process.env.BOTOCORE_DATA;
  const python = spawnSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], {
    encoding: 'utf8',
  });
  if (python.status !== 0) {
    throw new Error(`botocore not found (python3 said: ${python.stderr.trim()}); set BOTOCORE_DATA to its data dir`);
  }
  return join(python.stdout.trim(), 'data');
}

/** Read from botocore's own __init__.py, so an overridden BOTOCORE_DATA still names its version. */
function botocoreVersion(dataDir: string): string {
  const init = join(dataDir, '..', '__init__.py');
  if (!existsSync(init)) return 'unknown';
  return /__version__\s*=\s*['"]([^'"]+)['"]/.exec(readFileSync(init, 'utf8'))?.[1] ?? 'unknown';
}

/** The newest API version botocore has for the service, as botocore's own loader picks it. */
function newestVersion(dataDir: string, service: string): string {
  const versions = readdirSync(join(dataDir, service), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  if (versions.length === 0) throw new Error(`botocore has no API version of ${service} in ${join(dataDir, service)}`);
  return versions.sort().at(-1)!;
}

function readModel(dataDir: string, { service }: Extraction): JsonObject {
  const dir = join(dataDir, service, newestVersion(dataDir, service));
  const file = readdirSync(dir).find((name) => name === 'service-2.json.gz' || name === 'service-2.json');
  if (!file) throw new Error(`no service-2.json(.gz) in ${dir}`);
  const raw = readFileSync(join(dir, file));
  return JSON.parse((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as JsonObject;
}

/** Prose is most of a model's size and none of its behaviour. */
function stripDocumentation(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripDocumentation);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key !== 'documentation') out[key] = stripDocumentation(child);
  }
  return out;
}

/** Names of the shapes a shape refers to: structure members, list members, map keys and values. */
function referencedShapes(shape: JsonObject): string[] {
  const refs: Json[] = [shape.member ?? null, shape.key ?? null, shape.value ?? null];
  if (shape.members && typeof shape.members === 'object') refs.push(...Object.values(shape.members));
  return refs.flatMap((ref) => (ref && typeof ref === 'object' && !Array.isArray(ref) && typeof ref.shape === 'string' ? [ref.shape] : []));
}

function trimModel(model: JsonObject, operations: readonly string[], source: string): JsonObject {
  const allOperations = model.operations as JsonObject;
  const allShapes = model.shapes as JsonObject;
  const metadata = model.metadata as JsonObject;
  const trimmedOps: JsonObject = {};
  const pending: string[] = [];
  for (const name of operations) {
    const op = allOperations[name] as JsonObject | undefined;
    if (!op) throw new Error(`operation ${name} is not in the ${String(metadata.serviceId)} model`);
    const kept: JsonObject = {};
    for (const key of ['input', 'output', 'errors'] as const) {
      if (op[key] !== undefined) kept[key] = stripDocumentation(op[key]);
    }
    trimmedOps[name] = kept;
    pending.push(...referencedShapes({ members: { input: op.input ?? null, output: op.output ?? null } }));
    for (const error of (op.errors as JsonObject[] | undefined) ?? []) pending.push(error.shape as string);
  }
  const reachable = new Set<string>();
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (reachable.has(name)) continue;
    reachable.add(name);
    pending.push(...referencedShapes(allShapes[name] as JsonObject));
  }
  const shapes: JsonObject = {};
  for (const name of [...reachable].sort()) shapes[name] = stripDocumentation(allShapes[name] as Json);
  return {
    source,
    metadata: Object.fromEntries(METADATA_KEYS.filter((k) => metadata[k] !== undefined).map((k) => [k, metadata[k] as Json])),
    operations: trimmedOps,
    shapes,
  };
}

function main(): void {
  const dataDir = botocoreDataDir();
  const source = `botocore ${botocoreVersion(dataDir)} service-2.json (trimmed by scripts/extract-aws-models.ts)`;
  mkdirSync(OUT_DIR, { recursive: true });
  for (const extraction of EXTRACTIONS) {
    const trimmed = trimModel(readModel(dataDir, extraction), extraction.operations, source);
    const file = join(OUT_DIR, `${extraction.service}.json`);
    writeFileSync(file, `${JSON.stringify(trimmed, null, 2)}\n`);
    const shapeCount = Object.keys(trimmed.shapes as JsonObject).length;
    console.log(`${file}: ${extraction.operations.length} operations, ${shapeCount} shapes`);
  }
}

main();
