import { descendants, readArgs } from '../../core/process/index.ts';

export { isAlive } from '../../core/process/index.ts';

/** Test helper: the engine processes below this one, read from /proc (Linux only). */
export interface EngineProcessInfo {
  pid: number;
  ppid: number;
  comm: string;
  args: string[];
}

const ENGINE_NAMES = ['postgres', 'mariadbd', 'mysqld'];

/** Every live (non-zombie) engine process descending from `root` (default: this process). */
export function engineDescendants(root = process.pid): EngineProcessInfo[] {
  return descendants(root)
    .filter((info) => ENGINE_NAMES.includes(info.comm))
    .map((info) => ({ ...info, args: readArgs(info.pid) }));
}

/** The data directory an engine was started with (`-D dir` or `--datadir=dir`). */
export function dataDirOf(info: EngineProcessInfo): string | undefined {
  const d = info.args.indexOf('-D');
  if (d >= 0) return info.args[d + 1];
  return info.args.find((arg) => arg.startsWith('--datadir='))?.slice('--datadir='.length);
}
