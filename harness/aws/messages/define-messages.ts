import type { MessageEntry } from './message-catalogue.ts';

/**
 * Catalogue entries whose ids keep their literal types, so `MessageId` (and a service's own id
 * union) is derived from the entries themselves and a typo in an id fails `tsc`.
 */
export function defineMessages<Id extends string>(entries: readonly MessageEntry<Id>[]): readonly MessageEntry<Id>[] {
  return entries;
}
