import { SftpFake } from '#fakes/sftp/index.ts';
import type { SftpFakeConfig } from '../scenario-schema.ts';
import type { ScenarioFake } from './started-fake.ts';

/** Starts the embedded SFTP fake from its scenario description. */
export async function startSftpFake(config: SftpFakeConfig): Promise<ScenarioFake> {
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
