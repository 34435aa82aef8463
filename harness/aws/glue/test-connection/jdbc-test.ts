import { AwsError } from '../../endpoint/aws-error.ts';
import type { CallScope } from '../../endpoint/call-scope.ts';
import type { EmulatorContext } from '../../emulator-context.ts';
import type { MessageId } from '../../messages/all-messages.ts';
import { readCustomJdbcCert } from './custom-jdbc-cert.ts';
import { databaseLogin, type LoginRequest } from './database-login.ts';
import { engineFromName, parseJdbcUrl, type JdbcTarget } from './jdbc-url.ts';

const invalid = (scope: CallScope, id: MessageId, params: Record<string, string | number> = {}) =>
  new AwsError('InvalidInputException', scope.message(id, params));

/**
 * Glue TestConnection for JDBC: required properties (HOST+PORT+JDBC_ENGINE or
 * JDBC_CONNECTION_URL; USERNAME+PASSWORD or SECRET_ID), then a real login. Success is `{}`;
 * every failure is an exception (Glue answers no status field).
 */
export async function testJdbc(properties: Record<string, string>, context: EmulatorContext, scope: CallScope): Promise<Record<string, never>> {
  const target = resolveTarget(properties, scope);
  const credentials = await resolveCredentials(properties, context, scope);
  if (target.engine !== 'postgresql' && target.engine !== 'mysql') {
    throw invalid(scope, 'glue.jdbc.engine-not-reachable', { engine: target.engine });
  }
  const enforce = properties.JDBC_ENFORCE_SSL?.toLowerCase() === 'true';
  const tls = enforce ? enforcedTls(properties, context, scope) : ({ mode: 'prefer' } as const);
  const timeoutMs = context.options.connectTimeoutMs;
  scope.note('jdbc-login', { engine: target.engine, host: target.host, port: target.port, database: target.database, user: credentials.user, enforceSsl: enforce });
  const outcome = await databaseLogin({
    ...target,
    engine: target.engine,
    ...credentials,
    tls,
    timeoutMs,
  });
  scope.note('jdbc-result', outcome.ok ? { ok: true, tls: outcome.tls } : { ok: false, kind: outcome.kind });
  if (outcome.ok) return {};
  if (outcome.kind === 'timeout') {
    scope.diagnose('database-timeout', `${target.host}:${target.port} did not answer within ${timeoutMs / 1000} s`, "Check the connection's subnet, security groups and routes: Glue reaches the database from the connection's subnet");
    throw new AwsError('OperationTimeoutException', scope.message('glue.jdbc.timeout', { seconds: timeoutMs / 1000 }));
  }
  scope.diagnose('database-login-failed', `the ${target.engine} driver's login to ${target.host}:${target.port} failed: ${outcome.message.split('\n')[0]}`, loginFix(outcome.message, enforce));
  throw invalid(scope, 'glue.jdbc.driver-error', { driverMessage: outcome.message });
}

/** What to change for the driver's failure, by what it said. */
function loginFix(message: string, enforced: boolean): string {
  if (/PKIX|certification path/.test(message)) return 'Place the partner\'s root certificate in S3 and name it in CUSTOM_JDBC_CERT (with SKIP_CUSTOM_JDBC_CERT_VALIDATION for a non-RSA root), or ask the partner for a certificate from a public CA';
  if (/does not support SSL|not supported by the server/.test(message)) return enforced ? 'The server offers no TLS: ask the partner to enable it, or turn JDBC_ENFORCE_SSL off' : 'Ask the partner to enable TLS';
  if (/hostname .* could not be verified/.test(message)) return 'Set CUSTOM_JDBC_CERT_STRING to a name the certificate holds (CN, a SAN or its subject DN), or leave it out';
  if (/password authentication failed|Access denied|authentication type/i.test(message)) return 'Check the user name and password (or the secret\'s username and password) with the partner';
  if (/database .* does not exist|Unknown database/i.test(message)) return 'Name a database the partner created in JDBC_CONNECTION_URL';
  if (/refused/.test(message)) return 'Check the host and port: nothing listens there';
  return 'Compare the driver message with the partner\'s server log';
}

function resolveTarget(properties: Record<string, string>, scope: CallScope): JdbcTarget {
  const url = properties.JDBC_CONNECTION_URL;
  if (url) {
    const parsed = parseJdbcUrl(url);
    if (!parsed.ok) throw invalid(scope, 'glue.jdbc.malformed-url', { url, reason: parsed.reason });
    return parsed.target;
  }
  if (!properties.HOST || !properties.PORT || !properties.JDBC_ENGINE) throw invalid(scope, 'glue.jdbc.missing-endpoint');
  const engine = engineFromName(properties.JDBC_ENGINE);
  if (!engine) throw invalid(scope, 'glue.jdbc.unsupported-engine', { engine: properties.JDBC_ENGINE });
  const port = Number(properties.PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw invalid(scope, 'glue.jdbc.malformed-url', { url: `${properties.HOST}:${properties.PORT}`, reason: `port ${properties.PORT} is out of range` });
  }
  return { engine, host: properties.HOST, port, database: properties.DATABASE, params: {} };
}

async function resolveCredentials(properties: Record<string, string>, context: EmulatorContext, scope: CallScope): Promise<{ user: string; password: string }> {
  if (properties.USERNAME && properties.PASSWORD) {
    scope.redactor.add(properties.PASSWORD);
    return { user: properties.USERNAME, password: properties.PASSWORD };
  }
  const secretId = properties.SECRET_ID;
  if (!secretId) throw invalid(scope, 'glue.jdbc.missing-credentials');
  const secret = context.secrets.find(secretId);
  const value = secret && !secret.deletedDate ? context.secrets.current(secret)?.secretString : undefined;
  if (value === undefined) {
    throw invalid(scope, 'glue.jdbc.secret-unreadable', { secretId, reason: scope.catalogue.render('secretsmanager.secret.not-found').text });
  }
  let parsed: { username?: unknown; password?: unknown } = {};
  try {
    parsed = JSON.parse(value) as typeof parsed;
  } catch {
    // reported below as a format error
  }
  scope.redactor.add(parsed?.password);
  if (typeof parsed?.username !== 'string' || typeof parsed?.password !== 'string') throw invalid(scope, 'glue.jdbc.secret-format', { secretId });
  return { user: parsed.username, password: parsed.password };
}

/**
 * JDBC_ENFORCE_SSL: "SSL with hostname matching", the chain verified against the JVM's trust
 * store or the root certificate in CUSTOM_JDBC_CERT (read from S3 and validated unless
 * SKIP_CUSTOM_JDBC_CERT_VALIDATION, which skips only that validation, never the server's chain).
 * CUSTOM_JDBC_CERT_STRING is "used for domain match or distinguished name match"
 * (connection-properties): it must match the server certificate's CN, a SAN or its subject DN.
 */
function enforcedTls(properties: Record<string, string>, context: EmulatorContext, scope: CallScope): LoginRequest['tls'] {
  const location = properties.CUSTOM_JDBC_CERT;
  let ca: string | undefined;
  if (location) {
    const skip = properties.SKIP_CUSTOM_JDBC_CERT_VALIDATION?.toLowerCase() === 'true';
    const custom = readCustomJdbcCert(location, skip, context);
    if (!custom.ok) throw invalid(scope, `glue.jdbc.custom-cert-${custom.problem}`, { location, reason: custom.reason });
    ca = custom.pem;
  }
  const expectedName = properties.CUSTOM_JDBC_CERT_STRING?.trim();
  return { mode: 'require', ...(ca ? { ca } : {}), ...(expectedName ? { expectedName } : {}) };
}
