// Rewrites the message coverage table in README.md (between <!-- messages-coverage:start --> and
// <!-- messages-coverage:end -->) from the catalogue: per operation, how many texts are
// documented, observed, inferred or the harness's own. `npm run docs:messages`; the test
// harness/catalogue/readme-coverage.test.ts fails while the README's table is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogueMessages } from '../harness/catalogue/catalogue-messages.ts';
import { renderCoverageTable, withCoverageTable } from '../harness/catalogue/coverage-table.ts';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const before = readFileSync(readme, 'utf8');
const after = withCoverageTable(before, renderCoverageTable(catalogueMessages()));
if (after === before) {
  console.log('README.md: the message coverage table is up to date');
} else {
  writeFileSync(readme, after);
  console.log('README.md: message coverage table rewritten');
}
