// A handler whose module starts a timer as it loads (a metrics flush, a connection pool's
// keep-alive): in Lambda the sandbox is frozen; the probe must still end when its work is done.
setInterval(() => {}, 1_000);

export async function handler(event) {
  return event.username === 'alice' && event.password === process.env.PROBE_IDP_ALICE_PASSWORD ? { Role: 'arn:aws:iam::111122223333:role/transfer-user', HomeDirectory: '/bucket/home/alice' } : {};
}
