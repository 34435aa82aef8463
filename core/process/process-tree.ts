import { readdirSync, readFileSync } from 'node:fs';

/** One live process as /proc (Linux) shows it. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** The executable's name, as `ps -o comm` prints it. */
  comm: string;
}

/** `pid`'s parent and name from /proc, or undefined when it is gone or a zombie. */
export function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm is in parentheses and may contain spaces; the fields after the last ')' are fixed.
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return state === 'Z' ? undefined : { pid, ppid: Number(ppid), comm };
  } catch {
    return undefined;
  }
}

/** `pid`'s command line, or [] when it is gone. */
export function readArgs(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

export function isAlive(pid: number): boolean {
  return readProcess(pid) !== undefined;
}

/** Every live process below `root` (not `root` itself), parents before children. */
export function descendants(root: number): ProcessInfo[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((info): info is ProcessInfo => info !== undefined);
  const found: ProcessInfo[] = [];
  const parents = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const info of all) {
      if (parents.has(info.ppid) && !parents.has(info.pid)) {
        parents.add(info.pid);
        found.push(info);
        grew = true;
      }
    }
  }
  return found;
}

/**
 * `root` and every live process below it. sshd forks a monitor per connection and that calls
 * setsid(), so a process-group kill misses them; once the listener dies they are reparented
 * and lost, so the tree is read before anything is killed.
 */
export function processTree(root: number): number[] {
  return isAlive(root) ? [root, ...descendants(root).map((info) => info.pid)] : [];
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
