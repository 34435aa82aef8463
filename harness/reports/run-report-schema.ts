import { z } from 'zod';

/**
 * What `merge-reports` and `report` check a report.json against before rendering it: the fields
 * the renderers read, with their types. The file may come from another machine or another
 * version; a field that is wrong is exit 2 with its path, never a crash inside a renderer.
 * Members not listed are kept as they are (newer writers may add some).
 */
const count = z.number().int().nonnegative();

const diagnosis = z.looseObject({ code: z.string(), text: z.string(), fix: z.string().optional() });
const message = z.looseObject({ id: z.string(), text: z.string(), provenance: z.string(), source: z.string() });

const result = z.looseObject({
  name: z.string(),
  file: z.string().optional(),
  mode: z.enum(['emulated', 'aws']),
  operation: z.string(),
  tags: z.array(z.string()).optional(),
  seed: z.number().optional(),
  passed: z.boolean(),
  httpStatus: z.number().optional(),
  error: z.looseObject({ name: z.string(), message: z.string(), httpStatus: z.number().optional() }).optional(),
  expectations: z.array(z.looseObject({ field: z.string(), passed: z.boolean() })),
  fakes: z.record(z.string(), z.looseObject({ kind: z.string(), runtime: z.string() })),
  transcripts: z.record(z.string(), z.array(z.unknown())),
  emulator: z.looseObject({
    requestId: z.string(),
    httpStatus: z.number(),
    messages: z.array(message),
    transcript: z.array(z.unknown()),
    diagnosis: z.array(diagnosis),
  }).optional(),
  setupError: z.string().optional(),
  leftBehind: z.array(z.string()).optional(),
  invalidReference: z.looseObject({ where: z.string(), message: z.string() }).optional(),
  durationMs: z.number(),
});

const entry = z.looseObject({
  name: z.string(),
  file: z.string(),
  state: z.enum(['passed', 'failed', 'invalid', 'skipped']),
  durationMs: z.number(),
  result: result.optional(),
  invalid: z.looseObject({ file: z.string(), issues: z.array(z.looseObject({ path: z.string(), message: z.string(), line: z.number().optional() })) }).optional(),
  skipReason: z.string().optional(),
  filteredOut: z.boolean().optional(),
  errors: z.array(z.string()),
  output: z.array(z.looseObject({ stream: z.enum(['stdout', 'stderr']), text: z.string() })).optional(),
});

export const runReportSchema = z.looseObject({
  tool: z.literal('partner-harness'),
  startedAt: z.string(),
  durationMs: z.number(),
  mode: z.enum(['emulated', 'aws']),
  runtime: z.string(),
  versions: z.looseObject({ partnerHarness: z.string(), node: z.string() }).optional(),
  interrupted: z.boolean().optional(),
  unhandledErrors: z.array(z.string()).optional(),
  totals: z.looseObject({ passed: count, failed: count, invalid: count, skipped: count, total: count }),
  scenarios: z.array(entry),
  shard: z.looseObject({ index: count, count: count, files: z.array(z.string()), totalFiles: count }).optional(),
  mergedFrom: z.array(z.looseObject({ shard: z.string(), startedAt: z.string(), durationMs: z.number() })).optional(),
  // Checked as partner profiles are (checkProbeProfile), by the reader.
  probes: z.unknown().optional(),
});
