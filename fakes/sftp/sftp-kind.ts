import { defineFakeKind } from '../shared/define-fake-kind.ts';
import type { RuntimeAvailability } from '../shared/fake-kind.ts';
import { sftpKindConfig, type SftpKindConfig } from './sftp-kind-config.ts';
import { isSftpRuntimeAvailable } from './sftp-runtime.ts';
import { InvalidOptionError } from '../../core/errors/index.ts';

/** Stands in for the Transfer server id in identity-provider calls when the scenario gives none. */
const DEFAULT_SERVER_ID = 's-0123456789abcdef0';

/** sshd runtimes: the machine's OpenSSH, or it in a container. Identity providers and storage are the embedded fake's own. */
function sshdAvailable(runtime: 'process' | 'container') {
  return (config: SftpKindConfig): RuntimeAvailability => {
    if (config.identityProvider || config.storage) {
      return { available: false, reason: `identityProvider and storage need the embedded SFTP fake, not runtime ${runtime}` };
    }
    return isSftpRuntimeAvailable(runtime);
  };
}

/** `kind: sftp`: an SFTP partner (SftpFake) in the runtime the run asks for. */
export const sftpKind = defineFakeKind({
  kind: 'sftp',
  schema: sftpKindConfig,
  runtimes: {
    embedded: {},
    process: { available: sshdAvailable('process') },
    container: { available: sshdAvailable('container') },
  },
  async start(config, context) {
    context.redact(...config.users.map((user) => user.password));
    // Loaded when a scenario starts one, not with the registry (start-up cost).
    const { SftpFake } = await import('./sftp-fake.ts');
    const fake = new SftpFake().withRuntime(context.runtime);
    for (const key of config.hostKeys ?? []) {
      if (typeof key === 'string') fake.withHostKey(key);
      else fake.withHostKey(key.type, { slot: key.slot });
    }
    if (config.algorithms) fake.withAlgorithms(config.algorithms);
    if (config.ident) fake.withIdent(config.ident);
    if (config.banner) fake.withBanner(config.banner);
    for (const user of config.users) {
      fake.withUser(user.name, { password: user.password, publicKeys: user.publicKeys, files: user.files });
    }
    for (const fault of config.faults) fake.withFault(fault);
    if (config.loginGraceTimeMs !== undefined) fake.withLoginGraceTime(config.loginGraceTimeMs);
    if (config.maxStartups) fake.withMaxStartups(config.maxStartups);
    if (config.storage) fake.withStorage(config.storage);
    const provider = config.identityProvider;
    if (provider && 'url' in provider) {
      fake.withIdentityProvider({ kind: 'api-gateway', url: provider.url, serverId: provider.serverId ?? DEFAULT_SERVER_ID });
    } else if (provider) {
      const invoke = context.findFake(provider.fake)?.invokeAsLambda;
      if (!invoke) throw new InvalidOptionError(`identityProvider.fake: '${provider.fake}' is not a fake of kind idp declared before this one`);
      fake.withIdentityProvider({ kind: 'lambda', invoke, serverId: provider.serverId ?? DEFAULT_SERVER_ID });
    }
    const started = await fake.start();
    context.expose({
      hostKey: started.getHostKey(),
      hostKeyFingerprint: started.getHostKeyFingerprint(),
      hostKeys: started.getHostKeys(),
      users: Object.fromEntries(config.users.map((user) => [user.name, { name: user.name, password: user.password }])),
    });
    return started;
  },
});
