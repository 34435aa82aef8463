export { PartnerHarnessError } from './partner-harness-error.ts';
export { describeField, formatPath, type FieldIssue } from './field-issue.ts';
export { didYouMean, hint, listAllowed } from './did-you-mean.ts';
