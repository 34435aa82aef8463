import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SftpFake } from './sftp-fake.ts';
import { isSftpRuntimeAvailable } from './sftp-runtime.ts';
import type { StartedSftpFake } from './started-sftp-fake.ts';
import { call, connectRaw, connectSsh, openSftp, serverIdent } from './ssh-test-client.ts';

const PASSWORD = 'plim-Pw-51c2d8';
// Distinct from other suites' names: OS users are machine-wide, and test files run in parallel.
const ALICE = 'plim-alice';
const sshdFake = () => new SftpFake().withRuntime('process');
const entries = (sftp: StartedSftpFake, kind: string) => sftp.getTranscript().filter((e) => e.kind === kind);

describe("SftpFake LoginGraceTime and MaxStartups in runtime 'process' (OpenSSH sshd)", () => {
  beforeAll(() => {
    const { available, reason } = isSftpRuntimeAvailable('process');
    // Fail, never skip: CI must install openssh-server and run as root.
    if (!available) throw new Error(`runtime 'process' is not available here: ${reason}`);
  });

  it('sshd closes connections that do not log in within LoginGraceTime, and not one that did', async () => {
    // sshd counts whole seconds.
    await using sftp = await sshdFake().withUser(ALICE, { password: PASSWORD }).withLoginGraceTime(1000).start();
    const silent = await connectRaw(sftp);
    const stalled = await connectRaw(sftp);
    stalled.socket.write('SSH-2.0-StallingClient_1.0\r\n');
    const client = await connectSsh(sftp, { username: ALICE, password: PASSWORD });
    for (const closedAfter of await Promise.all([silent.closed, stalled.closed])) {
      expect(closedAfter).toBeGreaterThan(700);
      expect(closedAfter).toBeLessThan(10_000);
    }
    expect(await serverIdent(silent)).toMatch(/^SSH-2\.0-OpenSSH_/);
    expect(entries(sftp, 'config-adjusted')).toEqual([]);
    // Well past the grace time, the logged-in session still works.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const session = await openSftp(client);
    expect(await call<string>((cb) => session.realpath('.', cb))).toBe('/');
    client.end();
  });

  it('sshd drops connections past MaxStartups without an ident, and accepts again once they close', async () => {
    await using sftp = await sshdFake().withMaxStartups({ start: 2, rate: 30, full: 2 }).start();
    const first = await connectRaw(sftp);
    expect(await serverIdent(first)).toMatch(/^SSH-2\.0-OpenSSH_/);
    const second = await connectRaw(sftp);
    expect(await serverIdent(second)).toMatch(/^SSH-2\.0-OpenSSH_/);
    const third = await connectRaw(sftp);
    await third.closed;
    expect(third.received()).toBe('Exceeded MaxStartups\r\n');
    await vi.waitFor(() => expect(entries(sftp, 'dropped').map((e) => e.detail)).toEqual([expect.objectContaining({ reason: 'MaxStartups', unauthenticated: 2 })]));

    first.socket.destroy();
    second.socket.destroy();
    // sshd counts a connection until its process has exited, a moment after it logs the close.
    await vi.waitFor(
      async () => {
        const again = await connectRaw(sftp);
        try {
          expect(await serverIdent(again)).toMatch(/^SSH-2\.0-OpenSSH_/);
        } finally {
          again.socket.destroy();
        }
      },
      { timeout: 10_000, interval: 100 },
    );
  });
});
