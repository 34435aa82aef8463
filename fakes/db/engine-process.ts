import { spawn, type ChildProcess } from 'node:child_process';
import { onProcessExit, WatchedProcess } from '../../core/process/index.ts';
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

  /** For the process 'exit' hook: no waiting possible. */
  killNow(signal: NodeJS.Signals): void {
    if (!this.exit && this.child.pid !== undefined) process.kill(this.child.pid, signal);
  }
}

/** Runs a one-shot tool (initdb, mariadb-install-db, openssl) and fails with its output tail. */
export async function runTool(command: EngineCommand, what: string, secrets: readonly string[] = []): Promise<void> {
  const tool = new EngineProcess(command);
  // initdb writing into a work dir that an interrupt is removing would outlive us and leave it.
  const unregister = onProcessExit(() => tool.killNow('SIGKILL'));
  const { code, signal } = await tool.exited.finally(unregister);
  if (code === 0) return;
  const tail = tool.log.lines(secrets).slice(-15).join('\n  ');
  throw new FakeStartError(`${what} failed (${command.command} exited with ${code ?? signal ?? 'a spawn error'}):\n  ${tail}`);
}

