import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeStartError, InvalidKeyError, InvalidOptionError, RuntimeUnavailableError } from '../../core/errors/index.ts';
import { ConfigError } from '../config/config-error.ts';
import { UsageError } from './exit-codes.ts';

const runCommand = vi.hoisted(() => vi.fn<(args: string[]) => Promise<number>>());
vi.mock('./run-command.ts', () => ({ runCommand, runUsage: 'run usage' }));
const { main } = await import('./main.ts');

function captureStderr(): { text: () => string } {
  let text = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((text += String(chunk)), true));
  return { text: () => text };
}

afterEach(() => vi.restoreAllMocks());

describe('main', () => {
  it('turns a usage mistake into its message and exit code 2', async () => {
    const stderr = captureStderr();
    runCommand.mockRejectedValueOnce(new UsageError('--shard 3/2: the part must be between 1 and 2, e.g. --shard 1/2.'));
    expect(await main(['run', '--shard', '3/2'])).toBe(2);
    expect(stderr.text()).toBe('partner-harness: --shard 3/2: the part must be between 1 and 2, e.g. --shard 1/2.\n');
  });

  it('reports an unexpected failure as an internal error (exit 3) without a stack trace', async () => {
    const stderr = captureStderr();
    runCommand.mockRejectedValueOnce(new TypeError('boom'));
    expect(await main(['run'])).toBe(3);
    expect(stderr.text()).toContain('partner-harness: internal error: boom\n');
    expect(stderr.text()).not.toMatch(/^\s+at /m);
  });

  it('prints the package version for --version and -v', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      let text = '';
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((text += String(chunk)), true));
      expect(await main([flag])).toBe(0);
      expect(text).toBe(`${version}\n`);
      vi.restoreAllMocks();
    }
  });

  it('turns an invalid config into its message and exit code 2', async () => {
    const stderr = captureStderr();
    runCommand.mockRejectedValueOnce(new ConfigError('/p/partner-harness.config.ts', [{ path: 'scenario', message: "unknown field. Did you mean 'scenarios'?" }]));
    expect(await main(['run'])).toBe(2);
    expect(stderr.text()).toBe("partner-harness: Invalid config file /p/partner-harness.config.ts:\n  - scenario: unknown field. Did you mean 'scenarios'?\n");
  });

  it('tells the user’s mistakes (exit 2) from what the machine lacks or could not start (exit 3)', async () => {
    const cases: Array<[Error, number]> = [
      [new InvalidOptionError('withUser: name must not be empty'), 2],
      [new InvalidKeyError('not an OpenSSH public key'), 2],
      [new RuntimeUnavailableError('sshd not found: install openssh-server'), 3],
      [new FakeStartError('sshd exited before it listened'), 3],
    ];
    for (const [error, code] of cases) {
      const stderr = captureStderr();
      runCommand.mockRejectedValueOnce(error);
      expect(await main(['run']), error.name).toBe(code);
      expect(stderr.text()).toContain(error.message);
      vi.restoreAllMocks();
    }
  });

  it('passes the command exit code through', async () => {
    runCommand.mockResolvedValueOnce(130);
    expect(await main(['run'])).toBe(130);
  });
});
