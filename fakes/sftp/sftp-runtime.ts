import { isContainerRuntimeAvailable } from '../container/index.ts';
import { isExecutable } from '../db/find-binaries.ts';

/**
 * Where the SSH server comes from. 'embedded' is ssh2 inside this process; 'process' is the
 * machine's OpenSSH sshd on loopback, with real OS users and internal-sftp in a chroot;
 * 'container' is the same sshd configuration in a container (partner-harness/sftp).
 */
export type SftpRuntime = 'embedded' | 'process' | 'container';

export const SFTP_RUNTIMES: readonly SftpRuntime[] = ['embedded', 'process', 'container'];

export const SSHD = '/usr/sbin/sshd';

/** The user-management tools the process runtime calls; all ship with Debian's `passwd` package. */
const USER_TOOLS = ['/usr/sbin/useradd', '/usr/sbin/usermod', '/usr/sbin/userdel', '/usr/sbin/chpasswd'];

export const INSTALL_OPENSSH_HINT =
  'install OpenSSH server: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openssh-server';

/** Whether `runtime` can run here, and if not, why and what to do about it. */
export function isSftpRuntimeAvailable(runtime: SftpRuntime): { available: boolean; reason?: string } {
  if (runtime === 'embedded') return { available: true };
  if (runtime === 'container') return isContainerRuntimeAvailable();
  if (runtime !== 'process') return { available: false, reason: `unknown runtime ${JSON.stringify(runtime)}; use one of ${SFTP_RUNTIMES.join(', ')}` };
  if (!isExecutable(SSHD)) return { available: false, reason: `${SSHD} not found; ${INSTALL_OPENSSH_HINT}` };
  // sshd must be root to switch to the logged-in user, and we must be root to create those users.
  if (process.getuid?.() !== 0) return { available: false, reason: `runtime 'process' runs ${SSHD} with real OS users, which needs root; this process runs as uid ${process.getuid?.() ?? '?'}` };
  const missing = USER_TOOLS.filter((tool) => !isExecutable(tool));
  if (missing.length > 0) return { available: false, reason: `${missing.join(', ')} not found; install the passwd package (apt-get install -y passwd)` };
  return { available: true };
}
