import { readdirSync, readFileSync } from 'node:fs';

/**
 * Watches a process and its descendants through /proc and keeps each one's peak resident memory
 * (VmHWM, which only grows, so the last reading before a process exits is its peak). Linux only.
 */
export class ProcessTreePeak {
  readonly #peaks = new Map<number, number>();
  readonly #timer: NodeJS.Timeout;

  constructor(readonly rootPid: number, intervalMs = 10) {
    this.#timer = setInterval(() => this.#sample(), intervalMs);
    this.#sample();
  }

  /**
   * Stops watching; returns, in MiB, the largest single process's peak, the sum of all peaks, and
   * the peaks of the root process and of the largest of its descendants (which one grows).
   */
  stop(): { largestMiB: number; sumMiB: number; rootMiB: number; largestChildMiB: number } {
    clearInterval(this.#timer);
    const peaks = [...this.#peaks.values()];
    const children = [...this.#peaks].filter(([pid]) => pid !== this.rootPid).map(([, kb]) => kb);
    const mib = (kb: number) => kb / 1024;
    return {
      largestMiB: mib(Math.max(0, ...peaks)),
      sumMiB: mib(peaks.reduce((a, b) => a + b, 0)),
      rootMiB: mib(this.#peaks.get(this.rootPid) ?? 0),
      largestChildMiB: mib(Math.max(0, ...children)),
    };
  }

  #sample(): void {
    const children = new Map<number, number[]>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = read(`/proc/${entry}/stat`);
      // The command name may hold spaces and parentheses: the parent pid follows the last ')'.
      const parent = stat && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    }
    const queue = [this.rootPid];
    while (queue.length > 0) {
      const pid = queue.pop()!;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? '');
      if (hwm) this.#peaks.set(pid, Math.max(this.#peaks.get(pid) ?? 0, Number(hwm[1])));
      queue.push(...(children.get(pid) ?? []));
    }
  }
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process exited between listing and reading
  }
}
