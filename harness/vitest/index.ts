// partner-harness/vitest: the kit for your own vitest suites. Fixtures that start fakes and the
// emulated AWS endpoint only for the tests that ask for them, matchers for AWS answers, and a
// plugin that runs scenario files as tests. vitest (a peer dependency) is imported only here.
import { expect } from 'vitest';
import { partnerHarnessMatchers } from './matchers/partner-harness-matchers.ts';

expect.extend(partnerHarnessMatchers);

export { test, it, type PartnerHarnessTest } from './test.ts';
export { expect };
export { partnerHarnessFixtures, type PartnerHarnessFixtures } from './fixtures/fixtures.ts';
export type { AwsFixture } from './fixtures/aws-fixture.ts';
export type { SftpPartnerUser } from './fixtures/sftp-partner-fixture.ts';
export type { PostgresUser } from './fixtures/postgres-fixture.ts';
export { partnerHarnessMatchers, type PartnerHarnessMatchers } from './matchers/partner-harness-matchers.ts';
export type { TextExpectation } from './matchers/text-expectation.ts';
export { partnerHarness, type PartnerHarnessPluginOptions } from './plugin/partner-harness-plugin.ts';
export { PartnerHarnessReporter, type PartnerHarnessReporterOptions } from '../reports/index.ts';
