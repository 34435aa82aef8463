/** An AWS SDK v3 service exception as tests inspect it: name, message, HTTP status, members. */
export interface SdkFailure extends Error {
  $metadata: { httpStatusCode?: number; requestId?: string };
  [member: string]: unknown;
}

/** The error an SDK call rejects with; fails the test if the call succeeds instead. */
export async function failure(promise: Promise<unknown>): Promise<SdkFailure> {
  try {
    await promise;
  } catch (error) {
    return error as SdkFailure;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
