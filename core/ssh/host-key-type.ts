/** The SSH key types the harness generates, serves and accepts. */
export type HostKeyType =
  | 'ssh-rsa'
  | 'ecdsa-sha2-nistp256'
  | 'ecdsa-sha2-nistp384'
  | 'ecdsa-sha2-nistp521'
  | 'ssh-ed25519';

export const HOST_KEY_TYPES: readonly HostKeyType[] = [
  'ssh-rsa',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'ssh-ed25519',
];

export function isHostKeyType(value: unknown): value is HostKeyType {
  return HOST_KEY_TYPES.includes(value as HostKeyType);
}
