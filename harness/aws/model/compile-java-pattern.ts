import { RE2JS } from 're2js';

/**
 * AWS model patterns are java.util.regex patterns, checked server-side with `Matcher.matches()`
 * (the whole value must match). They run here on RE2JS, a port of RE2: matching takes time
 * linear in the value, so no value can make validation backtrack for seconds, as
 * `\s*(ssh|ecdsa)-…(([A-Za-z0-9+/]{4})*…)` did on a 4 KB SshPublicKeyBody with a JS RegExp.
 *
 * The translation keeps Java's meaning where RE2's differs: `\s` includes \x0B, `.` stops at
 * every Java line terminator, `\uD800\uDC00` surrogate-pair escapes (Glue) read as one code
 * point, POSIX `\p{Alpha}` classes are ASCII. Lone surrogates in values are code points, as in
 * Java. Returns undefined for what RE2 cannot run faithfully (nested classes, `&&`
 * intersections, inline flags, lookaround, atomic groups, possessive quantifiers, back
 * references, unknown `\p{..}`): the caller then skips the pattern check rather than reject
 * valid input or crash.
 */
export interface JavaPattern {
  readonly source: string;
  /** True when the whole value matches, as Java's `Matcher.matches()`. */
  test(value: string): boolean;
}

const JAVA_SPACE = '\\t\\n\\x0B\\f\\r ';
/** Everything but JAVA_SPACE, spelled as ranges so it also works inside a class. */
const JAVA_NON_SPACE = '\\x00-\\x08\\x0E-\\x1F\\x21-\\x{10FFFF}';
/** Java's `.` matches anything but its line terminators. */
const JAVA_DOT = '[^\\n\\r\\x{85}\\x{2028}\\x{2029}]';

/** Java's POSIX classes (US-ASCII, the Java default) and RE2's names for the same sets. */
const POSIX: Readonly<Record<string, string>> = {
  Lower: 'lower', Upper: 'upper', ASCII: 'ascii', Alpha: 'alpha', Digit: 'digit', Alnum: 'alnum',
  Punct: 'punct', Graph: 'graph', Print: 'print', Blank: 'blank', Cntrl: 'cntrl', XDigit: 'xdigit', Space: 'space',
};

/** Escapes that mean the same in RE2 as in Java. */
const SAME_ESCAPES = new Set('dDwWbBtnrfa');

export function compileJavaPattern(pattern: string): JavaPattern | undefined {
  const source = translate(pattern);
  if (source === undefined) return undefined;
  try {
    const compiled = RE2JS.compile(source);
    return { source: pattern, test: (value) => compiled.testExact(value) };
  } catch {
    return undefined;
  }
}

function translate(pattern: string): string | undefined {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const escaped = translateEscape(pattern, i, inClass);
      if (escaped === undefined) return undefined;
      out += escaped.text;
      i = escaped.end;
    } else if (c === '[') {
      if (inClass) return undefined; // Java class union: RE2 has no nested classes
      inClass = true;
      out += c;
    } else if (c === ']' && inClass) {
      inClass = false;
      out += c;
    } else if (inClass) {
      if (c === '&' && pattern[i + 1] === '&') return undefined; // Java class intersection
      out += c;
    } else if (c === '(' && pattern[i + 1] === '?' && /[a-zA-Z-]/.test(pattern[i + 2] ?? '')) {
      return undefined; // inline flags: Java's (?i) folds ASCII only, RE2's all of Unicode
    } else if (c === '{') {
      const quantifier = /^\{\d+(,\d*)?\}/.exec(pattern.slice(i, i + 24))?.[0];
      out += quantifier ?? '\\{';
      i += (quantifier?.length ?? 1) - 1;
    } else if (c === ']' || c === '}') {
      out += `\\${c}`;
    } else {
      out += c === '.' ? JAVA_DOT : c;
    }
  }
  return inClass ? undefined : out;
}

interface Escape {
  readonly text: string;
  /** Index of the last pattern character consumed. */
  readonly end: number;
}

function translateEscape(pattern: string, at: number, inClass: boolean): Escape | undefined {
  const c = pattern[at + 1];
  if (c === undefined) return undefined;
  const end = at + 1;
  switch (c) {
    case 's':
      return { text: inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`, end };
    case 'S':
      return { text: inClass ? JAVA_NON_SPACE : `[${JAVA_NON_SPACE}]`, end };
    case 'A':
    case 'z':
      return inClass ? undefined : { text: `\\${c}`, end };
    case 'Z':
      return inClass ? undefined : { text: '(?:\\r\\n|[\\n\\r\\x{85}\\x{2028}\\x{2029}])?\\z', end };
    case 'e':
      return { text: '\\x1B', end };
    case 'x':
      return { text: '\\x', end }; // \xhh and \x{h..h} read the same in RE2
    case 'u':
      return translateUnicodeEscape(pattern, at);
    case '0':
      return translateOctal(pattern, at);
    case 'Q':
      return translateQuote(pattern, at);
    case 'p':
    case 'P':
      return translateProperty(pattern, at, c === 'P', inClass);
  }
  if (SAME_ESCAPES.has(c)) return { text: `\\${c}`, end };
  if (/[0-9A-Za-z]/.test(c)) return undefined; // back references, \G, \R, \h, \v, \X, \k<..>, \c..
  // A punctuation escape is a literal in both; RE2 refuses an escaped non-ASCII character.
  return { text: c.charCodeAt(0) < 0x80 ? `\\${c}` : c, end };
}

/** `\uXXXX`, with a high+low surrogate pair of escapes read as the one code point Java reads. */
function translateUnicodeEscape(pattern: string, at: number): Escape | undefined {
  const unit = hexAt(pattern, at + 2);
  if (unit === undefined) return undefined;
  if (unit >= 0xd800 && unit <= 0xdbff && pattern.startsWith('\\u', at + 6)) {
    const low = hexAt(pattern, at + 8);
    if (low !== undefined && low >= 0xdc00 && low <= 0xdfff) {
      const codePoint = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
      return { text: `\\x{${codePoint.toString(16)}}`, end: at + 11 };
    }
  }
  return { text: `\\x{${unit.toString(16)}}`, end: at + 5 };
}

function hexAt(pattern: string, from: number): number | undefined {
  const hex = pattern.slice(from, from + 4);
  return /^[0-9a-fA-F]{4}$/.test(hex) ? Number.parseInt(hex, 16) : undefined;
}

/** Java's `\0n`, `\0nn`, `\0mnn` (m ≤ 3). */
function translateOctal(pattern: string, at: number): Escape | undefined {
  const digits = /^[0-3]?[0-7]{1,2}/.exec(pattern.slice(at + 2, at + 5))?.[0];
  if (!digits) return undefined;
  return { text: `\\x{${Number.parseInt(digits, 8).toString(16)}}`, end: at + 1 + digits.length };
}

/** `\Q...\E`: every character literal, also inside a class. */
function translateQuote(pattern: string, at: number): Escape {
  const close = pattern.indexOf('\\E', at + 2);
  const literal = pattern.slice(at + 2, close === -1 ? undefined : close);
  let text = '';
  for (const ch of literal) text += /[\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E]/.test(ch) ? `\\${ch}` : ch;
  return { text, end: close === -1 ? pattern.length : close + 1 };
}

function translateProperty(pattern: string, at: number, negated: boolean, inClass: boolean): Escape | undefined {
  let name: string;
  let end: number;
  if (pattern[at + 2] === '{') {
    end = pattern.indexOf('}', at + 3);
    if (end === -1) return undefined;
    name = pattern.slice(at + 3, end);
  } else {
    end = at + 2;
    name = pattern[end] ?? '';
  }
  const posix = Object.hasOwn(POSIX, name) ? POSIX[name] : undefined;
  if (posix !== undefined) {
    const set = `[:${negated ? '^' : ''}${posix}:]`;
    return { text: inClass ? set : `[${set}]`, end };
  }
  // Java's script and category aliases `IsLatin`, `IsLu`; RE2 refuses the rest (`InGreek`, `javaLowerCase`).
  const re2Name = name.startsWith('Is') ? name.slice(2) : name;
  if (!/^[A-Za-z_]+$/.test(re2Name)) return undefined;
  return { text: `\\${negated ? 'P' : 'p'}{${re2Name}}`, end };
}
