import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { checkShardFits, defaultWorkers, parseRunOptions, parseShard } from './run-options.ts';

describe('parseShard', () => {
  it('takes i/n with 1 ≤ i ≤ n', () => {
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
  });

  it.each([
    ['half', '--shard half: use i/n, e.g. --shard 1/3 for the first of three parts.'],
    ['1/', '--shard 1/: use i/n, e.g. --shard 1/3 for the first of three parts.'],
    ['-1/2', '--shard -1/2: use i/n, e.g. --shard 1/3 for the first of three parts.'],
    ['3/2', '--shard 3/2: the part must be between 1 and 2, e.g. --shard 1/2.'],
    ['0/2', '--shard 0/2: the part must be between 1 and 2, e.g. --shard 1/2.'],
    ['1/0', '--shard 1/0: the number of parts must be at least 1, e.g. --shard 1/3.'],
  ])('refuses %s with a usage error', (text, message) => {
    expect(() => parseShard(text)).toThrow(expect.objectContaining({ name: 'UsageError', message }));
  });

  it('refuses more parts than files, so no shard silently runs nothing', () => {
    expect(() => checkShardFits({ index: 1, count: 3 }, 2)).toThrow('--shard 1/3: only 2 scenario file(s) to split; use at most 2 part(s), e.g. --shard 1/2.');
    expect(() => checkShardFits({ index: 2, count: 2 }, 2)).not.toThrow();
    expect(() => checkShardFits(undefined, 0)).not.toThrow();
  });
});

describe('--workers', () => {
  it('takes a whole number from 1 to 64', () => {
    expect(parseRunOptions(['--workers', '3'])).toMatchObject({ workers: 3 });
    for (const text of ['0', '65', 'two', '1.5', ''])
      expect(() => parseRunOptions(['--workers', text])).toThrow(expect.objectContaining({ name: 'UsageError', message: `--workers ${text}: give a whole number from 1 to 64, e.g. --workers 2.` }));
  });

  it('defaults to one more worker than the cores, scenarios often wait, but one for the process runtime (its OS users are machine-wide)', () => {
    expect([1, 2, 8].map((cores) => defaultWorkers('embedded', cores))).toEqual([2, 3, 9]);
    expect(defaultWorkers('container', 2)).toBe(3);
    expect(defaultWorkers('embedded', 64)).toBe(64);
    expect(defaultWorkers('process', 8)).toBe(1);
    // This machine's own cores, when none are given.
    expect(defaultWorkers('embedded')).toBe(defaultWorkers('embedded', availableParallelism()));
  });
});

describe('parseRunOptions', () => {
  it('leaves what is not given to the config and the defaults', () => {
    expect(parseRunOptions(['a.yaml'])).toEqual({
      paths: ['a.yaml'],
      catalogue: false,
      config: undefined,
      watch: false,
      outDir: undefined,
      mode: undefined,
      runtime: undefined,
      filter: undefined,
      shard: undefined,
    });
    expect(parseRunOptions(['--out', 'x', '--config', 'c.ts', '--mode', 'aws', '--runtime', 'process', '--catalogue', '--watch'])).toMatchObject({
      outDir: 'x',
      config: 'c.ts',
      mode: 'aws',
      runtime: 'process',
      catalogue: true,
      watch: true,
    });
  });

  it.each([
    [['--catalogue', 'a.yaml'], '--catalogue runs the shipped catalogue; give either paths or --catalogue, not both.'],
    [['--watch', '--shard', '1/2'], '--watch and --shard do not go together: watch one part of your scenarios by giving its paths instead.'],
    [['--mode', 'cloud'], '--mode cloud: use emulated or aws.'],
    [['--runtime', 'docker'], '--runtime docker: use embedded, process, container.'],
  ])('refuses %j with a usage error', (args, message) => {
    expect(() => parseRunOptions(args)).toThrow(expect.objectContaining({ name: 'UsageError', message }));
  });

  it('takes --profile once or more, in the order given', () => {
    expect(parseRunOptions(['a.yaml'])).toMatchObject({ profiles: undefined });
    expect(parseRunOptions(['--profile', 'partners/acme.yaml', 'a.yaml', '--profile=partners/db.yaml'])).toMatchObject({ paths: ['a.yaml'], profiles: ['partners/acme.yaml', 'partners/db.yaml'] });
  });

  it.each([[['--profiles', 'acme.yaml']], [['--profil', 'acme.yaml']], [['--profile']]])('refuses %j (a typo or a missing file name is never ignored)', (args) => {
    expect(() => parseRunOptions(args)).toThrow(expect.objectContaining({ name: 'UsageError', message: expect.stringContaining('--profile <file>') }));
  });

  it('refuses a -t pattern that is not a regular expression', () => {
    expect(() => parseRunOptions(['-t', '(unclosed'])).toThrow(/^-t \(unclosed: not a valid regular expression/);
  });

  it('answers help', () => {
    expect(parseRunOptions(['-h'])).toBe('help');
  });
});
