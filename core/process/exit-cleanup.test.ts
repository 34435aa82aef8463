import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const exitCleanup = new URL('./exit-cleanup.ts', import.meta.url).href;

/** Runs `body` in a fresh Node process with onProcessExit imported; resolves with its stdout. */
function runScript(body: string, signal?: NodeJS.Signals): Promise<{ stdout: string; signal: NodeJS.Signals | null }> {
  const script = `const { onProcessExit, leaveSignalsTo } = await import(${JSON.stringify(exitCleanup)});\n${body}`;
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 20_000 }, (_error, stdout) =>
      resolve({ stdout, signal: child.signalCode }),
    );
    if (signal) child.stdout!.once('data', () => child.kill(signal));
  });
}

describe('onProcessExit', () => {
  it('runs the cleanups on exit, last registered first, but not one that was unregistered', async () => {
    const { stdout } = await runScript(`
      onProcessExit(() => process.stdout.write('dir removed\\n'));
      const forget = onProcessExit(() => process.stdout.write('never\\n'));
      onProcessExit(() => process.stdout.write('engine killed\\n'));
      forget();
      process.exit(0);
    `);
    expect(stdout).toBe('engine killed\ndir removed\n');
  });

  it('runs them on SIGTERM, then lets the signal end the process as it would have', async () => {
    const { stdout, signal } = await runScript(`
      onProcessExit(() => process.stdout.write('cleaned\\n'));
      process.stdout.write('ready\\n');
      setInterval(() => undefined, 1000);
    `, 'SIGTERM');
    expect(stdout).toBe('ready\ncleaned\n');
    expect(signal).toBe('SIGTERM');
  });

  it('leaves a signal to the handler that took it: the cleanups run when that handler exits, after its own work', async () => {
    const { stdout, signal } = await runScript(`
      onProcessExit(() => process.stdout.write('engines killed\\n'));
      leaveSignalsTo(['SIGTERM']);
      process.on('SIGTERM', () => setTimeout(() => { process.stdout.write('run stopped\\n'); process.exit(130); }, 50));
      process.stdout.write('ready\\n');
      setInterval(() => undefined, 1000);
    `, 'SIGTERM');
    expect(stdout).toBe('ready\nrun stopped\nengines killed\n');
    expect(signal).toBeNull();
  });
});
