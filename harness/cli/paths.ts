import { fileURLToPath } from 'node:url';

/** The shipped catalogue, wherever the package is installed. */
export const CATALOGUE_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
