import type { DatabaseServerScan, DatabaseTarget } from './database-server-scan.ts';
import { predictGlueAnswers, type GlueAnswerPrediction } from './predict-glue-answers.ts';
import { scanDatabaseServer } from './scan-database-server.ts';

export interface ProbedDatabasePartner {
  scan: DatabaseServerScan;
  answers: GlueAnswerPrediction[];
  /** The root the CUSTOM_JDBC_CERT answers were predicted with, and where it came from; none without TLS. */
  customCertRoot?: { pem: string; from: 'ca-file' | 'server' };
}

/**
 * Everything `probe` and `drift` learn of a database partner: what the server shows (and a login
 * of our own with credentials), then Glue TestConnection's answer per TLS setting. The root for
 * CUSTOM_JDBC_CERT is the one given (--ca-file, or the one a saved profile names, which is what the
 * user placed in S3), else the server's own certificate when it signed itself. Throws
 * PartnerUnreachableError when no such server answers.
 */
export async function probeDatabasePartner(options: {
  target: DatabaseTarget;
  credentials?: { user: string; password: string };
  root?: { pem: string; from: 'ca-file' | 'server' };
  timeoutMs: number;
}): Promise<ProbedDatabasePartner> {
  const { target, credentials, timeoutMs } = options;
  const scan = await scanDatabaseServer({ ...target, ...(credentials ? { credentials } : {}), timeoutMs });
  const top = scan.tls.certificates.at(-1);
  const root = options.root ?? (top?.selfSigned ? { pem: top.pem, from: 'server' as const } : undefined);
  const answers = await predictGlueAnswers({ target, ...(credentials ? { credentials } : {}), ...(root ? { rootCertificatePem: root.pem } : {}), timeoutMs });
  return { scan, answers, ...(root ? { customCertRoot: root } : {}) };
}
