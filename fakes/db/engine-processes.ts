import { readdirSync, readFileSync } from 'node:fs';

/** Test helper: the engine processes below this one, read from /proc (Linux only). */
export interface EngineProcessInfo {
  pid: number;
  ppid: number;
  comm: string;
  args: string[];
}

const ENGINE_NAMES = ['postgres', 'mariadbd', 'mysqld'];

function readProcess(pid: number): EngineProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm is in parentheses and may contain spaces; the fields after the last ')' are fixed.
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === 'Z') return undefined;
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { pid, ppid: Number(ppid), comm, args };
  } catch {
    return undefined;
  }
}

/** Every live (non-zombie) engine process descending from `root` (default: this process). */
export function engineDescendants(root = process.pid): EngineProcessInfo[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((info): info is EngineProcessInfo => info !== undefined);
  const found: EngineProcessInfo[] = [];
  const parents = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const info of all) {
      if (parents.has(info.ppid) && !parents.has(info.pid)) {
        parents.add(info.pid);
        grew = true;
        if (ENGINE_NAMES.includes(info.comm)) found.push(info);
      }
    }
  }
  return found;
}

export function isAlive(pid: number): boolean {
  return readProcess(pid) !== undefined;
}

/** The data directory an engine was started with (`-D dir` or `--datadir=dir`). */
export function dataDirOf(info: EngineProcessInfo): string | undefined {
  const d = info.args.indexOf('-D');
  if (d >= 0) return info.args[d + 1];
  return info.args.find((arg) => arg.startsWith('--datadir='))?.slice('--datadir='.length);
}
