import { describe, expect, it } from 'vitest';
import { HeapGrowthLimit, oldGenerationBytes } from './heap-growth-limit.ts';

const MiB = 1024 * 1024;

/** Objects that live long enough to be promoted to the old generation (large arrays go there at once). */
function garbage(mib: number): unknown[] {
  return Array.from({ length: mib }, () => new Array(MiB / 8).fill(0.5));
}

describe('HeapGrowthLimit', () => {
  it('leaves the heap alone while the old generation grew less than the limit', () => {
    const limit = new HeapGrowthLimit(64 * MiB);
    const kept = garbage(4);
    expect(limit.check()).toBe(false);
    expect(kept).toHaveLength(4);
  });

  it('collects once the old generation grew past the limit, and gives back what was garbage', () => {
    const limit = new HeapGrowthLimit(8 * MiB);
    const before = oldGenerationBytes();
    // Large arrays start in the young generation's large-object space and reach the old one only
    // as scavenges promote them: far more than the young generation holds makes most of them old.
    let dropped: unknown[] | undefined = garbage(96);
    const grown = oldGenerationBytes();
    expect(grown - before).toBeGreaterThan(32 * MiB);
    dropped = undefined;
    expect(dropped).toBeUndefined();
    expect(limit.check()).toBe(true);
    expect(oldGenerationBytes()).toBeLessThan(before + 8 * MiB);
    // Counted again from the collection: no second one without new growth.
    expect(limit.check()).toBe(false);
  });

  it('does not leave a gc global behind for other code', () => {
    expect(new HeapGrowthLimit(0).check()).toBe(true);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
