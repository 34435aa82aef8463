import { http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw';
import type { SalesforceContext } from './salesforce-context.ts';
import { API_VERSIONS, limits, resources, sobjects, versions } from './salesforce-data.ts';
import { invalidSession, notFound } from './salesforce-errors.ts';
import type { SessionCheck } from './token-store.ts';

type Params = { version: string };
type Answer = (version: string) => JsonBodyType;

/** The REST API on the instance URL: the version list is public, the rest needs a live token. */
export function instanceApi(context: SalesforceContext): HttpHandler[] {
  return [
    http.get('*/services/data', ({ request }) => {
      context.record('api', { method: 'GET', path: new URL(request.url).pathname, session: 'none', status: 200 });
      return HttpResponse.json(versions());
    }),
    authenticated(context, '*/services/data/:version', resources),
    authenticated(context, '*/services/data/:version/limits', limits),
    authenticated(context, '*/services/data/:version/sobjects', sobjects),
  ];
}

function authenticated(context: SalesforceContext, path: string, answer: Answer): HttpHandler {
  return http.get<Params>(path, ({ request, params }) => {
    const check = context.tokens.check(bearerToken(request.headers.get('authorization')));
    const response = check.state === 'valid' ? answerFor(params.version, answer) : invalidSession();
    record(context, request, check, response.status);
    return response;
  });
}

// The session is checked before the path, so a bad token on a bad version is a 401 [INF].
function answerFor(segment: string, answer: Answer): Response {
  const version = /^v(\d+\.\d)$/.exec(segment)?.[1];
  return version !== undefined && API_VERSIONS.includes(version) ? HttpResponse.json(answer(version)) : notFound();
}

/** Salesforce takes `Bearer <token>` and its older spelling `OAuth <token>`. */
function bearerToken(header: string | null): string | undefined {
  return /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header ?? '')?.[1];
}

function record(context: SalesforceContext, request: Request, check: SessionCheck, status: number): void {
  context.record('api', {
    method: request.method,
    path: new URL(request.url).pathname,
    session: check.state,
    ...(check.session ? { clientId: check.session.clientId, user: check.session.user } : {}),
    status,
  });
}
