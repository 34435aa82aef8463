const GLOB_CHARACTERS = /[*?[\]{}]/;

/** Whether a path given in the config or on the command line is a glob (`scenarios/**\/*.yaml`). */
export function isGlob(path: string): boolean {
  return GLOB_CHARACTERS.test(path);
}

/** The folder to search for a glob: its leading segments without pattern characters. */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const first = segments.findIndex((segment) => isGlob(segment));
  return segments.slice(0, first).join('/') || '/';
}

/**
 * A glob as a regular expression on absolute paths: `**` any folders, `*` and `?` within one
 * segment, `[abc]` a class, `{a,b}` alternatives. Written here because Node 20 has no glob
 * matching without an experimental warning.
 */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      const slashAfter = pattern[i + 2] === '/';
      out += slashAfter ? '(?:[^/]*/)*' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else if (char === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) out += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else if (char === '{') {
      braces++;
      out += '(?:';
    } else if (char === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (char === ',' && braces > 0) out += '|';
    else out += char.replace(/[.+^$()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** A literal path as a glob that matches only itself. */
export function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!]/g, '\\$&');
}
