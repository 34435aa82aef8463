import { z } from 'zod';

const direction = z.enum(['upstream', 'downstream', 'both']).optional();

/**
 * A network fault between the emulator and a fake, written as `{ target: FAKE, <fault>: … }`,
 * e.g. `{ target: partner, latency: 3000 }`. The emulator then reaches that fake only through an
 * in-process TCP fault proxy (fakes/net).
 */
export const networkFaultSchema = z
  .object({
    target: z.string(),
    latency: z.number().int().nonnegative().optional(),
    jitter: z.number().int().nonnegative().optional(),
    bandwidth: z.number().int().positive().optional(),
    resetAfter: z.number().int().nonnegative().optional(),
    resetOnAccept: z.literal(true).optional(),
    blackhole: z.literal(true).optional(),
    refuse: z.literal(true).optional(),
    slowClose: z.number().int().nonnegative().optional(),
    timeout: z.number().int().nonnegative().optional(),
    direction,
  })
  .strict()
  .refine(
    (fault) =>
      ['latency', 'bandwidth', 'resetAfter', 'resetOnAccept', 'blackhole', 'refuse', 'slowClose', 'timeout'].filter(
        (key) => fault[key as keyof typeof fault] !== undefined,
      ).length === 1,
    { message: 'give exactly one fault: latency, bandwidth, resetAfter, resetOnAccept, blackhole, refuse, slowClose or timeout' },
  );

export type NetworkFaultConfig = z.output<typeof networkFaultSchema>;
