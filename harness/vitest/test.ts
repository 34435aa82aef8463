import { test as baseTest, type TestAPI } from 'vitest';
import { partnerHarnessFixtures, type PartnerHarnessFixtures } from './fixtures/fixtures.ts';

export type PartnerHarnessTest = TestAPI<PartnerHarnessFixtures>;

let extended: PartnerHarnessTest | undefined;
/** vitest's `test.extend` works only inside a test run; vitest.config.ts imports this entry too (the plugin). */
const extendedTest = (): PartnerHarnessTest => (extended ??= baseTest.extend<PartnerHarnessFixtures>(partnerHarnessFixtures));

/**
 * vitest's `test` with the partner-harness fixtures: `test('…', async ({ aws, sftpPartner }) => …)`.
 * Made on first use, so that importing the kit outside a test run (the plugin in
 * vitest.config.ts) does not call `test.extend` where vitest forbids it.
 */
export const test: PartnerHarnessTest = new Proxy(function partnerHarnessTest() {} as unknown as PartnerHarnessTest, {
  apply: (_target, thisArg, args) => Reflect.apply(extendedTest() as unknown as (...args: unknown[]) => unknown, thisArg, args),
  get: (_target, property) => Reflect.get(extendedTest(), property),
  has: (_target, property) => Reflect.has(extendedTest(), property),
});

/** The same as `test`, for suites written with `it`. */
export const it: PartnerHarnessTest = test;
