import { InvalidOptionError } from '../../../core/errors/index.ts';

/**
 * What one request may cost the endpoint, so no client (a fuzzer, a broken script) can take it
 * down or make it grow without bound. Set with `AwsEndpoint.withLimits()`.
 */
export interface EndpointLimits {
  /**
   * Largest request body read, in bytes. A larger one is answered 413 as soon as its
   * Content-Length says so, or when the bytes read pass the limit; no more of it is buffered.
   * AWS front ends answer the same way, `HTTP content length exceeded <N> bytes.` with 413, at a
   * limit each service sets (SQS 1,662,976, aws/aws-sdk-js#479; API Gateway 10,485,760). Transfer,
   * Glue and Secrets Manager document none; 1 MiB is ours [INF], several times the largest
   * valid input of the emulated operations (a 65,536-character SecretString, JSON-escaped).
   */
  maxRequestBytes: number;
  /**
   * Deepest JSON nesting accepted (the body object is level 1); deeper is a
   * SerializationException. No AWS figure is known [INF]; the emulated models nest 6 levels.
   */
  maxNestingDepth: number;
  /** How many calls `getCalls()` and `getCall()` keep: the most recent ones. */
  callLogSize: number;
  /**
   * Characters each part of a call record keeps (request, response, error, messages,
   * transcript); past it, strings are cut and lists and objects end in a `…` marker.
   */
  recordPartChars: number;
}

export const defaultEndpointLimits: Readonly<EndpointLimits> = {
  maxRequestBytes: 1024 * 1024,
  maxNestingDepth: 100,
  callLogSize: 1000,
  recordPartChars: 16 * 1024,
};

export function checkEndpointLimits(limits: EndpointLimits): void {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new InvalidOptionError(`Invalid endpoint limit ${name}=${value}: use a positive integer`);
    }
  }
}
