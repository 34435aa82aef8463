import { defineMessages } from './define-messages.ts';

// Texts seen from the real service, each quoted by a user in a public issue.

export const secretsManagerMessages = defineMessages([
  {
    id: 'secretsmanager.secret.not-found',
    text: "Secrets Manager can't find the specified secret.",
    provenance: 'observed',
    source: 'https://github.com/lgallard/terraform-aws-secrets-manager/issues/24',
  },
  {
    id: 'secretsmanager.secret.version-not-found',
    text: "Secrets Manager can't find the specified secret value for {what}: {value}",
    provenance: 'observed',
    source: 'https://github.com/aws/aws-sdk-js-v3/issues/7701 ("… for staging label: AWSPENDING")',
  },
  {
    id: 'secretsmanager.secret.exists',
    text: 'The operation failed because the secret {name} already exists.',
    provenance: 'inferred',
    source: 'The text other emulators (moto) use; no public quote of the real service found, so inferred',
  },
  {
    id: 'secretsmanager.secret.marked-for-deletion',
    text: "You can't perform this operation on the secret because it was marked for deletion.",
    provenance: 'observed',
    source: 'https://github.com/external-secrets/kubernetes-external-secrets/issues/415',
  },
  {
    id: 'secretsmanager.secret.scheduled-for-deletion',
    text: "You can't create this secret because a secret with this name is already scheduled for deletion.",
    provenance: 'observed',
    source: 'https://github.com/aws-ia/terraform-aws-eks-blueprints/issues/1733',
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
    source: 'https://github.com/aws/aws-sdk-java/issues/1556 (2018, with a typographic apostrophe)',
  },
  {
    id: 'secretsmanager.secret.force-and-window',
    text: "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
    provenance: 'inferred',
    source: 'The text other emulators (moto) use; no public quote of the real service found, so inferred',
  },
]);
