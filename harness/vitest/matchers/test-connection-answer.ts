/** What a TestConnection-like answer says, whichever API gave it. */
export interface TestConnectionAnswer {
  /** Which answer it was, for the failure message. */
  api: string;
  /** `Status` (Transfer), `OK`/`ERROR` (Glue: an answer or an error), or `StatusCode` (TestIdentityProvider). */
  status: string | number | undefined;
  /** `StatusMessage`, the error's message, or `Message`. */
  message: string | undefined;
  /** The field names, as the API calls them. */
  statusField: string;
  messageField: string;
}

/**
 * Reads the status out of Transfer's TestConnection output (`Status`, `StatusMessage`), Glue's
 * (an empty output is a success; a failed test is an exception, passed here as the caught
 * error), or TestIdentityProvider's (`StatusCode`, `Message`). Undefined for anything else.
 */
export function readTestConnectionAnswer(received: unknown): TestConnectionAnswer | undefined {
  if (received instanceof Error) {
    return { api: `an error (${received.name}), which counts as status ERROR`, status: 'ERROR', message: received.message, statusField: 'Status', messageField: 'message' };
  }
  if (typeof received !== 'object' || received === null) return undefined;
  const answer = received as Record<string, unknown>;
  if (typeof answer.Status === 'string') {
    return { api: 'Transfer TestConnection', status: answer.Status, message: asText(answer.StatusMessage), statusField: 'Status', messageField: 'StatusMessage' };
  }
  if (typeof answer.StatusCode === 'number') {
    return { api: 'Transfer TestIdentityProvider', status: answer.StatusCode, message: asText(answer.Message), statusField: 'StatusCode', messageField: 'Message' };
  }
  // Glue answers a passed test with an empty output; the SDK adds only $metadata.
  const fields = Object.keys(answer).filter((key) => key !== '$metadata');
  if (fields.length === 0 && '$metadata' in answer) {
    return { api: 'Glue TestConnection (an empty answer, which counts as status OK)', status: 'OK', message: undefined, statusField: 'Status', messageField: 'message' };
  }
  return undefined;
}

function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
