import { parseTrustedHostKey } from '../../aws/transfer/connectors/trusted-host-key.ts';
import { loginToSftpServer, type SftpLogin } from './login-to-sftp-server.ts';
import { predictPolicies, type ConnectorCredentials, type PolicyPrediction } from './predict-policies.ts';
import { scanSftpServer, type SftpServerScan } from './scan-sftp-server.ts';

export interface ProbedSftpPartner {
  scan: SftpServerScan;
  login?: SftpLogin;
  policies: PolicyPrediction[];
}

/**
 * Everything `probe` and `drift` learn of an SFTP partner: what it shows before login, a login of
 * our own when credentials are given, and TestConnection's answer per security policy. Throws
 * PartnerUnreachableError when nothing SSH answers.
 */
export async function probeSftpPartner(options: {
  target: { host: string; port: number; username?: string };
  credentials?: ConnectorCredentials;
  trustedHostKeys?: string[];
  timeoutMs: number;
}): Promise<ProbedSftpPartner> {
  const { target, credentials, timeoutMs } = options;
  const username = credentials?.username ?? target.username;
  const scan = await scanSftpServer({ host: target.host, port: target.port, ...(username ? { username } : {}), timeoutMs });
  // By default the connector trusts the keys the server showed that a connector can trust (AWS
  // refuses ed25519 ones), checked as CreateConnector checks them. Verify them with the partner.
  const trustedHostKeys = options.trustedHostKeys ?? scan.hostKeys.map((key) => key.publicKey).filter((key) => parseTrustedHostKey(key).ok);
  const login = credentials ? await loginToSftpServer(target, credentials, timeoutMs) : undefined;
  const policies = await predictPolicies({ host: target.host, port: target.port, credentials, trustedHostKeys, timeoutMs });
  return { scan, ...(login ? { login } : {}), policies };
}
