import type { ChildProcess } from 'node:child_process';
import { LogTail } from './log-tail.ts';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * A spawned long-running process (an engine, sshd): its PID, the tail of what it printed and its
 * exit, which also settles when it could not be spawned at all. Subclasses add how it is stopped.
 */
export class WatchedProcess {
  readonly exited: Promise<Exit>;
  protected readonly child: ChildProcess;
  #exit?: Exit;

  constructor(child: ChildProcess, command: string, readonly log = new LogTail()) {
    this.child = child;
    const read = (chunk: string) => {
      this.log.push(chunk);
      this.onOutput(chunk);
    };
    child.stdout?.setEncoding('utf8').on('data', read);
    child.stderr?.setEncoding('utf8').on('data', read);
    this.exited = new Promise((resolve) => {
      child.once('error', (error) => {
        this.log.push(`spawn ${command}: ${error.message}\n`);
        this.#exit ??= { code: null, signal: null };
        resolve(this.#exit);
      });
      child.once('exit', (code, signal) => {
        this.#exit = { code, signal };
        resolve(this.#exit);
      });
    });
  }

  /** Sees each stdout/stderr chunk (UTF-8 text) after it went into `log`; it only ever arrives after construction. */
  protected onOutput(_chunk: string): void {}

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Undefined while it runs. */
  get exit(): Exit | undefined {
    return this.#exit;
  }
}
