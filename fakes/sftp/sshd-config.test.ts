import { describe, expect, it } from 'vitest';
import { Transcript } from '../shared/transcript.ts';
import type { ProcessSftpFakeConfig } from './launch-sshd.ts';
import { DEFAULT_LOGIN_GRACE_TIME_MS, DEFAULT_MAX_STARTUPS } from './login-limits.ts';
import { sshdContainerBundle } from './sshd-container-bundle.ts';
import { renderSshdConfig } from './sshd-config.ts';
import { SshdLogTranscript } from './sshd-log.ts';

const config = (overrides: Partial<ProcessSftpFakeConfig> = {}): ProcessSftpFakeConfig => ({
  host: '127.0.0.1',
  port: 0,
  users: new Map(),
  hostKeys: [],
  algorithms: {},
  faults: [],
  loginGraceTimeMs: DEFAULT_LOGIN_GRACE_TIME_MS,
  maxStartups: { ...DEFAULT_MAX_STARTUPS },
  ...overrides,
});

const containerSshdConfig = (overrides: Partial<ProcessSftpFakeConfig>) =>
  sshdContainerBundle(config(overrides)).find((file) => file.target.endsWith('/sshd_config'))!.content.split('\n');

describe('sshd_config login limits', () => {
  it("writes sshd's defaults explicitly", () => {
    const lines = renderSshdConfig({
      host: '127.0.0.1',
      port: 2222,
      hostKeyFiles: [],
      pidFile: '/tmp/pid',
      authorizedKeysDir: '/tmp/keys',
      chrootDir: '/tmp/chroots',
      algorithms: {},
      users: [],
      refuseLogin: false,
      rejectSftp: false,
      loginGraceTimeSeconds: 120,
      maxStartups: { ...DEFAULT_MAX_STARTUPS },
      hasPerSourcePenalties: false,
    }).split('\n');
    expect(lines).toContain('LoginGraceTime 120');
    expect(lines).toContain('MaxStartups 10:30:100');
  });

  it('passes the configured limits to the container, in whole seconds rounded up', () => {
    const lines = containerSshdConfig({ loginGraceTimeMs: 1500, maxStartups: { start: 2, rate: 50, full: 4 } });
    expect(lines).toContain('LoginGraceTime 2');
    expect(lines).toContain('MaxStartups 2:50:4');
    expect(containerSshdConfig({ loginGraceTimeMs: 0 })).toContain('LoginGraceTime 0');
  });
});

describe('SshdLogTranscript login limits', () => {
  it("records sshd's MaxStartups drops and (newer sshd's) grace-time timeouts", () => {
    const transcript = new Transcript();
    const parser = new SshdLogTranscript(transcript, { users: new Map(), refuseLogin: false });
    parser.line('Connection from 127.0.0.1 port 40001 on 127.0.0.1 port 2222 rdomain ""');
    parser.line('drop connection #2 from [127.0.0.1]:40002 on [127.0.0.1]:2222 past MaxStartups');
    parser.line('Timeout before authentication for 127.0.0.1 port 40001');
    expect(transcript.entries().map(({ kind, detail }) => ({ kind, detail }))).toEqual([
      { kind: 'connection', detail: { connection: 1, remoteAddress: '127.0.0.1', remotePort: 40001 } },
      { kind: 'dropped', detail: { reason: 'MaxStartups', unauthenticated: 2, remoteAddress: '127.0.0.1', remotePort: 40002 } },
      { kind: 'timed-out', detail: { connection: 1, reason: 'LoginGraceTime' } },
      { kind: 'disconnect', detail: { connection: 1 } },
    ]);
  });
});
