import { SftpFake } from '#fakes/sftp/index.ts';
import type { SftpFakeConfig } from '../scenario-schema.ts';
import type { FakeContext } from './start-fake.ts';
import type { ScenarioFake } from './started-fake.ts';

/** Stands in for the Transfer server id in identity-provider calls when the scenario gives none. */
const DEFAULT_SERVER_ID = 's-0123456789abcdef0';

/** Starts the embedded SFTP fake from its scenario description. */
export async function startSftpFake(config: SftpFakeConfig, context: FakeContext): Promise<ScenarioFake> {
  const fake = new SftpFake();
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
  if (config.storage) fake.withStorage(config.storage);
  const provider = config.identityProvider;
  if (provider && 'url' in provider) {
    fake.withIdentityProvider({ kind: 'api-gateway', url: provider.url, serverId: provider.serverId ?? DEFAULT_SERVER_ID });
  } else if (provider) {
    const invoke = context.fakes.get(provider.fake)?.invokeAsLambda;
    if (!invoke) throw new Error(`identityProvider.fake: '${provider.fake}' is not a fake of kind idp declared before this one`);
    fake.withIdentityProvider({ kind: 'lambda', invoke, serverId: provider.serverId ?? DEFAULT_SERVER_ID });
  }
  const started = await fake.start();
  return {
    kind: 'sftp',
    runtime: 'embedded',
    values: {
      host: started.getHost(),
      port: started.getPort(),
      url: started.getUrl(),
      hostKey: started.getHostKey(),
      hostKeyFingerprint: started.getHostKeyFingerprint(),
      hostKeys: started.getHostKeys(),
      users: Object.fromEntries(config.users.map((user) => [user.name, { name: user.name, password: user.password }])),
    },
    secrets: config.users.flatMap((user) => (user.password ? [user.password] : [])),
    transcript: () => started.getTranscript(),
    stop: () => started.stop(),
  };
}
