import { spawn, type ChildProcess } from 'node:child_process';
import { isAlive, onProcessExit, WatchedProcess } from '../../core/process/index.ts';
import type { EngineUser } from './engine-user.ts';
import { FakeStartError } from '../../core/errors/index.ts';

export interface EngineCommand {
  command: string;
  args: string[];
  user: EngineUser;
  /** Extra environment; the engine always gets the C locale so its messages are the English ones clients match. */
  env?: Record<string, string>;
}

function spawnAs({ command, args, user, env }: EngineCommand): ChildProcess {
  return spawn(command, args, {
    detached: false,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'C', LANG: 'C', ...env },
    ...(user.uid === undefined ? {} : { uid: user.uid, gid: user.gid }),
  });
}

/** A long-running engine process (postgres, mariadbd): its PID, its log and its exit. */
export class EngineProcess extends WatchedProcess {
  constructor(command: EngineCommand) {
    super(spawnAs(command), command.command);
  }

  /** Sends `signal`, then SIGKILL if the process is still there after `timeoutMs`. */
  async stop(signal: NodeJS.Signals, timeoutMs = 10_000): Promise<void> {
    if (this.exit) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  /**
   * For the process 'exit' hook, where nothing can be awaited: sends `signal`, then blocks up to
   * `waitMs` until the process is gone (Linux /proc), so that its data directory, removed next,
   * is not written to meanwhile (Postgres's immediate shutdown still takes some ms).
   */
  killNow(signal: NodeJS.Signals, waitMs = 0): void {
    const pid = this.child.pid;
    if (this.exit || pid === undefined) return;
    process.kill(pid, signal);
    const deadline = Date.now() + waitMs;
    const nap = new Int32Array(new SharedArrayBuffer(4));
    while (isAlive(pid) && Date.now() < deadline) Atomics.wait(nap, 0, 0, 10);
  }
}

/** Runs a one-shot tool (initdb, mariadb-install-db, openssl) and fails with its output tail. */
export async function runTool(command: EngineCommand, what: string, secrets: readonly string[] = []): Promise<void> {
  const tool = new EngineProcess(command);
  // initdb writing into a work dir that an interrupt is removing would outlive us and leave it.
  const unregister = onProcessExit(() => tool.killNow('SIGKILL'));
  const { code, signal } = await tool.exited.finally(unregister);
  if (code === 0) return;
  throw new FakeStartError(`${what} failed (${command.command} exited with ${code ?? signal ?? 'a spawn error'}):\n  ${toolFailureLines(tool.log.lines(secrets)).join('\n  ')}`);
}

const SHOWN_LINES = 15;

/**
 * The lines of a failed tool's output worth showing: from just before its first error on, else
 * its last ones. mariadb-install-db ends with 15 lines of generic advice, which hid its cause.
 */
export function toolFailureLines(lines: readonly string[]): string[] {
  const first = lines.findIndex((line) => /\b(ERROR|FATAL|PANIC)\b|\berror:/.test(line));
  if (first < 0) return lines.slice(-SHOWN_LINES);
  const from = Math.max(0, first - 2);
  return lines.slice(from, from + SHOWN_LINES);
}

