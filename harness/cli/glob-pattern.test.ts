import { describe, expect, it } from 'vitest';
import { commonFolder } from './common-folder.ts';
import { escapeGlob, globBase, globToRegExp, isGlob } from './glob-pattern.ts';

describe('glob patterns', () => {
  it.each([
    ['/p/scenarios/**/*.yaml', '/p/scenarios/a.yaml', true],
    ['/p/scenarios/**/*.yaml', '/p/scenarios/x/y/a.yaml', true],
    ['/p/scenarios/**/*.yaml', '/p/scenarios/a.yml', false],
    ['/p/scenarios/*.{yaml,yml}', '/p/scenarios/a.yml', true],
    ['/p/scenarios/*.{yaml,yml}', '/p/scenarios/x/a.yml', false],
    ['/p/s/0?-*.yaml', '/p/s/01-login.yaml', true],
    ['/p/s/0[12]-*.yaml', '/p/s/03-login.yaml', false],
    ['/p/s/0[!12]-*.yaml', '/p/s/03-login.yaml', true],
    ['/p/a.b/*.yaml', '/p/aXb/c.yaml', false],
  ])('%s matches %s: %s', (pattern, path, matches) => {
    expect(globToRegExp(pattern).test(path)).toBe(matches);
  });

  it('tells globs from paths and finds the folder to search', () => {
    expect(isGlob('scenarios')).toBe(false);
    expect(isGlob('scenarios/**/*.yaml')).toBe(true);
    expect(globBase('/p/scenarios/**/*.yaml')).toBe('/p/scenarios');
    expect(globBase('/p/*/x.yaml')).toBe('/p');
  });
});

describe('commonFolder and escapeGlob', () => {
  it('finds the deepest folder holding them all, trailing slashes or not', () => {
    expect(commonFolder(['/p/scenarios/a', '/p/scenarios/b/c'])).toBe('/p/scenarios');
    expect(commonFolder(['/p/scenarios/'])).toBe('/p/scenarios');
    expect(commonFolder(['/p', '/q'])).toBe('/');
  });

  it("escapes a literal path for vitest's include globs", () => {
    expect(escapeGlob('a/[draft] (1)*.yaml')).toBe('a/\\[draft\\] \\(1\\)\\*.yaml');
  });
});
