/**
 * What an SSH server offers before anyone logs in, read from ssh2's debug lines (ssh2 has no API
 * for the peer's KEXINIT): its ident and, per category, its algorithm list in preference order.
 * The emulator's TestConnection (negotiation failures name the server's list, as AWS does) and
 * the probe read it the same way.
 */
export type OfferCategory = 'kex' | 'serverHostKey' | 'cipher' | 'mac' | 'compression';

export interface ServerOffer {
  ident?: string;
  algorithms: Partial<Record<OfferCategory, string[]>>;
}

// KEXINIT pseudo-algorithms that are signals, not offers (RFC 8308 ext-info, OpenSSH strict kex).
const SIGNALS = /^(ext-info-[cs]|kex-strict-[cs]-v00@openssh\.com)$/;

const REMOTE_LISTS: Array<[RegExp, OfferCategory]> = [
  [/^Handshake: \(remote\) KEX method: (.*)$/, 'kex'],
  [/^Handshake: \(remote\) Host key format: (.*)$/, 'serverHostKey'],
  [/^Handshake: \(remote\) C->S cipher: (.*)$/, 'cipher'],
  [/^Handshake: \(remote\) C->S MAC: (.*)$/, 'mac'],
  [/^Handshake: \(remote\) C->S compression: (.*)$/, 'compression'],
];

const REMOTE_IDENT = /^Remote ident: '(.*)'$/;

/** Adds what one ssh2 debug line says about the server to `offer`. */
export function readServerOffer(line: string, offer: ServerOffer): void {
  // ssh2 writes about 60 lines per connection; 6 of them say something about the server.
  if (!line.startsWith('Handshake: (remote) ') && !line.startsWith('Remote ident: ')) return;
  const ident = REMOTE_IDENT.exec(line);
  if (ident) {
    offer.ident = ident[1];
    return;
  }
  for (const [pattern, category] of REMOTE_LISTS) {
    const match = pattern.exec(line);
    if (match) offer.algorithms[category] = match[1]!.split(',').filter((name) => name && !SIGNALS.test(name));
  }
}
