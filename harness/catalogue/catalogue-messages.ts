import { emulatedServices, type Provenance } from '../aws/index.ts';
import { messageOperation } from './message-operation.ts';

/** One catalogue entry as `partner-harness messages` lists it. */
export interface CatalogueMessage {
  id: string;
  operation: string;
  text: string;
  provenance: Provenance;
  source: string;
}

/** The provenances built-in entries can have (`user` is only ever an override). */
export const CATALOGUE_PROVENANCES: readonly Provenance[] = ['documented', 'observed', 'inferred', 'harness'];

/**
 * Every text the built-in services answer with, from the emulated services list (so a service
 * added there is listed without a change here), sorted by operation (see byOperation), then id.
 */
export function catalogueMessages(): CatalogueMessage[] {
  const rows = emulatedServices.flatMap((service) =>
    service.messages.map(({ id, text, provenance, source }) => ({ id, operation: messageOperation(id), text, provenance, source })),
  );
  return rows.sort((a, b) => byOperation(a.operation, b.operation) || a.id.localeCompare(b.id));
}

/** The operations the catalogue has entries for, sorted: the test operations, then `<service>:*`. */
export function catalogueOperations(rows: readonly CatalogueMessage[] = catalogueMessages()): string[] {
  return [...new Set(rows.map((row) => row.operation))].sort(byOperation);
}

/** Test operations first (what users assert on), then each service's other operations. */
export function byOperation(a: string, b: string): number {
  const rest = (operation: string) => (operation.endsWith(':*') ? 1 : 0);
  return rest(a) - rest(b) || a.localeCompare(b);
}
