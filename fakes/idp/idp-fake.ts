import type { RequestHandler } from 'msw';
import { EndpointBuilder } from '../shared/endpoint-builder.ts';
import { userTable, type UserTableOptions } from './behaviours/user-table.ts';
import { flattenHandlers } from './handlers.ts';
import type { IdpUser } from './idp-user.ts';
import { StartedEmbeddedIdpFake } from './started-embedded-idp-fake.ts';
import type { StartedIdpFake } from './started-idp-fake.ts';
import { InvalidOptionError } from '../../core/errors/index.ts';

/**
 * A fake Transfer custom identity provider: msw handlers behind a real HTTP server shaped like an
 * API Gateway invoke URL. `await using idp = await new IdpFake().withUsers([alice]).start()`.
 */
export class IdpFake extends EndpointBuilder {
  #stage = 'prod';
  readonly #handlers: RequestHandler[] = [];

  /** Appends msw handlers; the first that answers wins. */
  withBehaviour(...handlers: Array<RequestHandler | readonly RequestHandler[]>): this {
    this.#handlers.push(...flattenHandlers(handlers, 'withBehaviour'));
    return this;
  }

  /** Shorthand for `withBehaviour(...behaviours.userTable({ users, ...options }))`. */
  withUsers(users: IdpUser[], options: UserTableOptions = {}): this {
    return this.withBehaviour(...userTable({ ...options, users }));
  }

  /** The API Gateway stage, the first path segment of getUrl(). Default `prod`. */
  withStage(stage: string): this {
    // API Gateway stage names: letters, digits, hyphens and underscores, up to 128.
    if (typeof stage !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(stage)) {
      throw new InvalidOptionError(`withStage: invalid stage ${JSON.stringify(stage)}; use letters, digits, '-' or '_' (1-128), e.g. 'prod'`);
    }
    this.#stage = stage;
    return this;
  }

  async start(): Promise<StartedIdpFake> {
    return StartedEmbeddedIdpFake.start({ ...this.endpoint(), stage: this.#stage, handlers: [...this.#handlers] });
  }
}
