import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { WatchedProcess } from './watched-process.ts';

class Lines extends WatchedProcess {
  readonly chunks: string[] = [];
  protected override onOutput(chunk: string): void {
    this.chunks.push(chunk);
  }
}

describe('WatchedProcess', () => {
  it('keeps what the process prints on stdout and stderr, and its exit', async () => {
    const child = spawn(process.execPath, ['-e', 'console.log("out line"); console.error("err line"); process.exit(3)'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const watched = new Lines(child, 'node');
    expect(watched.pid).toBe(child.pid);
    expect(watched.exit).toBeUndefined();
    expect(await watched.exited).toEqual({ code: 3, signal: null });
    expect(watched.exit).toEqual({ code: 3, signal: null });
    expect(watched.log.lines().sort()).toEqual(['err line', 'out line']);
    expect(watched.chunks.join('')).toContain('out line');
  });

  it('settles its exit when the command cannot be spawned, saying why in the log', async () => {
    const child = spawn('/nonexistent/partner-harness-tool', [], { stdio: ['ignore', 'pipe', 'pipe'] });
    const watched = new WatchedProcess(child, '/nonexistent/partner-harness-tool');
    expect(await watched.exited).toEqual({ code: null, signal: null });
    expect(watched.log.lines()).toEqual([expect.stringMatching(/^spawn \/nonexistent\/partner-harness-tool: .*ENOENT/)]);
  });
});
