import type { ProviderProblemCode } from '../../../../core/identity-provider/index.ts';

/**
 * What to send instead, per shape mistake: the fix half of the diagnosis that travels beside
 * Transfer's "Unable to parse Json" (the what-and-why half is the problem's own reason).
 */
export const PROVIDER_PROBLEM_FIX: Record<ProviderProblemCode, string> = {
  'invalid-json': 'Answer a JSON object such as {"Role": "arn:aws:iam::…:role/…", "HomeDirectory": "/bucket/home/user"}',
  'not-an-object': 'Answer a JSON object such as {"Role": "arn:aws:iam::…:role/…", "HomeDirectory": "/bucket/home/user"}',
  'home-directory-type': 'Send "PATH" or "LOGICAL"',
  'home-directory-not-string': 'Send HomeDirectory as a string such as "/bucket/home/user"',
  'home-directory-not-absolute': 'Start HomeDirectory with "/", e.g. "/bucket/home/user"',
  'home-directory-with-logical': 'Remove HomeDirectory and map "/" in HomeDirectoryDetails instead',
  'logical-without-details': 'Send HomeDirectoryDetails, e.g. "[{\\"Entry\\": \\"/\\", \\"Target\\": \\"/bucket/home/user\\"}]"',
  'home-directory-details-not-string': 'Stringify it: "HomeDirectoryDetails": "[{\\"Entry\\": \\"/\\", \\"Target\\": \\"/bucket/home/user\\"}]" (json.dumps / JSON.stringify)',
  'home-directory-details-invalid': 'Send a JSON array of {"Entry": "/path", "Target": "/bucket/path"} objects, each Entry once',
  'public-keys': 'Send PublicKeys as an array of strings such as ["ssh-rsa AAAA…"]',
  'policy-not-string': 'Send the session policy as a string: JSON.stringify it',
  'posix-profile': 'Send {"Uid": 1000, "Gid": 1000} with numeric ids from 0 to 4294967295',
};
