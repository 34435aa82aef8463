import { packageVersion } from '../package-info.ts';

export interface ToolVersions {
  partnerHarness: string;
  node: string;
}

/** The versions a report names, so a reader can reproduce the run with the same tools. */
export function toolVersions(): ToolVersions {
  return { partnerHarness: packageVersion(), node: process.version };
}
