import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { formatPath, hint, type FieldIssue } from '../../core/errors/index.ts';
import { ConfigError, type LoadedConfig } from '../config/index.ts';
import { catalogueMessages } from './catalogue-messages.ts';
import { observedMessageSchema, toObservedOverride, type ObservedOverride } from './observed-message.ts';

/** Far beyond a catalogue's worth of observations; a guard against a file that is not one. */
const MAX_MESSAGES_FILE_BYTES = 1024 * 1024;

const fileSchema = z.record(z.string().max(200), observedMessageSchema);

/**
 * The config's `messages` file as overrides with provenance `observed`, or none when the config
 * names no file. Every problem is a ConfigError on the config's `messages` field naming the file,
 * the entry and the fix: above all an id the catalogue no longer has (renamed or removed), which
 * would otherwise silently stop carrying what AWS said.
 */
export async function loadObservedMessages(config: LoadedConfig | undefined): Promise<ObservedOverride[]> {
  const given = config?.config.messages;
  if (!config || given === undefined) return [];
  const file = isAbsolute(given) ? given : join(config.dir, given);
  const fail = (issues: FieldIssue[]): never => {
    throw new ConfigError(config.file, issues.map((issue) => ({ path: issue.path ? `messages (${given}): ${issue.path}` : 'messages', message: issue.message })));
  };
  const parsed = fileSchema.safeParse(await readJson(file, given, fail));
  if (!parsed.success) return fail(parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: `${issue.message} (write the file with partner-harness calibrate)` })));
  const known = catalogueMessages().map((row) => row.id);
  const unknown = Object.keys(parsed.data).filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    fail(
      unknown.map((id) => ({
        path: formatPath([id]),
        message: `'${id}' is not a message id of this partner-harness (renamed or removed since it was observed).${hint(id, known)} Remove the entry, or run partner-harness calibrate again to observe the current id (partner-harness messages lists them).`,
      })),
    );
  }
  return Object.entries(parsed.data).map(([id, entry]) => toObservedOverride(id, entry, given));
}

async function readJson(file: string, given: string, fail: (issues: FieldIssue[]) => never): Promise<unknown> {
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_MESSAGES_FILE_BYTES) return fail([{ path: '', message: `${given} is ${size} bytes; a messages file is at most ${MAX_MESSAGES_FILE_BYTES}` }]);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    return fail([{ path: '', message: `${given} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): give the path of a messages.observed.json written by partner-harness calibrate, relative to the config file` }]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail([{ path: '', message: `${given} is not JSON (${(error as Error).message})` }]);
  }
}
