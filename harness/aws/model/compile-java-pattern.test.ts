import { describe, expect, it } from 'vitest';
import { compileJavaPattern } from './compile-java-pattern.ts';

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
