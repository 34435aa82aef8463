/**
 * A filter value as EC2 reads it: `*` any run, `?` one character, the rest literal. Matched by a
 * linear two-pointer walk (the classic glob algorithm: on a mismatch, retry from the last `*`),
 * not a regular expression: `************#` must not make one request stall the endpoint.
 */
export function globMatcher(pattern: string): { test(text: string): boolean } {
  const glob = [...pattern];
  return {
    test(value: string): boolean {
      const text = [...value];
      let p = 0;
      let t = 0;
      let star = -1;
      let resume = 0;
      while (t < text.length) {
        if (p < glob.length && (glob[p] === '?' || (glob[p] !== '*' && glob[p] === text[t]))) {
          p++;
          t++;
        } else if (p < glob.length && glob[p] === '*') {
          star = p++;
          resume = t;
        } else if (star >= 0) {
          p = star + 1;
          t = ++resume;
        } else {
          return false;
        }
      }
      while (p < glob.length && glob[p] === '*') p++;
      return p === glob.length;
    },
  };
}
