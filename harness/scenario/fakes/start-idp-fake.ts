import { behaviours, fakeIdpUsers, IdpFake, type IdpUser, type TransferAuthEvent } from '../../../fakes/idp/index.ts';
import type { IdpFakeConfig } from '../scenario-schema.ts';
import type { FakeContext } from './start-fake.ts';
import type { ScenarioFake } from './started-fake.ts';

/** Starts the msw-based identity provider fake from its scenario description. */
export async function startIdpFake(config: IdpFakeConfig, context: FakeContext): Promise<ScenarioFake> {
  const generated = config.generatedUsers ? fakeIdpUsers(context.faker, config.generatedUsers.count, config.generatedUsers) : [];
  const users: IdpUser[] = [...(config.users as IdpUser[]), ...generated];
  const fake = new IdpFake();
  if (config.stage) fake.withStage(config.stage);
  for (const behaviour of config.behaviours) {
    switch (behaviour.kind) {
      case 'http-error':
        fake.withBehaviour(...behaviours.httpError(behaviour.status, behaviour.body));
        break;
      case 'slow':
        fake.withBehaviour(...behaviours.slow(behaviour.ms, behaviours.userTable({ users })));
        break;
      case 'invalid-json':
        fake.withBehaviour(...behaviours.invalidJson());
        break;
      case 'malformed':
        fake.withBehaviour(...behaviours.malformed(behaviour.mistake, behaviour.user as IdpUser));
        break;
      case 'secrets-manager-toolkit':
        fake.withBehaviour(
          ...behaviours.secretsManagerToolkit({ getSecret: context.getSecret, prefix: behaviour.prefix, defaults: behaviour.defaults as Partial<IdpUser> }),
        );
        break;
    }
  }
  if (users.length > 0) fake.withUsers(users);
  const started = await fake.start();
  return {
    kind: 'idp',
    runtime: 'embedded',
    values: {
      host: started.getHost(),
      port: started.getPort(),
      url: started.getUrl(),
      users: Object.fromEntries(users.map((user) => [user.username, user])),
      generatedUsers: generated,
    },
    secrets: users.flatMap((user) => (user.password ? [user.password] : [])),
    transcript: () => started.getTranscript(),
    invokeAsLambda: (event) => started.invokeAsLambda(event as TransferAuthEvent),
    stop: () => started.stop(),
  };
}
