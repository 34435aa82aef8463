// Public API of the harness: the emulated AWS endpoint, the scenario model and runner.
export * from './aws/index.ts';
export * from './scenario/index.ts';
export { Redactor, REDACTED } from './redaction/index.ts';
