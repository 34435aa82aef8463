import { defineDbKind } from './db-kind.ts';

/** `kind: postgres`: a real PostgreSQL server (PostgresFake), embedded from npm, the system's, or in a container. */
export const postgresKind = defineDbKind('postgres', 'postgresql', async () => new (await import('./postgres-fake.ts')).PostgresFake(), ['embedded', 'process', 'container']);
