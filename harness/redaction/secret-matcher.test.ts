import { describe, expect, it } from 'vitest';
import { SecretMatcher } from './secret-matcher.ts';

/** The definition: every character inside any occurrence of any secret is covered. */
function naiveCovered(text: string, secrets: readonly string[]): number[] {
  const covered = new Set<number>();
  for (const secret of secrets) {
    for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
      for (let i = at; i < at + secret.length; i++) covered.add(i);
    }
  }
  return [...covered].sort((a, b) => a - b);
}

function coveredBy(ranges: ReadonlyArray<readonly [number, number]>): number[] {
  return ranges.flatMap(([start, end]) => Array.from({ length: end - start }, (_, i) => start + i));
}

/** Tiny seeded PRNG (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('SecretMatcher', () => {
  it('masks nested secrets as the longest one', () => {
    expect(new SecretMatcher(['secret', 'secret-and-more']).mask('x secret-and-more y secret', '*')).toBe('x * y *');
  });

  it('masks partly overlapping occurrences whole, leaking no fragment of either', () => {
    expect(new SecretMatcher(['abcd', 'cdef']).mask('xabcdefx', '*')).toBe('x*x');
  });

  it('masks back-to-back occurrences one by one, as replacing each would', () => {
    expect(new SecretMatcher(['hunter22']).mask('hunter22hunter22', '*')).toBe('**');
  });

  it('finds a secret that is a suffix of a partial match of another', () => {
    expect(new SecretMatcher(['abcx', 'bcd']).mask('abcd', '*')).toBe('a*');
  });

  it('covers exactly what a naive search covers, for random texts and secrets (lone surrogates included)', () => {
    const next = random(20261122);
    const word = (max: number) => Array.from({ length: 1 + Math.floor(next() * max) }, () => 'ab😀c'[Math.floor(next() * 5)]).join('');
    for (let round = 0; round < 300; round++) {
      const secrets = Array.from({ length: 1 + Math.floor(next() * 6) }, () => word(5));
      const text = word(60);
      expect(coveredBy(new SecretMatcher(secrets).ranges(text)), JSON.stringify({ secrets, text })).toEqual(naiveCovered(text, secrets));
    }
  });

  it('takes time linear in the text, whatever the number of secrets', () => {
    const secrets = Array.from({ length: 20_000 }, (_, i) => `password-${i}-${'x'.repeat(i % 7)}`);
    const matcher = new SecretMatcher(secrets);
    const text = (n: number) => Array.from({ length: n }, (_, i) => `password-${i} says hi `).join('');
    const timed = (value: string) => {
      const start = performance.now();
      matcher.ranges(value);
      return performance.now() - start;
    };
    timed(text(2_000));
    const ratio = Math.min(...[1, 2, 3].map(() => timed(text(20_000)))) / Math.max(Math.min(...[1, 2, 3].map(() => timed(text(2_000)))), 0.05);
    expect(ratio).toBeLessThan(40);
  });
});
