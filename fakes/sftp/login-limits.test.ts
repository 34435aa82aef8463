import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_STARTUPS, loginGraceTimeAdjustment, loginGraceTimeSeconds, parseMaxStartups, shouldDropStartup } from './login-limits.ts';
import { SftpFake } from './sftp-fake.ts';

/** A random source that always answers `r` percent. */
const percent = (r: number) => () => r / 100;

describe('MaxStartups', () => {
  it('never drops below start and always drops at full', () => {
    for (let open = 0; open < 10; open++) expect(shouldDropStartup(open, DEFAULT_MAX_STARTUPS, percent(0))).toBe(false);
    expect(shouldDropStartup(100, DEFAULT_MAX_STARTUPS, percent(99.99))).toBe(true);
    expect(shouldDropStartup(250, DEFAULT_MAX_STARTUPS, percent(99.99))).toBe(true);
    expect(shouldDropStartup(2, { start: 2, rate: 30, full: 2 }, percent(99.99))).toBe(true);
    expect(shouldDropStartup(1, { start: 2, rate: 30, full: 2 }, percent(0))).toBe(false);
  });

  it("drops between start and full with sshd's integer probability", () => {
    // At start: rate%. Then linearly to 100% at full: 30 + floor(70 * 45 / 90) = 65 at 55 open.
    const drops = (open: number, r: number) => shouldDropStartup(open, DEFAULT_MAX_STARTUPS, percent(r));
    expect([drops(10, 29), drops(10, 30)]).toEqual([true, false]);
    expect([drops(55, 64), drops(55, 65)]).toEqual([true, false]);
    expect([drops(99, 98), drops(99, 99)]).toEqual([true, false]);
    expect(shouldDropStartup(3, { start: 1, rate: 100, full: 10 }, percent(99.99))).toBe(true);
  });

  it("reads sshd_config's forms and refuses anything else", () => {
    expect(parseMaxStartups('10:30:100')).toEqual({ start: 10, rate: 30, full: 100 });
    expect(parseMaxStartups('2')).toEqual({ start: 2, rate: 30, full: 2 });
    expect(() => parseMaxStartups('10:30')).toThrow(/cannot read "10:30".*start:rate:full/);
    expect(() => parseMaxStartups(' 10')).toThrow(/cannot read/);
    expect(() => parseMaxStartups('20:30:10')).toThrow(/start \(20\) must not exceed full \(10\)/);
    expect(() => parseMaxStartups('1:0:10')).toThrow(/rate must be a whole number from 1/);
    expect(() => parseMaxStartups('1:101:10')).toThrow(/rate is a percentage/);
    expect(() => parseMaxStartups('0')).toThrow(/start must be/);
    expect(() => parseMaxStartups('99999999999')).toThrow(/start must be a whole number from 1 to 2147483647/);
  });

  it('validates the builder eagerly', () => {
    const fake = () => new SftpFake();
    expect(() => fake().withMaxStartups({ start: 3, rate: 30, full: 2 })).toThrow(/withMaxStartups: start \(3\) must not exceed full \(2\)/);
    expect(() => fake().withMaxStartups({ start: 1, rate: 0, full: 2 })).toThrow(/withMaxStartups: rate/);
    expect(() => fake().withMaxStartups({ start: 1.5, rate: 30, full: 2 })).toThrow(/withMaxStartups: start/);
    expect(() => fake().withMaxStartups({ start: 1, rate: 30, full: 2, begin: 1 } as never)).toThrow(/unknown key 'begin'/);
    expect(() => fake().withMaxStartups('10:30:100' as never)).toThrow(/expected \{ start, rate, full \}/);
    expect(() => fake().withMaxStartups({ start: 2, rate: 100, full: 2 })).not.toThrow();
  });
});

describe('LoginGraceTime', () => {
  it('takes whole milliseconds, 0 meaning no limit', () => {
    expect(() => new SftpFake().withLoginGraceTime(0).withLoginGraceTime(300)).not.toThrow();
    expect(() => new SftpFake().withLoginGraceTime(-1)).toThrow(/withLoginGraceTime: invalid -1; use whole milliseconds/);
    expect(() => new SftpFake().withLoginGraceTime(1.5)).toThrow(/whole milliseconds/);
    expect(() => new SftpFake().withLoginGraceTime(2 ** 31)).toThrow(/whole milliseconds/);
    expect(() => new SftpFake().withLoginGraceTime('120' as never)).toThrow(/whole milliseconds/);
  });

  it("rounds up to sshd's whole seconds, never down to 0 (no limit), and says so", () => {
    expect([loginGraceTimeSeconds(120_000), loginGraceTimeSeconds(300), loginGraceTimeSeconds(1001), loginGraceTimeSeconds(0)]).toEqual([120, 1, 2, 0]);
    expect(loginGraceTimeAdjustment(2000)).toBeUndefined();
    expect(loginGraceTimeAdjustment(300)).toEqual({ option: 'withLoginGraceTime', requested: 300, used: 1000, reason: 'sshd counts LoginGraceTime in whole seconds' });
  });
});
