import { posix } from 'node:path';
import type { ProcessSftpFakeConfig } from './launch-sshd.ts';
import { loginGraceTimeSeconds } from './login-limits.ts';
import { renderSshdConfig } from './sshd-config.ts';
import { InvalidOptionError } from '../../core/errors/index.ts';

/** Where sshd-entrypoint.sh expects the bundle; see the comment at its top. */
export const BUNDLE_DIR = '/partner-harness/sftp';
export const CONTAINER_SSH_PORT = 22;
/** Where the entrypoint makes each user's chroot. */
export const CONTAINER_CHROOT_DIR = '/srv/sftp';

export interface BundleFile {
  target: string;
  content: string;
  mode: number;
}

/**
 * The files copied into the container before it starts: the sshd_config rendered by the same
 * renderSshdConfig() as the process runtime (paths inside the container), host keys, authorized
 * keys, users with passwords for chpasswd, and seeded files (base64, so binary content survives).
 */
export function sshdContainerBundle(config: ProcessSftpFakeConfig): BundleFile[] {
  const users = [...config.users.values()];
  const files: BundleFile[] = [];
  const add = (name: string, content: string, mode = 0o644) => files.push({ target: `${BUNDLE_DIR}/${name}`, content, mode });
  const hostKeyFiles = config.hostKeys.map((key) => {
    add(`host-keys/ssh_host_${key.type}_key`, key.privateKey.endsWith('\n') ? key.privateKey : `${key.privateKey}\n`, 0o600);
    return `${BUNDLE_DIR}/host-keys/ssh_host_${key.type}_key`;
  });
  if (config.banner !== undefined) add('banner', config.banner.endsWith('\n') ? config.banner : `${config.banner}\n`);
  add(
    'sshd_config',
    renderSshdConfig({
      host: '0.0.0.0',
      port: CONTAINER_SSH_PORT,
      hostKeyFiles,
      pidFile: '/run/sshd-partner-harness.pid',
      authorizedKeysDir: `${BUNDLE_DIR}/authorized-keys`,
      chrootDir: CONTAINER_CHROOT_DIR,
      ...(config.banner === undefined ? {} : { bannerFile: `${BUNDLE_DIR}/banner` }),
      algorithms: config.algorithms,
      users,
      refuseLogin: config.faults.some((fault) => fault.kind === 'refuse-login'),
      rejectSftp: config.faults.some((fault) => fault.kind === 'reject-sftp'),
      loginGraceTimeSeconds: loginGraceTimeSeconds(config.loginGraceTimeMs),
      maxStartups: config.maxStartups,
      // The entrypoint adds it when the image's OpenSSH knows the keyword.
      hasPerSourcePenalties: false,
    }),
    0o600,
  );
  const seeds: string[] = [];
  for (const user of users) {
    assertTsvSafe(user.name, 'home', user.home);
    add(`authorized-keys/${user.name}`, user.authorizedKeys.map((key) => `${key.publicKey}\n`).join(''));
    for (const [path, content] of Object.entries(user.files)) {
      const inside = posix.resolve(user.home, path);
      assertTsvSafe(user.name, `files['${path}']`, inside);
      add(`seed/${seeds.length}`, Buffer.from(content).toString('base64'), 0o600);
      seeds.push(`${user.name}\t${inside}\t${seeds.length}\n`);
    }
  }
  add('users.tsv', users.map((user) => `${user.name}\t${user.home}\n`).join(''), 0o600);
  add('seed.tsv', seeds.join(''), 0o600);
  const passwords = users.filter((user) => user.password !== undefined);
  for (const user of passwords) {
    if (/[\r\n\0]/.test(user.password!)) {
      throw new InvalidOptionError(`SftpFake (container): withUser('${user.name}'): a password with CR, LF or NUL cannot be set through chpasswd; use another password or runtime 'embedded'`);
    }
  }
  add('passwords', passwords.map((user) => `${user.name}:${user.password}\n`).join(''), 0o600);
  return files;
}

function assertTsvSafe(user: string, what: string, path: string): void {
  if (/[\t\r\n\0]/.test(path)) throw new InvalidOptionError(`SftpFake (container): withUser('${user}'): ${what} ${JSON.stringify(path)} has a tab, CR, LF or NUL, which runtime 'container' cannot seed; rename it or use runtime 'embedded'`);
}
