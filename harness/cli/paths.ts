import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-info.ts';

export { PACKAGE_ROOT, packageVersion } from '../package-info.ts';

/** The shipped catalogue, wherever the package is installed. */
export const CATALOGUE_DIR = join(PACKAGE_ROOT, 'scenarios') + '/';
