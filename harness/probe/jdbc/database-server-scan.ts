/** A database server to probe, as `parseJdbcTarget` reads it from a JDBC URL. */
export interface DatabaseTarget {
  engine: 'postgresql' | 'mysql';
  host: string;
  port: number;
  database?: string;
}

/** One certificate the server sent, leaf first; `pem` is public and what CUSTOM_JDBC_CERT takes. */
export interface CertificateInfo {
  subject: string;
  subjectAltName: string[];
  issuer: string;
  /** Issuer equals subject and the signature verifies with the certificate's own key. */
  selfSigned: boolean;
  validFrom: string;
  validTo: string;
  /** Whole days until `validTo`; negative once expired. */
  expiresInDays: number;
  fingerprint256: string;
  pem: string;
}

/** A real login with the engine's driver; `reason` is the driver's or the server's words, never the password. */
export type DatabaseLogin = { ok: true; version: string; tls: boolean } | { ok: false; reason: string };

/** What a database server shows to a client that has no credentials, plus a login when given some. The shape of `probe --json`: keep it stable. */
export interface DatabaseServerScan {
  target: DatabaseTarget;
  /** MySQL/MariaDB: from the handshake. PostgreSQL tells it only after a login. */
  version?: string;
  tls: {
    offered: boolean;
    /** Plain connections refused. Unknown (absent) when the server cannot tell a client that has not logged in. */
    required?: boolean;
    certificates: CertificateInfo[];
    /** e.g. TLSv1.3 */
    protocol?: string;
    cipher?: string;
  };
  /** 'scram-sha-256' | 'md5' | 'password' | 'trust' | … on PostgreSQL; the default auth plugin on MySQL. */
  authMethod?: string;
  /** PostgreSQL SASL: every mechanism offered, e.g. SCRAM-SHA-256-PLUS (channel binding) and SCRAM-SHA-256. */
  authMechanisms?: string[];
  /** What the server answered instead of asking for a password (e.g. no pg_hba.conf entry), or how it broke the protocol. */
  serverError?: { code?: string; message: string };
  login?: DatabaseLogin;
}
