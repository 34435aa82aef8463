// The same provider as handler.mjs, in TypeScript (loaded without tsx), exported as `authorize`.
interface TransferAuthEvent {
  username: string;
  password?: string;
  protocol: string;
  serverId: string;
  sourceIp: string;
}

type ProviderAnswer = Record<string, unknown>;

// Lambda's init phase prints too; that goes to CloudWatch, not into probe's --json.
console.log('cold start');
process.stdout.write('init done\n');

const ROLE: string = 'arn:aws:iam::111122223333:role/transfer-user';
const KEY: string = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHp8vR2ZsYl9hJm9WkT1bXn3sQ2cQy4Rk8sU2fE6tV0a alice@laptop';

export async function authorize(event: TransferAuthEvent): Promise<ProviderAnswer> {
  console.log('event', JSON.stringify(event));
  if (/[^\x00-\x7f]/.test(`${event.username}${event.password ?? ''}`)) throw new Error('cannot decode credentials');
  if (event.username === 'echo') throw new Error(`wrong password ${event.password}`);
  if (event.username === 'alice') {
    if (event.password === undefined) return { Role: ROLE, HomeDirectory: '/bucket/home/alice', PublicKeys: [KEY] };
    if (event.password.trim() === process.env.PROBE_IDP_ALICE_PASSWORD) return { Role: ROLE, HomeDirectory: '/bucket/home/alice' };
  }
  if (event.username === 'carol' && event.password === process.env.PROBE_IDP_CAROL_PASSWORD) {
    return { Role: ROLE, HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: [{ Entry: '/', Target: '/bucket/home/carol' }] };
  }
  return {};
}
