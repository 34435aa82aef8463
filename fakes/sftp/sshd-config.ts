import { formatMaxStartups, type MaxStartups } from './login-limits.ts';
import type { SshAlgorithms } from './ssh-algorithms.ts';
import type { SftpUser } from './sftp-user.ts';

export interface SshdConfigInput {
  host: string;
  port: number;
  hostKeyFiles: readonly string[];
  pidFile: string;
  /** Holds one file per user, named after the user. */
  authorizedKeysDir: string;
  /** Holds one root-owned chroot per user, named after the user. */
  chrootDir: string;
  bannerFile?: string;
  algorithms: SshAlgorithms;
  users: readonly SftpUser[];
  refuseLogin: boolean;
  rejectSftp: boolean;
  /** Whole seconds, 0 for no limit. */
  loginGraceTimeSeconds: number;
  maxStartups: MaxStartups;
  /** OpenSSH 9.8+ penalises addresses with failed logins; tests fail logins from 127.0.0.1 on purpose. */
  hasPerSourcePenalties: boolean;
}

const ALGORITHM_KEYWORDS: Record<keyof SshAlgorithms, string> = {
  kex: 'KexAlgorithms',
  cipher: 'Ciphers',
  hmac: 'MACs',
  serverHostKey: 'HostKeyAlgorithms',
};

/**
 * An sshd_config for one private instance: a Transfer-like partner that offers SFTP only, each
 * user locked in their own chroot. Match blocks come last, as sshd requires.
 */
export function renderSshdConfig(input: SshdConfigInput): string {
  const lines = [
    `Port ${input.port}`,
    `ListenAddress ${input.host}`,
    ...input.hostKeyFiles.map((file) => `HostKey ${file}`),
    `PidFile ${input.pidFile}`,
    'LogLevel VERBOSE',
    'UsePAM no',
    'PermitRootLogin no',
    'PasswordAuthentication yes',
    'PermitEmptyPasswords no',
    'KbdInteractiveAuthentication no',
    'HostbasedAuthentication no',
    'PubkeyAuthentication yes',
    `AuthorizedKeysFile ${input.authorizedKeysDir}/%u`,
    'UseDNS no',
    'PrintMotd no',
    'PrintLastLog no',
    'PermitTTY no',
    'X11Forwarding no',
    'AllowTcpForwarding no',
    'AllowAgentForwarding no',
    'AllowStreamLocalForwarding no',
    'PermitTunnel no',
    'PermitUserEnvironment no',
    // Written even at sshd's defaults (120, 10:30:100), so the file says what the fake enforces.
    `LoginGraceTime ${input.loginGraceTimeSeconds}`,
    `MaxStartups ${formatMaxStartups(input.maxStartups)}`,
    ...(input.hasPerSourcePenalties ? ['PerSourcePenalties no'] : []),
    ...(input.bannerFile ? [`Banner ${input.bannerFile}`] : []),
    ...Object.entries(input.algorithms).flatMap(([slot, names]) =>
      names ? [`${ALGORITHM_KEYWORDS[slot as keyof SshAlgorithms]} ${(names as string[]).join(',')}`] : [],
    ),
    ...accessLines(input),
    `ChrootDirectory ${input.chrootDir}/%u`,
    // Without a Subsystem line sshd answers the sftp request "subsystem not found"; /bin/false
    // (absent in the chroot) makes exec and shell requests fail too.
    ...(input.rejectSftp ? ['ForceCommand /bin/false'] : ['Subsystem sftp internal-sftp', 'ForceCommand internal-sftp']),
    ...input.users.flatMap(matchBlock),
  ];
  return `${lines.join('\n')}\n`;
}

function accessLines(input: SshdConfigInput): string[] {
  // DenyUsers is checked before the password, so every login fails whatever the credentials.
  if (input.refuseLogin || input.users.length === 0) return ['DenyUsers *'];
  // Only the configured users, never a system account that happens to have a password.
  return [`AllowUsers ${input.users.map((user) => user.name).join(' ')}`];
}

/** Offers a user only the methods they could pass, as the embedded fake lists in USERAUTH_FAILURE. */
function matchBlock(user: SftpUser): string[] {
  if (user.methods.length !== 1) return [];
  return [`Match User ${user.name}`, `  AuthenticationMethods ${user.methods[0]}`];
}
