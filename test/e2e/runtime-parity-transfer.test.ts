import { describe, it } from 'vitest';
import { catalogueFiles, expectParity } from '../support/parity.ts';

// A difference between the embedded fake and the real server (OpenSSH sshd, system PostgreSQL
// and MariaDB) is a fidelity bug in the embedded fake.
describe('transfer-connector: embedded and process runtimes answer alike', async () => {
  it.each((await catalogueFiles('transfer-connector')).map((file) => [file]))('%s', (file) => expectParity(file));
});
