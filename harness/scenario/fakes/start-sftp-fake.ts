import { isSftpRuntimeAvailable, SftpFake, type SftpRuntime } from '../../../fakes/sftp/index.ts';
import type { SftpFakeConfig } from '../scenario-schema.ts';
import { chooseRuntime, type FakeRuntime } from './runtime-choice.ts';
import type { FakeContext } from './start-fake.ts';
import type { ScenarioFake } from './started-fake.ts';

/** Stands in for the Transfer server id in identity-provider calls when the scenario gives none. */
const DEFAULT_SERVER_ID = 's-0123456789abcdef0';

/** Why this machine cannot run the SFTP fake in that runtime, or undefined when it can. */
export function sftpUnavailableReason(config: Pick<SftpFakeConfig, 'runtime' | 'identityProvider' | 'storage'>, runDefault: FakeRuntime): string | undefined {
  const runtime = chooseRuntime('sftp', config.runtime, runDefault);
  if (runtime !== 'embedded' && (config.identityProvider || config.storage)) {
    return `identityProvider and storage need the embedded SFTP fake, not runtime ${runtime}`;
  }
  const check = isSftpRuntimeAvailable(runtime as SftpRuntime);
  return check.available ? undefined : check.reason;
}

/** Starts the SFTP fake from its scenario description, in the runtime the run asks for. */
export async function startSftpFake(config: SftpFakeConfig, context: FakeContext): Promise<ScenarioFake> {
  const fake = new SftpFake().withRuntime(chooseRuntime('sftp', config.runtime, context.runtime) as SftpRuntime);
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
    const invoke = context.fakes.get(provider.fake)?.invokeAsLambda;
    if (!invoke) throw new Error(`identityProvider.fake: '${provider.fake}' is not a fake of kind idp declared before this one`);
    fake.withIdentityProvider({ kind: 'lambda', invoke, serverId: provider.serverId ?? DEFAULT_SERVER_ID });
  }
  const started = await fake.start();
  return {
    kind: 'sftp',
    runtime: started.getRuntime(),
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
