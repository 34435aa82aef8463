import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../s3/s3-object-store.ts';
import type { EmulatorContext } from '../../emulator-context.ts';
import { readCustomJdbcCert } from './custom-jdbc-cert.ts';

const dir = mkdtempSync(join(tmpdir(), 'partner-harness-custom-cert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A self-signed root made by openssl, as a partner's CA would be. */
function root(name: string, keyArgs: string[], digest: string): string {
  const out = join(dir, `${name}.pem`);
  execFileSync('openssl', ['req', '-x509', ...keyArgs, '-nodes', `-${digest}`, '-subj', `/CN=${name}`, '-days', '2', '-keyout', join(dir, `${name}.key`), '-out', out], { stdio: 'ignore' });
  return readFileSync(out, 'utf8');
}

const store = new S3ObjectStore();
store.put('s3://certs/rsa2048-sha256.pem', root('rsa2048-sha256', ['-newkey', 'rsa:2048'], 'sha256'));
store.put('s3://certs/rsa2048-sha512.pem', root('rsa2048-sha512', ['-newkey', 'rsa:2048'], 'sha512'));
store.put('s3://certs/rsa1024-sha256.pem', root('rsa1024-sha256', ['-newkey', 'rsa:1024'], 'sha256'));
store.put('s3://certs/rsa2048-sha1.pem', root('rsa2048-sha1', ['-newkey', 'rsa:2048'], 'sha1'));
store.put('s3://certs/ec-sha384.pem', root('ec-sha384', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:secp384r1'], 'sha384'));
const context = { objects: store } as unknown as EmulatorContext;

describe('readCustomJdbcCert: Glue\'s validation of CUSTOM_JDBC_CERT (connection-properties)', () => {
  it.each([
    ['rsa2048-sha256', { ok: true }],
    ['rsa2048-sha512', { ok: true }],
    ['rsa1024-sha256', { ok: false, problem: 'invalid', reason: 'key length 1024 is less than 2048' }],
    ['rsa2048-sha1', { ok: false, problem: 'invalid', reason: 'signature algorithm SHA1withRSA is not permitted' }],
    ['ec-sha384', { ok: false, problem: 'invalid', reason: 'signature algorithm SHA384withECDSA is not permitted' }],
  ])('%s', (name, expected) => {
    expect(readCustomJdbcCert(`s3://certs/${name}.pem`, false, context)).toMatchObject(expected);
  });

  it('SKIP_CUSTOM_JDBC_CERT_VALIDATION takes any certificate, but never a missing object or one that is not PEM', () => {
    expect(readCustomJdbcCert('s3://certs/rsa1024-sha256.pem', true, context)).toMatchObject({ ok: true });
    expect(readCustomJdbcCert('s3://certs/ec-sha384.pem', true, context)).toMatchObject({ ok: true });
    expect(readCustomJdbcCert('s3://certs/absent.pem', true, context)).toEqual({ ok: false, problem: 'unreadable', reason: 'The specified key does not exist.' });
    store.put('s3://certs/der.bin', Buffer.from([0x30, 0x82, 0x01]));
    expect(readCustomJdbcCert('s3://certs/der.bin', true, context)).toMatchObject({ ok: false, problem: 'invalid' });
    expect(readCustomJdbcCert('https://certs.example/root.pem', true, context)).toMatchObject({ ok: false, problem: 'unreadable', reason: 'not an s3://bucket/key location' });
  });

  it('the store refuses what S3 would not hold under that name', () => {
    expect(() => store.put('s3://No_Such_Bucket/x', 'x')).toThrow(/not a valid S3 bucket name/);
    expect(() => store.put('s3://bucket-only', 'x')).toThrow(/s3:\/\/bucket\/key/);
  });
});
