import { z } from 'zod';

/**
 * One entry of a messages file (`messages.observed.json`, written by `partner-harness
 * calibrate`): the text the real service (or the endpoint calibrated against) answered where
 * the catalogue entry's text differed, and where that was seen. Keyed by the catalogue id.
 */
export const observedMessageSchema = z
  .object({
    /** The answer, verbatim (redacted). */
    text: z.string().max(16_384),
    /**
     * The answer with the scenario's own values (user names, ids, ports) put back as the entry's
     * `{placeholders}`, so other calls render their own values: what `run` answers with. Absent
     * when the entry has no placeholders, or none of their values appeared in the answer.
     */
    template: z.string().max(16_384).optional(),
    observedAt: z.iso.datetime({ offset: true }),
    region: z.string().max(64),
    /** `<scenario file>#<scenario name>`. */
    scenario: z.string().max(4096),
    /** `aws`, or the endpoint URL calibrated against. */
    target: z.string().max(4096),
  })
  .strict();

export type ObservedMessage = z.infer<typeof observedMessageSchema>;

/** A messages file: message id → what was observed. */
export type ObservedMessages = Record<string, ObservedMessage>;

/** What an endpoint answers with for one observed entry: its text, and where it was seen as the source. */
export interface ObservedOverride {
  id: string;
  text: string;
  source: string;
}

export function toObservedOverride(id: string, entry: ObservedMessage, file: string): ObservedOverride {
  return { id, text: entry.template ?? entry.text, source: `${file} (observed ${entry.observedAt} from ${entry.target} in ${entry.region}, ${entry.scenario})` };
}

/** `builder` (an AwsEndpoint) with each override as an observed text: what run, serve and the kit's aws fixture answer with. */
export function withObservedOverrides<Builder extends { withObservedMessages(texts: Record<string, string>, source: string): Builder }>(
  builder: Builder,
  overrides: readonly ObservedOverride[],
): Builder {
  for (const { id, text, source } of overrides) builder.withObservedMessages({ [id]: text }, source);
  return builder;
}
