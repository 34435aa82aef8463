// A custom identity provider Lambda with the mistakes probe idp must flag. Passwords come from
// the environment the test gives the CLI, as a real handler reads its store.
// Lambda's init phase prints too; that goes to CloudWatch, not into probe's --json.
console.log('cold start');
process.stdout.write('init done\n');

const ROLE = 'arn:aws:iam::111122223333:role/transfer-user';
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHp8vR2ZsYl9hJm9WkT1bXn3sQ2cQy4Rk8sU2fE6tV0a alice@laptop';

export async function handler(event) {
  // A handler that logs its event: the password reaches CloudWatch, never probe's output.
  console.log('event', JSON.stringify(event));
  // Breaks on anything beyond ASCII (a provider that cannot decode the password).
  if (/[^\x00-\x7f]/.test(`${event.username}${event.password ?? ''}`)) throw new Error('cannot decode credentials');
  if (event.username === 'echo') throw new Error(`wrong password ${event.password}`);
  if (event.username === 'alice') {
    if (event.password === undefined) return { Role: ROLE, HomeDirectory: '/bucket/home/alice', PublicKeys: [KEY] };
    // Trims what it compares: ' secret ' passes for 'secret'.
    if (event.password.trim() === process.env.PROBE_IDP_ALICE_PASSWORD) return { Role: ROLE, HomeDirectory: '/bucket/home/alice' };
  }
  if (event.username === 'carol' && event.password === process.env.PROBE_IDP_CAROL_PASSWORD) {
    // HomeDirectoryDetails must be a string holding JSON; an array is the classic mistake.
    return { Role: ROLE, HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: [{ Entry: '/', Target: '/bucket/home/carol' }] };
  }
  return {};
}
