/** Canned REST API bodies, trimmed copies of what a developer org answers. */

const RELEASES: ReadonlyArray<[version: string, label: string]> = [
  ['55.0', "Summer '22"],
  ['56.0', "Winter '23"],
  ['57.0', "Spring '23"],
  ['58.0', "Summer '23"],
  ['59.0', "Winter '24"],
  ['60.0', "Spring '24"],
  ['61.0', "Summer '24"],
  ['62.0', "Winter '25"],
];

export const API_VERSIONS: readonly string[] = RELEASES.map(([version]) => version);

/** `GET /services/data`: every version the org speaks, oldest first. */
export function versions(): Array<{ label: string; url: string; version: string }> {
  return RELEASES.map(([version, label]) => ({ label, url: `/services/data/v${version}`, version }));
}

/** `GET /services/data/vNN.0`: the resources of one version. */
export function resources(version: string): Record<string, string> {
  const base = `/services/data/v${version}`;
  return { limits: `${base}/limits`, sobjects: `${base}/sobjects`, query: `${base}/query`, search: `${base}/search` };
}

/** `GET /services/data/vNN.0/limits`. */
export function limits(): Record<string, { Max: number; Remaining: number }> {
  return {
    ConcurrentAsyncGetReportInstances: { Max: 200, Remaining: 200 },
    DailyApiRequests: { Max: 15000, Remaining: 14998 },
    DailyAsyncApexExecutions: { Max: 250000, Remaining: 250000 },
    DataStorageMB: { Max: 5, Remaining: 5 },
    FileStorageMB: { Max: 20, Remaining: 20 },
  };
}

const SOBJECTS: ReadonlyArray<[name: string, labelPlural: string, keyPrefix: string]> = [
  ['Account', 'Accounts', '001'],
  ['Contact', 'Contacts', '003'],
  ['Opportunity', 'Opportunities', '006'],
  ['User', 'Users', '005'],
];

/** `GET /services/data/vNN.0/sobjects`. */
export function sobjects(version: string): Record<string, unknown> {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: SOBJECTS.map(([name, labelPlural, keyPrefix]) => {
      const base = `/services/data/v${version}/sobjects/${name}`;
      return {
        name,
        label: name,
        labelPlural,
        keyPrefix,
        custom: false,
        queryable: true,
        urls: { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` },
      };
    }),
  };
}
