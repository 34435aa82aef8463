import { createPrivateKey, createPublicKey } from 'node:crypto';
import { sharedInRun } from '../../core/process/index.ts';
import type { FakeStartContext } from '../shared/fake-kind.ts';
import { createJwtAssertion } from './jwt-assertion.ts';
import { generateRsaKeyPair } from './rsa-keys.ts';
import { SalesforceFake } from './salesforce-fake.ts';
import type { SalesforceKindConfig } from './salesforce-kind-config.ts';
import type { StartedSalesforceFake } from './started-salesforce-fake.ts';

const DEFAULT_AUDIENCE = 'https://login.salesforce.com';

/** Starts `kind: salesforce` (salesforce-kind.ts imports this on demand: msw and jose load only then). */
export async function startSalesforceKind(config: SalesforceKindConfig, context: FakeStartContext): Promise<StartedSalesforceFake> {
  context.redact(...config.clients.map((client) => client.secret), ...config.authorizationCodes.map((code) => code.code));
  const fake = new SalesforceFake();
  for (const user of config.users) fake.withUser(user);
  const signers = config.clients.map((client) => withClient(fake, client, config.audience));
  for (const code of config.authorizationCodes) fake.withAuthorizationCode(code.code, code);
  if (config.audience) fake.withAudience(config.audience);
  if (config.tokenLifetimeSeconds !== undefined) fake.withTokenLifetime(config.tokenLifetimeSeconds);
  const signed = await Promise.all(signers.map((sign) => sign()));
  const assertions = Object.fromEntries(signed.filter((entry) => entry !== undefined));
  context.redact(...Object.values(assertions));
  const started = await fake.start();
  context.expose({ tokenUrl: started.getTokenUrl(), instanceUrl: started.getInstanceUrl(), assertions });
  return started;
}

type Client = SalesforceKindConfig['clients'][number];

// A 2048-bit RSA keygen costs 100-300 ms and a scenario with a JWT client needed one or two: a
// scenario fake takes its pairs from here, one per role per process (a worker) and, within
// `partner-harness run`, per run (sharedInRun), as SSH host keys are (generateSshKey). Fakes may
// then trust the same key; no answer depends on which key it is.
type RsaKeyPair = ReturnType<typeof generateRsaKeyPair>;
const keyPairs = new Map<'trusted' | 'untrusted', RsaKeyPair>();

function keyPairOf(role: 'trusted' | 'untrusted'): RsaKeyPair {
  let pair = keyPairs.get(role);
  if (!pair) keyPairs.set(role, (pair = sharedInRun<RsaKeyPair>(`salesforce-rsa ${role}`, { make: generateRsaKeyPair, encode: JSON.stringify, decode: decodeRsaKeyPair })));
  return pair;
}

/** A pair read from the run's share: used only when its private key is RSA and its public half is that key's. */
function decodeRsaKeyPair(text: string): RsaKeyPair | undefined {
  try {
    const { privateKeyPem, publicKeyPem } = JSON.parse(text) as Partial<RsaKeyPair>;
    if (typeof privateKeyPem !== 'string' || typeof publicKeyPem !== 'string') return undefined;
    const privateKey = createPrivateKey(privateKeyPem);
    const derived = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' });
    return privateKey.asymmetricKeyType === 'rsa' && derived === publicKeyPem ? { privateKeyPem, publicKeyPem } : undefined;
  } catch {
    return undefined;
  }
}

/** Adds the client; for a JWT client, returns how to sign its assertion (with a key the fake does not trust if asked). */
function withClient(fake: SalesforceFake, client: Client, audience: string | undefined): () => Promise<[string, string] | undefined> {
  const jwt = client.jwt;
  if (!jwt) {
    fake.withClient(client.clientId, { secret: client.secret, redirectUris: client.redirectUris });
    return async () => undefined;
  }
  const trusted = keyPairOf('trusted');
  const signing = jwt.signWithOtherKey ? keyPairOf('untrusted') : trusted;
  fake.withClient(client.clientId, { secret: client.secret, jwtPublicKeyPem: trusted.publicKeyPem, redirectUris: client.redirectUris });
  return async () => [
    client.clientId,
    await createJwtAssertion({
      privateKeyPem: signing.privateKeyPem,
      clientId: client.clientId,
      username: jwt.user,
      audience: jwt.audience ?? audience ?? DEFAULT_AUDIENCE,
      expiresInSeconds: jwt.expiresInSeconds,
    }),
  ];
}
