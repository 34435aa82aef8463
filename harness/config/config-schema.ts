import { z } from 'zod';
import { containerSettingsProblems } from '../../fakes/container/container-settings.ts';
import { FAKE_RUNTIMES } from '../../fakes/shared/fake-kind.ts';

/** Checks a loaded config; unknown keys are errors, so a typo never silently falls back to a default. */
export const configSchema = z
  .object({
    scenarios: z.array(z.string().min(1, 'a folder, file or glob, relative to the config file')).min(1, 'give at least one folder, file or glob, e.g. scenarios').optional(),
    outDir: z.string().min(1, 'a folder, relative to the config file').optional(),
    runtime: z.enum(FAKE_RUNTIMES as [string, ...string[]]).optional(),
    mode: z.enum(['emulated', 'aws']).optional(),
    fakes: z.array(z.unknown()).readonly().optional(),
    containers: z
      .unknown()
      .superRefine((value, context) => {
        for (const problem of containerSettingsProblems(value)) context.addIssue({ code: 'custom', message: problem.message, path: problem.path ? problem.path.split('.') : [] });
      })
      .optional(),
    messages: z.string().min(1, 'a messages file written by partner-harness calibrate, relative to the config file').optional(),
  })
  .strict();

export const CONFIG_KEYS = Object.keys(configSchema.shape);
