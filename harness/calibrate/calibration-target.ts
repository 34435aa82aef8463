/** What calibrate compares the emulator with: real AWS (`aws`), or an endpoint URL standing in for it. */
export interface CalibrationTarget {
  /** `aws`, or the endpoint URL as the reports name it. */
  name: string;
  /** Set for an endpoint URL: the SDK clients' `endpoint`. Credentials come from the SDK's default chain either way. */
  endpointUrl?: string;
  region: string;
}
