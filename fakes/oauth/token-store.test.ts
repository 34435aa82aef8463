import { describe, expect, it } from 'vitest';
import { TokenStore } from './token-store.ts';

const session = { clientId: 'app', user: 'u@example.com' };

describe('TokenStore', () => {
  it('expires tokens after their lifetime', () => {
    const store = new TokenStore('00D000000000001AAA', 60);
    const token = store.issue(session, 1_000);
    expect(store.check(token, 1_000)).toEqual({ state: 'valid', session });
    expect(store.check(token, 60_999).state).toBe('valid');
    expect(store.check(token, 61_000)).toEqual({ state: 'expired', session });
  });

  it('issues already-expired tokens with lifetime 0, and revokes only what was issued before', () => {
    const zero = new TokenStore('00D000000000001AAA', 0);
    expect(zero.check(zero.issue(session, 5), 5).state).toBe('expired');
    const store = new TokenStore('00D000000000001AAA', 60);
    const old = store.issue(session, Date.now());
    store.revokeAll();
    const fresh = store.issue(session, Date.now());
    expect([store.check(old).state, store.check(fresh).state, store.check(undefined).state]).toEqual(['revoked', 'valid', 'missing']);
  });
});
