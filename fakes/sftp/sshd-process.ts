import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive, LogTail, processTree, signalAll, WatchedProcess } from '../../core/process/index.ts';
import { SSHD } from './sftp-runtime.ts';
import { FakeStartError } from '../../core/errors/index.ts';

/** One `sshd -D -e` in the foreground: its PID, its log lines and its exit. */
export class SshdProcess extends WatchedProcess {
  readonly #onLine: (line: string) => void;
  #partial = '';
  /** sshd said it bound its port. Until then an ident on that port may be another server's. */
  #listening = false;

  constructor(configFile: string, onLine: (line: string) => void) {
    // -D: stay in the foreground, so the PID is sshd's; -e: log to stderr, which we read.
    super(spawn(SSHD, ['-D', '-e', '-f', configFile], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C', LANG: 'C' } }), SSHD, new LogTail(60));
    this.#onLine = onLine;
  }

  protected override onOutput(chunk: string): void {
    const lines = (this.#partial + chunk).split(/\r?\n/);
    this.#partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim() === '') continue;
      if (line.startsWith('Server listening on ')) this.#listening = true;
      this.#onLine(line);
    }
  }

  /** Polls until sshd has logged that it listens and answers on `port` with its `SSH-2.0-` line, which it returns. */
  async waitForIdent(host: string, port: number, deadlineMs: number, onProbe: (localPort: number) => void): Promise<string> {
    const deadline = performance.now() + deadlineMs;
    for (;;) {
      if (this.exit) throw new FakeStartError(`sshd exited during start-up (${this.exit.code ?? this.exit.signal}); its log ends:\n  ${this.log.lines().join('\n  ')}`);
      const ident = this.#listening ? await readIdent(host, port, onProbe) : undefined;
      if (ident) return ident;
      if (performance.now() > deadline) throw new FakeStartError(`sshd did not answer on ${host}:${port} within ${deadlineMs} ms; its log ends:\n  ${this.log.lines().join('\n  ')}`);
      await Promise.race([sleep(20), this.exited]);
    }
  }

  /**
   * SIGTERM to sshd and every per-connection process below it (they call setsid(), so the
   * listener's death alone leaves them running), then SIGKILL whatever remains after `timeoutMs`.
   */
  async stop(timeoutMs = 5_000): Promise<void> {
    const tree = this.child.pid === undefined || this.exit ? [] : processTree(this.child.pid);
    signalAll(tree, 'SIGTERM');
    const deadline = performance.now() + timeoutMs;
    while (tree.some(isAlive) && performance.now() < deadline) await sleep(10);
    signalAll(tree.filter(isAlive), 'SIGKILL');
    await this.exited;
    while (tree.some(isAlive)) await sleep(10);
  }

  /** For the process 'exit' hook: no waiting possible, so no grace period either. */
  killNow(): void {
    if (!this.exit && this.child.pid !== undefined) signalAll(processTree(this.child.pid), 'SIGKILL');
  }
}

/** sshd's first line, or undefined when nothing listens yet. */
function readIdent(host: string, port: number, onProbe: (localPort: number) => void): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    let text = '';
    const done = (ident?: string) => {
      socket.destroy();
      resolve(ident);
    };
    socket.setTimeout(2_000, () => done());
    socket.once('connect', () => onProbe(socket.localPort ?? 0));
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const end = text.indexOf('\n');
      if (end !== -1) done(text.slice(0, end).replace(/\r$/, ''));
    });
    socket.once('error', () => done());
    socket.once('end', () => done());
  });
}
