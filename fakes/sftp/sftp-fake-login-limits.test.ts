import { describe, expect, it, vi } from 'vitest';
import { SftpFake } from './sftp-fake.ts';
import type { StartedSftpFake } from './started-sftp-fake.ts';
import { call, connectRaw, connectSsh, openSftp, serverIdent } from './ssh-test-client.ts';

const PASSWORD = 'limits-test-password';
const fake = () => new SftpFake().withUser('alice', { password: PASSWORD });
const entries = (sftp: StartedSftpFake, kind: string) => sftp.getTranscript().filter((e) => e.kind === kind);

describe('SftpFake LoginGraceTime (embedded)', () => {
  it('closes connections that do not log in in time, and not one that did', async () => {
    await using sftp = await fake().withLoginGraceTime(300).start();
    const silent = await connectRaw(sftp);
    const stalled = await connectRaw(sftp);
    stalled.socket.write('SSH-2.0-StallingClient_1.0\r\n');
    const client = await connectSsh(sftp, { username: 'alice', password: PASSWORD });
    // Generous bounds: the timer runs from the server's accept, a hair before the client's 'connect'.
    for (const closedAfter of await Promise.all([silent.closed, stalled.closed])) {
      expect(closedAfter).toBeGreaterThan(250);
      expect(closedAfter).toBeLessThan(5_000);
    }
    expect(await serverIdent(silent)).toMatch(/^SSH-2\.0-/);
    expect(entries(sftp, 'timed-out').map((e) => e.detail)).toEqual([
      { connection: 1, reason: 'LoginGraceTime', ms: 300 },
      { connection: 2, reason: 'LoginGraceTime', ms: 300 },
    ]);
    // Three grace periods later the logged-in session still works.
    await new Promise((resolve) => setTimeout(resolve, 900));
    const session = await openSftp(client);
    expect(await call<string>((cb) => session.realpath('.', cb))).toBe('/');
    client.end();
  });

  it('0 means no limit', async () => {
    await using sftp = await fake().withLoginGraceTime(0).start();
    const silent = await connectRaw(sftp);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(silent.socket.destroyed).toBe(false);
    silent.socket.destroy();
  });

  it('leaves a connection held by the hang fault alone (the other runtimes hold it in front of sshd)', async () => {
    await using sftp = await fake().withLoginGraceTime(200).withFault({ kind: 'hang' }).start();
    const held = await connectRaw(sftp);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(held.socket.destroyed).toBe(false);
    expect(entries(sftp, 'timed-out')).toEqual([]);
    held.socket.destroy();
  });
});

describe('SftpFake MaxStartups (embedded)', () => {
  it('at full, drops new connections without an ident while logged-in ones do not count; accepts again once they close', async () => {
    await using sftp = await fake().withMaxStartups({ start: 2, rate: 30, full: 2 }).start();
    const client = await connectSsh(sftp, { username: 'alice', password: PASSWORD });
    const first = await connectRaw(sftp);
    expect(await serverIdent(first)).toMatch(/^SSH-2\.0-/);
    const second = await connectRaw(sftp);
    expect(await serverIdent(second)).toMatch(/^SSH-2\.0-/);
    const third = await connectRaw(sftp);
    await third.closed;
    // sshd 9.x writes this one line instead of its ident, then closes.
    expect(third.received()).toBe('Exceeded MaxStartups\r\n');
    expect(entries(sftp, 'dropped').map((e) => e.detail)).toEqual([{ connection: 4, reason: 'MaxStartups', unauthenticated: 2 }]);

    first.socket.destroy();
    second.socket.destroy();
    await Promise.all([first.closed, second.closed]);
    await vi.waitFor(() => expect(entries(sftp, 'disconnect').length).toBeGreaterThanOrEqual(3));
    const again = await connectRaw(sftp);
    expect(await serverIdent(again)).toMatch(/^SSH-2\.0-/);
    again.socket.destroy();
    const session = await openSftp(client);
    expect(await call<string>((cb) => session.realpath('.', cb))).toBe('/');
    client.end();
  });

  it("sshd's default (10:30:100) never drops the first 10", async () => {
    await using sftp = await fake().start();
    const clients = [];
    for (let i = 0; i < 10; i++) clients.push(await connectRaw(sftp));
    for (const client of clients) expect(await serverIdent(client)).toMatch(/^SSH-2\.0-/);
    expect(entries(sftp, 'dropped')).toEqual([]);
    for (const client of clients) client.socket.destroy();
  });
});
