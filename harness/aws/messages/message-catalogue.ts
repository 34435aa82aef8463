import { InvalidOptionError } from '../../../core/errors/index.ts';

/**
 * Every text the emulator puts in a response, in one place, each tagged with how sure we are
 * that AWS says exactly this. Reports show the provenance next to the message, so a user can
 * tell "AWS documents this text" from "we wrote this in AWS's style".
 *
 * Users override an entry when a real partner showed them a different text; the override
 * becomes provenance `user`.
 */
/**
 * `harness` marks a text that is not AWS's at all: the harness saying it cannot emulate
 * something here (an AWS-internal service, an engine it cannot reach).
 */
/** A `{name}` placeholder in a catalogue text. */
export const PLACEHOLDER = /\{(\w+)\}/g;

export type Provenance = 'documented' | 'observed' | 'inferred' | 'user' | 'harness';

export interface MessageEntry<Id extends string = string> {
  id: Id;
  /** Text with `{name}` placeholders. */
  text: string;
  provenance: Provenance;
  /** Where the text (or the label it extends) comes from. */
  source: string;
}

export interface RenderedMessage {
  id: string;
  text: string;
  provenance: Provenance;
  source: string;
}

/** Ids are typed (`Id`) where the entries are known at compile time; overrides come from data and are checked at run time. */
export class MessageCatalogue<Id extends string = string> {
  readonly #entries = new Map<string, MessageEntry<Id>>();

  constructor(entries: Iterable<MessageEntry<Id>>) {
    for (const entry of entries) {
      if (this.#entries.has(entry.id)) throw new InvalidOptionError(`Duplicate message id '${entry.id}'`);
      this.#entries.set(entry.id, entry);
    }
  }

  /**
   * A copy with some texts replaced. Unknown ids are an error: a typo in an override would
   * otherwise silently test nothing. `observed`: texts the real service answered (a messages file
   * written by `partner-harness calibrate`), with `origin` saying where and when.
   */
  withOverrides(overrides: Record<string, string>, origin = 'user override', provenance: 'user' | 'observed' = 'user'): MessageCatalogue<Id> {
    const copy = new MessageCatalogue(this.#entries.values());
    for (const [id, text] of Object.entries(overrides)) {
      if (!copy.#has(id)) {
        throw new InvalidOptionError(
          `Unknown message id '${id}' in ${origin}. Known ids: ${[...copy.#entries.keys()].join(', ')}`,
        );
      }
      copy.#entries.set(id, { id, text, provenance, source: origin });
    }
    return copy;
  }

  get(id: Id): MessageEntry<Id> {
    const entry = this.#entries.get(id);
    if (!entry) throw new InvalidOptionError(`Unknown message id '${id}'`);
    return entry;
  }

  render(id: Id, params: Record<string, string | number> = {}): RenderedMessage {
    const entry = this.get(id);
    const text = entry.text.replace(PLACEHOLDER, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
    return { id, text, provenance: entry.provenance, source: entry.source };
  }

  ids(): Id[] {
    return [...this.#entries.keys()] as Id[];
  }

  entries(): MessageEntry<Id>[] {
    return [...this.#entries.values()];
  }

  #has(id: string): id is Id {
    return this.#entries.has(id);
  }
}
