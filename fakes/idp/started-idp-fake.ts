import type { RequestHandler } from 'msw';
import type { StartedFake } from '../shared/started-fake.ts';
import type { TranscriptEntry } from '../shared/transcript.ts';
import type { TransferAuthEvent } from './lambda-bridge.ts';

/** A running identity provider, reachable as an API Gateway URL or callable as a Lambda. */
export interface StartedIdpFake extends StartedFake {
  /** `http://host:port/<stage>`, no trailing slash: what goes in IdentityProviderDetails.Url. */
  getUrl(): string;
  /** Runtime overrides, tried before the build-time handlers; this instance only. */
  use(...handlers: Array<RequestHandler | readonly RequestHandler[]>): void;
  /** Drops every use() override. */
  resetHandlers(): void;
  /** One `request` entry per attempt: credential headers' presence, never their values. */
  getTranscript(): TranscriptEntry[];
  /**
   * The same handlers, as a Lambda function: 200 → the parsed body; non-200 → IdpHttpStatusError
   * (`Http<status>Error`); 200 with a non-JSON body → IdpInvalidResponseError (`Runtime.MarshalError`);
   * a handler that throws → that error.
   */
  invokeAsLambda(event: TransferAuthEvent): Promise<unknown>;
  /** Idempotent: cancels pending delays, closes the listener and every socket. */
  stop(): Promise<void>;
}
