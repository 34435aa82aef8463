import { X509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { s3LocationProblem } from '../../s3/s3-object-store.ts';
import type { EmulatorContext } from '../../emulator-context.ts';

/** Signature algorithms by OID, named as Java (and Glue's documentation) names them. */
const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'SHA1withRSA',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.113549.1.1.11': 'SHA256withRSA',
  '1.2.840.113549.1.1.12': 'SHA384withRSA',
  '1.2.840.113549.1.1.13': 'SHA512withRSA',
  '1.2.840.10045.4.3.2': 'SHA256withECDSA',
  '1.2.840.10045.4.3.3': 'SHA384withECDSA',
  '1.2.840.10045.4.3.4': 'SHA512withECDSA',
  '1.3.101.112': 'Ed25519',
};

/** connection-properties: "The only permitted algorithms for the Signature algorithm are SHA256withRSA, SHA384withRSA or SHA512withRSA." */
const PERMITTED = ['SHA256withRSA', 'SHA384withRSA', 'SHA512withRSA'];

export type CustomCertificate = { ok: true; pem: string } | { ok: false; problem: 'unreadable' | 'invalid'; reason: string };

/**
 * CUSTOM_JDBC_CERT: "An Amazon S3 location specifying the customer's root certificate" in PEM,
 * which Glue validates unless SKIP_CUSTOM_JDBC_CERT_VALIDATION is true: a SHA-2 RSA signature
 * and a key of at least 2048 bits (connection-properties). The object comes from the emulator's
 * S3 store, where the user or the scenario placed it.
 */
export function readCustomJdbcCert(location: string, skipValidation: boolean, context: EmulatorContext): CustomCertificate {
  const locationProblem = s3LocationProblem(location);
  if (locationProblem) return { ok: false, problem: 'unreadable', reason: locationProblem };
  const body = context.objects.get(location);
  if (!body) return { ok: false, problem: 'unreadable', reason: 'The specified key does not exist.' };
  const pem = body.toString('utf8');
  let certificate: X509Certificate;
  try {
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('not PEM');
    certificate = new X509Certificate(pem);
  } catch {
    return { ok: false, problem: 'invalid', reason: 'it is not an X.509 certificate in PEM format' };
  }
  if (skipValidation) return { ok: true, pem };
  const signature = signatureAlgorithmOf(certificate);
  if (!PERMITTED.includes(signature)) return { ok: false, problem: 'invalid', reason: `signature algorithm ${signature} is not permitted` };
  const bits = certificate.publicKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < 2048) return { ok: false, problem: 'invalid', reason: `key length ${bits} is less than 2048` };
  return { ok: true, pem };
}

function signatureAlgorithmOf(certificate: X509Certificate): string {
  const oid = AsnConvert.parse(certificate.raw, Certificate).signatureAlgorithm.algorithm;
  return SIGNATURE_ALGORITHMS[oid] ?? oid;
}
