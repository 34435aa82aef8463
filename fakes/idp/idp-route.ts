import { http, HttpResponse, type DefaultBodyType, type HttpHandler, type HttpResponseResolver } from 'msw';

/**
 * What Transfer calls: `{Url}/servers/{serverId}/users/{username}/config`. The leading `*`
 * matches any origin and stage, so handlers can be built before the fake knows its port.
 */
export const IDP_CONFIG_PATH = '*/servers/:serverId/users/:username/config';

export type IdpConfigParams = { serverId: string; username: string };

/** `http.get(IDP_CONFIG_PATH, resolver)`: the one route a Transfer identity provider serves. */
export function idpConfigRoute(resolver: HttpResponseResolver<IdpConfigParams, DefaultBodyType, DefaultBodyType>): HttpHandler {
  return http.get<IdpConfigParams, DefaultBodyType, DefaultBodyType>(IDP_CONFIG_PATH, resolver);
}

/** A provider answer: always 200, as Transfer expects; `{}` means "login refused". */
export function providerJson(body: Record<string, unknown>): Response {
  return HttpResponse.json(body);
}

/** What API Gateway answers for a path, method or stage it does not know. */
export function missingAuthenticationToken(): Response {
  return new Response(JSON.stringify({ message: 'Missing Authentication Token' }), {
    status: 403,
    headers: { 'content-type': 'application/json', 'x-amzn-ErrorType': 'MissingAuthenticationTokenException' },
  });
}

/** API Gateway's body when the integration behind it fails. */
export function internalServerError(status = 500): Response {
  return new Response(JSON.stringify({ message: 'Internal server error' }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
