import { describe, expect, it } from 'vitest';
import { boundRecordValue } from './bound-record-value.ts';
import { CallLog, type CallRecord } from './call-log.ts';
import { nestsDeeperThan } from './json-nesting.ts';

const record = (requestId: string): CallRecord => ({
  requestId, service: 's', operation: 'o', request: {}, httpStatus: 200, messages: [], transcript: [], diagnosis: [], durationMs: 0,
});

describe('CallLog', () => {
  it('keeps the most recent records, oldest first, and finds them by request id', () => {
    const log = new CallLog(3);
    for (const id of ['a', 'b', 'c', 'd', 'e']) log.add(record(id));
    expect(log.all().map((call) => call.requestId)).toEqual(['c', 'd', 'e']);
    expect(log.get('e')?.requestId).toBe('e');
    expect(log.get('a')).toBeUndefined();
    expect(log.get('constructor')).toBeUndefined();
    expect(log.length).toBe(3);
  });
});

describe('boundRecordValue', () => {
  it('leaves a value within the budget as it is', () => {
    const value = { a: ['x', 1, true, null], b: { c: 'yz' } };
    expect(boundRecordValue(value, 100)).toEqual(value);
  });

  it('cuts strings, lists and objects past the budget, saying how much is left out', () => {
    expect(boundRecordValue('abcdef', 4)).toBe('abcd…[2 more characters]');
    expect(boundRecordValue(['aaaa', 'bbbb', 'cccc'], 7)).toEqual(['aaaa', 'b…[3 more characters]', '…[1 more items]']);
    expect(boundRecordValue({ a: 'xx', b: 'yy', c: 'zz' }, 5)).toEqual({ a: 'xx', b: '…[2 more characters]', '…': '1 more members' });
  });

  it('keeps a key named __proto__ as a key', () => {
    const bounded = boundRecordValue(JSON.parse('{"__proto__": {"x": 1}}'), 100) as object;
    expect(Object.getPrototypeOf(bounded)).toBe(Object.prototype);
    expect(Object.keys(bounded)).toEqual(['__proto__']);
  });

  it('stays within the budget for a value of any size', () => {
    const huge = Array.from({ length: 10_000 }, (_, i) => ({ [`k${i}`]: 'v'.repeat(1_000) }));
    expect(JSON.stringify(boundRecordValue(huge, 5_000)).length).toBeLessThan(6_000);
  });
});

describe('nestsDeeperThan', () => {
  it('counts the top-level object as level 1, arrays and objects alike', () => {
    expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: [] }] }, 3)).toBe(true);
    expect(nestsDeeperThan({ a: 'x'.repeat(10) }, 1)).toBe(false);
  });

  it('measures a value nested 1,000,000 levels without recursion', () => {
    let value: unknown = 1;
    for (let i = 0; i < 1_000_000; i++) value = [value];
    expect(nestsDeeperThan(value, 100)).toBe(true);
  });
});
