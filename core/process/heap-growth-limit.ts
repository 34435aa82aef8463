import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MiB = 1024 * 1024;

/**
 * Bounds how far this process's old generation grows between full garbage collections, so a run
 * of 1,000 scenarios peaks no higher than one of 100.
 *
 * What a run keeps per scenario is small (a vitest worker ~5 MB over 500 scenarios), but
 * V8 lets the old generation fill to about twice what was live after its last full collection
 * before it collects again, and the resident memory it took is kept: a worker's heap grew from
 * 55 to 106 MB with 35 MB live, its resident memory from 133 to 183 MiB. Calling `check()` after
 * each scenario collects once the old generation has grown `growthBytes` since the least it held.
 * One collection takes 30 to 110 ms; a worker made 2 to 4 over 500 scenarios.
 */
export class HeapGrowthLimit {
  /** Fetched at the first collection: a short run never needs it. */
  #collect?: () => void;
  #least = oldGenerationBytes();

  constructor(readonly growthBytes = 16 * MiB) {}

  /** Collects now if the old generation grew past the limit; returns whether it did. */
  check(): boolean {
    const used = oldGenerationBytes();
    // V8's own collections lower it too: growth counts from the least seen since the last one of ours.
    this.#least = Math.min(this.#least, used);
    if (used - this.#least < this.growthBytes) return false;
    (this.#collect ??= garbageCollector())();
    this.#least = oldGenerationBytes();
    return true;
  }
}

/** What the old generation (old objects and large ones) holds now, live or garbage not yet collected. */
export function oldGenerationBytes(): number {
  return getHeapSpaceStatistics()
    .filter((space) => space.space_name === 'old_space' || space.space_name === 'large_object_space')
    .reduce((sum, space) => sum + space.space_used_size, 0);
}

/**
 * V8's full collection. Node shows it only with --expose-gc, which the flag gives to contexts made
 * after it is set: one is made to fetch it, then the flag is set back, as jest does for
 * --logHeapUsage (jest-leak-detector), so no other code sees a `gc` it did not ask for.
 */
function garbageCollector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  setFlagsFromString('--expose-gc');
  try {
    return runInNewContext('gc') as () => void;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
