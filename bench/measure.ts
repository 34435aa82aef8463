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

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function formatRow(name: string, sorted: number[], note = ''): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);
  return `${name.padEnd(52)}${ms(percentile(sorted, 50))}${ms(percentile(sorted, 90))}  ${note}`;
}
