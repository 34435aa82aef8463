// Checks on values read from outside (JSON, YAML, environment).
export { isRecord } from './is-record.ts';
