import { defineMessages } from './define-messages.ts';

// Texts seen from the real service (CLI/SDK output quoted widely in issues and Q&A threads).
const SEEN = 'Real Secrets Manager error text, widely quoted in SDK issues and Q&A threads';

export const secretsManagerMessages = defineMessages([
  {
    id: 'secretsmanager.secret.not-found',
    text: "Secrets Manager can't find the specified secret.",
    provenance: 'observed',
    source: SEEN,
  },
  {
    id: 'secretsmanager.secret.version-not-found',
    text: "Secrets Manager can't find the specified secret value for {what}: {value}",
    provenance: 'observed',
    source: SEEN,
  },
  {
    id: 'secretsmanager.secret.exists',
    text: 'The operation failed because the secret {name} already exists.',
    provenance: 'observed',
    source: SEEN,
  },
  {
    id: 'secretsmanager.secret.marked-for-deletion',
    text: "You can't perform this operation on the secret because it was marked for deletion.",
    provenance: 'observed',
    source: SEEN,
  },
  {
    id: 'secretsmanager.secret.scheduled-for-deletion',
    text: "You can't create this secret because a secret with this name is already scheduled for deletion.",
    provenance: 'observed',
    source: SEEN,
  },
  {
    id: 'secretsmanager.list.invalid-next-token',
    text: 'Invalid NextToken: {token}',
    provenance: 'inferred',
    source: 'InvalidNextTokenException is in the ListSecrets model; text inferred',
  },
  {
    id: 'secretsmanager.secret.both-values',
    text: "You can't specify both a binary secret value and a string secret value in the same secret.",
    provenance: 'observed',
    source: SEEN,
  },
  {
    id: 'secretsmanager.secret.force-and-window',
    text: "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
    provenance: 'observed',
    source: SEEN,
  },
]);
