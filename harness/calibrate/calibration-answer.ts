import type { ScenarioResult } from '../scenario/run-scenario.ts';

/** What calibrate compares of one answer (the scenario's `when` call), emulated or from the target. */
export interface CalibrationAnswer {
  /** `Status` (Transfer TestConnection). */
  status?: string;
  /** `StatusMessage`, `Message` (TestIdentityProvider) or the exception's message. */
  message?: string;
  /** The exception's name, when the call failed. */
  exception?: string;
  httpStatus?: number;
  /** The member names the response has, nested ones as `A.B`, array elements as `A[]`; none for an exception. */
  shape: string[];
  /** The run could not make the call (a given resource the target refused, a fake that did not start). */
  setupError?: string;
}

export function calibrationAnswer(result: ScenarioResult): CalibrationAnswer {
  if (result.setupError !== undefined && result.response === undefined && result.error === undefined) return { shape: [], setupError: result.setupError };
  const response = (result.response ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    status: text(response.Status),
    message: result.error ? result.error.message : (text(response.StatusMessage) ?? text(response.Message)),
    exception: result.error?.name,
    httpStatus: result.httpStatus ?? result.error?.httpStatus,
    shape: result.error ? [] : memberPaths(response, ''),
  };
}

function memberPaths(value: unknown, prefix: string): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => memberPaths(item, `${prefix}[]`)))];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>)
    .flatMap(([name, member]) => [`${prefix}${prefix ? '.' : ''}${name}`, ...memberPaths(member, `${prefix}${prefix ? '.' : ''}${name}`)])
    .sort();
}
