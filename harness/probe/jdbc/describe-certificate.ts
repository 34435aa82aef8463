import { X509Certificate } from 'node:crypto';
import type { CertificateInfo } from './database-server-scan.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The public facts of one certificate, as probe reports them and drift compares them. */
export function describeCertificate(certificate: X509Certificate, now = new Date()): CertificateInfo {
  const validTo = new Date(certificate.validTo);
  return {
    subject: distinguishedName(certificate.subject),
    subjectAltName: splitAltNames(certificate.subjectAltName),
    issuer: distinguishedName(certificate.issuer),
    selfSigned: isSelfSigned(certificate),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: validTo.toISOString(),
    expiresInDays: Math.floor((validTo.getTime() - now.getTime()) / DAY_MS),
    fingerprint256: certificate.fingerprint256,
    pem: certificate.toString(),
  };
}

/** Node gives one RDN per line (`C=DE\nO=Acme\nCN=db.acme.example`); one line reads better in a table and in JSON. */
function distinguishedName(lines: string): string {
  return lines.split('\n').filter(Boolean).join(', ');
}

/** `DNS:db.example.com, IP Address:10.0.0.5`; Node quotes an entry that itself holds a comma. */
function splitAltNames(text: string | undefined): string[] {
  if (!text) return [];
  return text.split(/, (?=(?:[^"]*"[^"]*")*[^"]*$)/);
}

function isSelfSigned(certificate: X509Certificate): boolean {
  if (certificate.issuer !== certificate.subject) return false;
  try {
    return certificate.verify(certificate.publicKey);
  } catch {
    return false;
  }
}
