// Apart from malformed.ts so that the scenario schema can list them without loading msw.
/** One response-shape mistake each; these are the main bug class of real custom providers. */
export const MALFORMED_KINDS = [
  'home-directory-details-array',
  'home-directory-with-logical',
  'public-keys-string',
  'policy-object',
  'posix-profile-string',
  'posix-uid-string',
  'missing-role',
  'blank-role',
  'home-directory-details-bad-entries',
] as const;

export type MalformedKind = (typeof MALFORMED_KINDS)[number];
