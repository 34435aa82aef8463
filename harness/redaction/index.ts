export { Redactor, REDACTED, isSensitiveKey } from './redactor.ts';
