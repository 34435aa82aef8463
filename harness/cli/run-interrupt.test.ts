import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunInterrupt } from './run-interrupt.ts';

const listening = (signal: NodeJS.Signals) => process.listeners(signal).length;

describe('RunInterrupt', () => {
  let interrupt: RunInterrupt | undefined;
  afterEach(() => interrupt?.dispose());

  it('asks the run to stop on the first signal, and exits 130 on the second after the synchronous cleanup', () => {
    const said: string[] = [];
    interrupt = new RunInterrupt((text) => said.push(text));
    const stop = vi.fn();
    const cleanup = vi.fn();
    interrupt.whenInterrupted(stop);
    interrupt.onForcedExit(cleanup);
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    try {
      process.emit('SIGINT', 'SIGINT');
      expect(interrupt.interrupted).toBe(true);
      expect(stop).toHaveBeenCalledOnce();
      expect(said.join('')).toContain('press Ctrl-C again to exit at once');
      expect(exit).not.toHaveBeenCalled();
      process.emit('SIGTERM', 'SIGTERM');
      expect(cleanup).toHaveBeenCalledOnce();
      expect(exit).toHaveBeenCalledWith(130);
    } finally {
      exit.mockRestore();
    }
  });

  it('runs stop at once when the signal came before there was anything to stop', () => {
    interrupt = new RunInterrupt(() => undefined);
    process.emit('SIGINT', 'SIGINT');
    const stop = vi.fn();
    interrupt.whenInterrupted(stop);
    expect(stop).toHaveBeenCalledOnce();
  });

  it('removes the signal listeners something installs while it is created (vitest exits 1 ms after SIGINT)', async () => {
    const before = [listening('SIGINT'), listening('SIGTERM')];
    const created = await RunInterrupt.withoutOwnSignalHandling(async () => {
      process.once('SIGINT', () => process.exit(130));
      await new Promise((resolve) => setTimeout(resolve, 1));
      process.on('SIGTERM', () => process.exit(143));
      return 'created';
    });
    expect(created).toBe('created');
    expect([listening('SIGINT'), listening('SIGTERM')]).toEqual(before);
  });

  it('stops listening when disposed', () => {
    const before = listening('SIGINT');
    interrupt = new RunInterrupt(() => undefined);
    expect(listening('SIGINT')).toBe(before + 1);
    interrupt.dispose();
    expect(listening('SIGINT')).toBe(before);
  });
});
