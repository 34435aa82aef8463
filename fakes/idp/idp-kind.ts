import { defineFakeKind } from '../shared/define-fake-kind.ts';
import { idpKindConfig } from './idp-kind-config.ts';
import type { IdpUser } from './idp-user.ts';
import type { TransferAuthEvent } from './lambda-bridge.ts';
import type { StartedIdpFake } from './started-idp-fake.ts';

/**
 * `kind: idp`: an identity provider (IdpFake, msw handlers behind a real HTTP server), reachable
 * as an API Gateway URL and callable as a Lambda function. An in-process server the emulator
 * reaches over loopback, so it has the embedded runtime only.
 */
// msw and the fake load when a scenario starts one, not with the registry (start-up cost).
export const idpKind = defineFakeKind({
  kind: 'idp',
  schema: idpKindConfig,
  runtimes: { embedded: {} },
  async start(config, context): Promise<StartedIdpFake> {
    const [{ behaviours }, { fakeIdpUsers }, { IdpFake }] = await Promise.all([
      import('./behaviours/behaviours.ts'),
      import('./fake-idp-users.ts'),
      import('./idp-fake.ts'),
    ]);
    const generated = config.generatedUsers ? fakeIdpUsers(context.faker, config.generatedUsers.count, config.generatedUsers) : [];
    const users: IdpUser[] = [...(config.users as IdpUser[]), ...generated];
    context.redact(...users.map((user) => user.password));
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
    context.expose({ users: Object.fromEntries(users.map((user) => [user.username, user])), generatedUsers: generated });
    return started;
  },
  invokeAsLambda: (started, event) => started.invokeAsLambda(event as TransferAuthEvent),
});
