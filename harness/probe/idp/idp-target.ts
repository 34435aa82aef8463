import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { InvalidOptionError } from '../../../core/errors/index.ts';

/** What `probe idp` calls: an API Gateway invoke URL, or a Lambda handler file run in this process. */
export type IdpTarget = { type: 'API_GATEWAY'; url: string } | { type: 'AWS_LAMBDA'; file: string; exportName: string };

const HANDLER_FILE = /\.(mjs|cjs|js|ts|mts)$/;
const EXPORT_NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * `https://…/prod` is an API_GATEWAY provider; anything without a scheme is a handler file,
 * `./handler.mjs` or `./handler.ts#authorize` (export `handler` by default), relative to `cwd`.
 */
export function parseIdpTarget(text: string, cwd = process.cwd()): IdpTarget {
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(text)) return { type: 'API_GATEWAY', url: parseProviderUrl(text) };
  const hash = text.lastIndexOf('#');
  const path = hash >= 0 ? text.slice(0, hash) : text;
  const exportName = hash >= 0 ? text.slice(hash + 1) : 'handler';
  if (!EXPORT_NAME.test(exportName)) throw new InvalidOptionError(`'${text}': '${exportName}' is not an export name`, { fix: 'Name the handler after #, e.g. ./idp/handler.mjs#handler' });
  if (!HANDLER_FILE.test(path)) {
    throw new InvalidOptionError(`'${text}' is neither an API Gateway URL nor a handler file`, {
      fix: 'Give https://<api-id>.execute-api.<region>.amazonaws.com/<stage> or a .mjs, .js, .cjs or .ts Lambda handler file, e.g. ./idp/handler.mjs',
    });
  }
  const file = resolve(cwd, path);
  if (!existsSync(file) || !statSync(file).isFile()) throw new InvalidOptionError(`${file}: no such file`, { fix: 'Give the path of your Lambda handler file, e.g. ./idp/handler.mjs#handler' });
  return { type: 'AWS_LAMBDA', file, exportName };
}

/** Transfer appends `/servers/{id}/users/{name}/config` to the URL: a query, a fragment or credentials would break it. */
function parseProviderUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidOptionError(`'${text}' is not a URL`, { fix: 'Give the invoke URL of the API Gateway stage, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/prod' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidOptionError(`'${text}': an identity provider URL is https:// (or http:// for one on your machine)`);
  if (url.username || url.password) {
    // Not echoed: the message would print the credential it warns about.
    throw new InvalidOptionError(`'${url.protocol}//${url.host}${url.pathname}': remove the user and password from the URL`, { fix: 'Transfer sends none; give the invoke URL alone' });
  }
  if (url.search || url.hash) throw new InvalidOptionError(`'${text}': give the invoke URL without a query or fragment`, { fix: 'Transfer appends /servers/{serverId}/users/{username}/config to it' });
  return text;
}

/** The Lambda function's name in its ARN: the handler file's name in the characters Lambda takes. */
export function functionNameOf(target: Extract<IdpTarget, { type: 'AWS_LAMBDA' }>): string {
  return basename(target.file).replace(HANDLER_FILE, '').replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64) || 'handler';
}
