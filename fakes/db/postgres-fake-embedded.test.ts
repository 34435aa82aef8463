import { describePostgresContract } from './postgres-fake-contract.ts';

describePostgresContract('embedded');
