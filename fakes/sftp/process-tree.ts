import { readdirSync, readFileSync } from 'node:fs';

/** `pid`'s parent and state from /proc (Linux), or undefined when it is gone or a zombie. */
function readStat(pid: number): { ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm is in parentheses and may contain spaces; the fields after the last ')' are fixed.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return state === 'Z' ? undefined : { ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  return readStat(pid) !== undefined;
}

/**
 * `root` and every live process below it. sshd forks a monitor per connection and that calls
 * setsid(), so a process-group kill misses them; once the listener dies they are reparented
 * and lost, so the tree is read before anything is killed.
 */
export function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) parents.set(Number(name), stat.ppid);
  }
  if (!parents.has(root)) return [];
  const found = [root];
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (found.includes(ppid) && !found.includes(pid)) {
        found.push(pid);
        grew = true;
      }
    }
  }
  return found;
}

/** Signals each of `pids` that still lives; gone ones are ignored. */
export function signalAll(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already exited.
    }
  }
}
