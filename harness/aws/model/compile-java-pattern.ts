/**
 * AWS model patterns are java.util.regex patterns, checked server-side with `Matcher.matches()`
 * (the whole value must match). This turns one into an anchored JS RegExp with the `u` flag,
 * which gives the closest semantics: code-point matching like Java, `\p{L}`, and surrogate-pair
 * escapes (`\uD800\uDC00-\uDBFF\uDFFF`, used by Glue) read as one code point as Java reads them.
 *
 * Returns undefined for what cannot be translated faithfully (nested classes, `&&`
 * intersections, inline flags, atomic groups, possessive quantifiers, unknown `\p{..}`): the
 * caller then skips the pattern check rather than reject valid input or crash.
 */

/** Java's `\s` is ASCII-only; JS's also matches Unicode spaces such as NBSP. */
const JAVA_SPACE = '\\t\\n\\x0B\\f\\r ';

/** Java's POSIX classes (US-ASCII only, the Java default). */
const POSIX: Readonly<Record<string, string>> = {
  Lower: 'a-z', Upper: 'A-Z', ASCII: '\\x00-\\x7F', Alpha: 'a-zA-Z', Digit: '0-9', Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~', Graph: '!-~', Print: ' -~', Blank: ' \\t', Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F', Space: JAVA_SPACE,
};

/** Characters that may stay escaped in a `u` RegExp; any other punctuation escape is a SyntaxError there. */
const SYNTAX_CHARACTERS = new Set('^$\\.*+?()[]{}|/');

export function compileJavaPattern(pattern: string): RegExp | undefined {
  const source = translate(pattern);
  if (source === undefined) return undefined;
  try {
    return new RegExp(`^(?:${source})$`, 'u');
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
      if (inClass) return undefined; // Java class union: no equivalent without the `v` flag
      inClass = true;
      out += c;
    } else if (c === ']' && inClass) {
      inClass = false;
      out += c;
    } else if (inClass && c === '&' && pattern[i + 1] === '&') {
      return undefined; // Java class intersection
    } else if (!inClass && c === '{') {
      const quantifier = /^\{\d+(,\d*)?\}/.exec(pattern.slice(i))?.[0];
      out += quantifier ?? '\\{';
      i += (quantifier?.length ?? 1) - 1;
    } else if (!inClass && (c === ']' || c === '}')) {
      out += `\\${c}`; // literal in Java, a SyntaxError when unescaped in a `u` RegExp
    } else {
      out += c;
    }
  }
  return out;
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
      return { text: inClass ? '\\S' : `[^${JAVA_SPACE}]`, end };
    case 'A':
      return { text: '^', end };
    case 'z':
    case 'Z':
      return { text: '$', end };
    case 'Q': {
      const close = pattern.indexOf('\\E', at + 2);
      const literal = pattern.slice(at + 2, close === -1 ? undefined : close);
      return { text: literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'), end: close === -1 ? pattern.length : close + 1 };
    }
    case 'p':
    case 'P':
      return translateProperty(pattern, at, c === 'P', inClass);
  }
  if (/[0-9A-Za-z]/.test(c)) return { text: `\\${c}`, end };
  if (SYNTAX_CHARACTERS.has(c) || (inClass && c === '-')) return { text: `\\${c}`, end };
  return { text: c, end };
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
  const posix = POSIX[name];
  if (posix !== undefined) {
    if (!negated) return { text: inClass ? posix : `[${posix}]`, end };
    return inClass ? undefined : { text: `[^${posix}]`, end };
  }
  const jsName = name.startsWith('Is') ? name.slice(2) : name;
  const text = `\\${negated ? 'P' : 'p'}{${jsName}}`;
  try {
    new RegExp(text, 'u');
  } catch {
    return undefined; // a Java-only property (javaLowerCase, InGreek, ...)
  }
  return { text, end };
}
