import type { MessageId } from '../messages/all-messages.ts';
import type { MessageCatalogue, RenderedMessage } from '../messages/message-catalogue.ts';
import { Redactor } from '../../redaction/index.ts';
import type { CallRecord } from './call-log.ts';
import type { Diagnosis } from './diagnosis.ts';

/**
 * What a handler may use while answering one call. Messages are rendered through here so the
 * call record knows which catalogue entries (and provenances) went into the answer; `note()`
 * records what the emulator did on the wire, for transcripts. `Id` is the message ids a handler
 * may render: the built-in catalogue's unless a service brings its own.
 */
export class CallScope<Id extends string = MessageId> {
  readonly messages: RenderedMessage[] = [];
  readonly transcript: CallRecord['transcript'] = [];
  readonly diagnoses: Diagnosis[] = [];
  /** Handlers register secrets they read (a password from a secret) so the record masks them. */
  readonly redactor = new Redactor();
  readonly #start = Date.now();

  constructor(
    readonly requestId: string,
    /** From the request's SigV4 scope, once parsed. */
    public region: string,
    readonly accountId: string,
    readonly catalogue: MessageCatalogue<Id>,
  ) {}

  message(id: Id, params: Record<string, string | number> = {}): string {
    const rendered = this.catalogue.render(id, params);
    this.messages.push(rendered);
    return rendered.text;
  }

  /**
   * The harness's explanation beside the answer (see Diagnosis): the answer itself carries only
   * AWS's text. Redacted with the call's secrets before it is recorded or sent.
   */
  diagnose(code: string, text: string, fix?: string): void {
    this.diagnoses.push({ code, text, ...(fix ? { fix } : {}) });
  }

  /** Never pass secrets here: transcripts end up in reports. */
  note(kind: string, detail: Record<string, unknown> = {}): void {
    this.transcript.push({ at: Date.now() - this.#start, kind, detail });
  }
}
