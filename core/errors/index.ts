export { PartnerHarnessError } from './partner-harness-error.ts';
