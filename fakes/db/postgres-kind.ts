import { defineDbKind } from './db-kind.ts';
import { PostgresFake } from './postgres-fake.ts';

/** `kind: postgres`: a real PostgreSQL server (PostgresFake), embedded from npm, the system's, or in a container. */
export const postgresKind = defineDbKind('postgres', 'postgresql', () => new PostgresFake(), ['embedded', 'process', 'container']);
