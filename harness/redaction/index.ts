export { Redactor, REDACTED, isSensitiveKey } from './redactor.ts';
export { setOwn } from './set-own.ts';
