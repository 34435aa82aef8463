import { defineFakeKind } from '../shared/define-fake-kind.ts';
import { salesforceKindConfig } from './salesforce-kind-config.ts';
import type { StartedSalesforceFake } from './started-salesforce-fake.ts';

/**
 * `kind: salesforce`: a Salesforce-like OAuth2 token endpoint and instance API. JWT clients get
 * a key pair and a signed assertion (`{{ fakes.NAME.assertions.CLIENT_ID }}`). In-process, so
 * embedded only.
 */
export const salesforceKind = defineFakeKind({
  kind: 'salesforce',
  schema: salesforceKindConfig,
  runtimes: { embedded: {} },
  start: async (config, context): Promise<StartedSalesforceFake> => (await import('./salesforce-kind-start.ts')).startSalesforceKind(config, context),
});
