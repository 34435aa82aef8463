export { PartnerHarnessError } from './partner-harness-error.ts';
export { InvalidOptionError } from './invalid-option-error.ts';
export { RuntimeUnavailableError } from './runtime-unavailable-error.ts';
export { FakeStartError } from './fake-start-error.ts';
export { InvalidKeyError } from './invalid-key-error.ts';
export { describeField, formatPath, type FieldIssue } from './field-issue.ts';
export { didYouMean, hint, listAllowed } from './did-you-mean.ts';
