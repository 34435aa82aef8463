import { z } from 'zod';
import { FAKE_RUNTIMES } from './fake-kind.ts';

/**
 * A string, or a number/boolean a YAML author typed bare (a password of digits, `yes`). Kind
 * schemas use it for values that are strings to the fake.
 */
export const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** A config's own `runtime:`, for the scenario that really needs one (real OpenSSH, say); otherwise the run's --runtime decides. */
export const fakeRuntime = z.enum(FAKE_RUNTIMES as [string, ...string[]] as ['embedded', 'process', 'container']);
