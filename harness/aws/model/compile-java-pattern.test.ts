import { describe, expect, it } from 'vitest';
import { compileJavaPattern } from './compile-java-pattern.ts';
import { ServiceModel } from './service-model.ts';

describe('compileJavaPattern', () => {
  it('matches the whole value, as Java Matcher.matches() does', () => {
    const regexp = compileJavaPattern('c-([0-9a-f]{17})');
    expect(regexp?.test('c-0123456789abcdef0')).toBe(true);
    expect(regexp?.test('xc-0123456789abcdef0')).toBe(false);
    expect(regexp?.test('c-0123456789abcdef0x')).toBe(false);
  });

  it('keeps alternation inside the anchors', () => {
    const regexp = compileJavaPattern('^$|arn:aws[a-z0-9-]*:kms:.*');
    expect(regexp?.test('')).toBe(true);
    expect(regexp?.test('arn:aws:kms:key')).toBe(true);
    expect(regexp?.test('x arn:aws:kms:key')).toBe(false);
  });

  it('supports Unicode properties and Java surrogate-pair ranges', () => {
    expect(compileJavaPattern('[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*')?.test('Zürich 2024')).toBe(true);
    const glueName = compileJavaPattern('[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*');
    expect(glueName?.test('name 😀')).toBe(true);
    expect(glueName?.test('line\nbreak')).toBe(false);
  });

  it('drops escapes that Java allows and a u-flag RegExp rejects', () => {
    expect(compileJavaPattern('^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$')?.test('!a=b')).toBe(true);
    expect(compileJavaPattern('[0-9a-fA-F\\.\\:]+')?.test('::1')).toBe(true);
  });

  it('keeps \\s ASCII-only as in Java', () => {
    expect(compileJavaPattern('\\S+')?.test('a\u00a0b')).toBe(true);
    expect(compileJavaPattern('\\S+')?.test('a b')).toBe(false);
  });

  it('translates POSIX classes and \\Q..\\E quoting', () => {
    expect(compileJavaPattern('\\p{Alpha}+')?.test('abc')).toBe(true);
    expect(compileJavaPattern('\\Qa.b\\E')?.test('a.b')).toBe(true);
    expect(compileJavaPattern('\\Qa.b\\E')?.test('axb')).toBe(false);
  });

  it.each(['(?i)abc', '[a-z&&[^b]]', 'a*+', '(?>a)', '\\p{javaLowerCase}'])('gives up on %s instead of throwing', (pattern) => {
    expect(compileJavaPattern(pattern)).toBeUndefined();
  });
});

describe('compileJavaPattern on RE2 (linear time)', () => {
  const models = (['transfer', 'secretsmanager', 'glue'] as const).map((name) => ServiceModel.forService(name));
  const modelPatterns = [...new Set(models.flatMap((model) => model.shapeNames.map((name) => model.getShape(name).pattern)))].filter(
    (pattern): pattern is string => pattern !== undefined,
  );

  it('compiles every pattern of the bundled models', () => {
    expect(modelPatterns.length).toBeGreaterThan(30);
    expect(modelPatterns.filter((pattern) => compileJavaPattern(pattern) === undefined)).toEqual([]);
  });

  it("reads . as Java does: no line terminator, and \\s with Java's \\x0B", () => {
    const dot = compileJavaPattern('a.b');
    expect(['a\rb', 'a\u0085b', 'a\u2028b', 'a\nb'].map((value) => dot?.test(value))).toEqual([false, false, false, false]);
    expect(dot?.test('a😀b')).toBe(true);
    expect(compileJavaPattern('\\s')?.test('\u000b')).toBe(true);
    expect(compileJavaPattern('[\\S]')?.test('\u000b')).toBe(false);
    expect(compileJavaPattern('[\\S]')?.test('😀')).toBe(true);
  });

  it('treats a lone surrogate in a value as the code point Java sees, not as a character the pattern allows', () => {
    const glueName = compileJavaPattern('[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*');
    expect(glueName?.test('a\ud800b')).toBe(false);
    expect(glueName?.test('a\udfffb')).toBe(false);
  });

  it('translates octal, escape and negated POSIX escapes', () => {
    expect(compileJavaPattern('\\0101\\e')?.test('A\u001b')).toBe(true);
    expect(compileJavaPattern('[\\P{Digit}]+')?.test('ab')).toBe(true);
    expect(compileJavaPattern('[\\P{Digit}]+')?.test('a1')).toBe(false);
    expect(compileJavaPattern('\\p{IsLatin}+')?.test('abc')).toBe(true);
  });

  it.each(['(?=a)a', 'a\\1', '(?<=a)b', '\\Ga', '[a'])('gives up on %s, which RE2 cannot run as Java would', (pattern) => {
    expect(compileJavaPattern(pattern)).toBeUndefined();
  });

  // Ratios of two input sizes, not absolute times: a backtracking engine grows by far more than
  // 10x here (4 KB of SshPublicKeyBody took 23 s). The fastest of five runs filters out load.
  function fastestMs(run: () => void): number {
    const times = Array.from({ length: 5 }, () => {
      const start = performance.now();
      run();
      return performance.now() - start;
    });
    return Math.min(...times);
  }

  it.each([
    ['SshPublicKeyBody', '\\s*(ssh|ecdsa)-[a-z0-9-]+[ \\t]+(([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{1,3})?(={0,3})?)(\\s*|[ \\t]+[\\S \\t]*\\s*)', (n: number) => `ssh-rsa ${'A'.repeat(n)}!`],
    ['AccessRole', 'arn:.*role/\\S+', (n: number) => `arn:${'role/ '.repeat(n / 6)}`],
  ])('matches a hostile %s in time linear in its length', (_, pattern, value) => {
    const regexp = compileJavaPattern(pattern)!;
    const small = value(100_000);
    const large = value(1_000_000);
    regexp.test(small); // warm up
    const ratio = fastestMs(() => regexp.test(large)) / Math.max(fastestMs(() => regexp.test(small)), 0.05);
    expect(regexp.test(large)).toBe(false);
    expect(ratio).toBeLessThan(40);
  });
});
