/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns the sorted durations in ms. */
export async function measure(fn: () => Promise<unknown>, { runs, warmup }: { runs: number; warmup: number }): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}

/**
 * Like measure(), for several functions at once, taking turns (in alternating order) so that a
 * noisy machine slows each of them alike: ratios between them are then fair. Sorted durations by name.
 */
export async function measureSideBySide<Name extends string>(fns: Record<Name, () => Promise<unknown>>, { runs, warmup }: { runs: number; warmup: number }): Promise<Record<Name, number[]>> {
  const names = Object.keys(fns) as Name[];
  for (let i = 0; i < warmup; i++) for (const name of names) await fns[name]();
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let i = 0; i < runs; i++) {
    for (const name of i % 2 === 0 ? names : [...names].reverse()) {
      const start = process.hrtime.bigint();
      await fns[name]();
      samples[name].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  for (const name of names) samples[name].sort((a, b) => a - b);
  return samples;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function formatRow(name: string, sorted: number[], note = ''): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);
  return `${name.padEnd(52)}${ms(percentile(sorted, 50))}${ms(percentile(sorted, 90))}  ${note}`;
}
