import { defineScenario } from 'partner-harness';

// A TypeScript scenario can hand the emulator a handler function directly. This one returns the
// toolkit's most common mistake: HomeDirectoryDetails as an array, not a JSON string.
export default defineScenario({
  name: 'An inline Lambda handler returning HomeDirectoryDetails as an array',
  tags: ['lambda', 'shape'],
  given: {
    lambdas: {
      idp: {
        handler: async (event: { username: string; password?: string }) =>
          event.password === 'Judy-Pass-2026'
            ? {
                Role: 'arn:aws:iam::000000000000:role/transfer-judy',
                HomeDirectoryType: 'LOGICAL',
                HomeDirectoryDetails: [{ Entry: '/', Target: '/partner-bucket/home/judy' }],
              }
            : {},
      },
    },
    servers: { sftp: { IdentityProviderType: 'AWS_LAMBDA', IdentityProviderDetails: { Function: '{{ lambdas.idp.arn }}' } } },
  },
  when: {
    operation: 'transfer:TestIdentityProvider',
    input: { ServerId: '{{ servers.sftp.id }}', UserName: 'judy', UserPassword: 'Judy-Pass-2026' },
  },
  then: {
    statusCode: 200,
    message: 'Unable to parse Json',
    diagnosis: { code: 'home-directory-details-not-string' },
  },
});
