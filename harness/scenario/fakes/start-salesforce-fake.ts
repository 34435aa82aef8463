import { createJwtAssertion, generateRsaKeyPair, SalesforceFake } from '../../../fakes/oauth/index.ts';
import type { SalesforceFakeConfig } from '../scenario-schema.ts';
import type { ScenarioFake } from './started-fake.ts';

const DEFAULT_AUDIENCE = 'https://login.salesforce.com';

/** Starts the Salesforce-like OAuth2 fake; JWT clients get a key pair and a signed assertion. */
export async function startSalesforceFake(config: SalesforceFakeConfig): Promise<ScenarioFake> {
  const fake = new SalesforceFake();
  const assertions: Record<string, string> = {};
  const pending: Array<() => Promise<void>> = [];
  for (const user of config.users) fake.withUser(user);
  for (const client of config.clients) {
    let jwtPublicKeyPem: string | undefined;
    if (client.jwt) {
      const trusted = generateRsaKeyPair();
      jwtPublicKeyPem = trusted.publicKeyPem;
      const signing = client.jwt.signWithOtherKey ? generateRsaKeyPair() : trusted;
      const jwt = client.jwt;
      pending.push(async () => {
        assertions[client.clientId] = await createJwtAssertion({
          privateKeyPem: signing.privateKeyPem,
          clientId: client.clientId,
          username: jwt.user,
          audience: jwt.audience ?? config.audience ?? DEFAULT_AUDIENCE,
          expiresInSeconds: jwt.expiresInSeconds,
        });
      });
    }
    fake.withClient(client.clientId, { secret: client.secret, jwtPublicKeyPem, redirectUris: client.redirectUris });
  }
  for (const code of config.authorizationCodes) fake.withAuthorizationCode(code.code, code);
  if (config.audience) fake.withAudience(config.audience);
  if (config.tokenLifetimeSeconds !== undefined) fake.withTokenLifetime(config.tokenLifetimeSeconds);
  await Promise.all(pending.map((sign) => sign()));
  const started = await fake.start();
  return {
    kind: 'salesforce',
    runtime: 'embedded',
    values: {
      host: started.getHost(),
      port: started.getPort(),
      url: started.getUrl(),
      tokenUrl: started.getTokenUrl(),
      instanceUrl: started.getInstanceUrl(),
      assertions,
    },
    secrets: [
      ...config.clients.flatMap((c) => (c.secret ? [c.secret] : [])),
      ...Object.values(assertions),
      ...config.authorizationCodes.map((c) => c.code),
    ],
    transcript: () => started.getTranscript(),
    stop: () => started.stop(),
  };
}
