import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { InvalidKeyError } from '../../core/errors/index.ts';

/** A fresh 2048-bit RSA pair: PKCS8 private and SPKI public PEM, as a connected app's certificate holds. */
export function generateRsaKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** Parses an RSA public key PEM, failing with where it came from. */
export function readRsaPublicKey(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new InvalidKeyError(`${where}: jwtPublicKeyPem is not a PEM public key (${(error as Error).message}); pass generateRsaKeyPair().publicKeyPem`, { cause: error });
  }
  if (key.asymmetricKeyType !== 'rsa') throw new InvalidKeyError(`${where}: jwtPublicKeyPem must be an RSA key for RS256, got ${key.asymmetricKeyType}`);
  return key;
}
