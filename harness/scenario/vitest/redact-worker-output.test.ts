import createDebug from 'debug';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redactor } from '../../redaction/index.ts';
import { capturePrintedOutput } from '../../testing/capture-printed-output.ts';
import { redactWorkerOutput, redactWorkerText, scenarioFinished } from './redact-worker-output.ts';

const FIRST = 'Canary-first-8c2f';
const SECOND = 'Canary-second-41aa';

/** What reaches the worker's console (vitest's, in a real worker) and stdout/stderr. */
let printed: string[] = [];
const all = () => printed.join('');
let restore: () => void;

beforeAll(() => {
  ({ printed, restore } = capturePrintedOutput());
  redactWorkerOutput(new Redactor().add(FIRST));
});
afterAll(() => restore());

describe('redactWorkerOutput', () => {
  it('masks the scenario secrets in console output, whatever the method and format', () => {
    console.log({ username: 'u', password: FIRST });
    console.error(JSON.stringify({ note: `has ${FIRST}` }));
    console.info('%s and %o', FIRST, { nested: [FIRST] });
    console.warn(`plain ${FIRST}`);
    console.table([{ value: FIRST }]);
    console.dir({ deep: { deeper: FIRST } });
    console.assert(false, FIRST);
    expect(all()).not.toContain(FIRST);
    expect(all()).toContain('plain ***');
    expect(all()).toContain("username: 'u'");
  });

  it('masks values under sensitive keys even when nobody registered them', () => {
    console.log({ clientSecret: 'never-registered-1' }, [{ token: 'never-registered-2' }]);
    expect(all()).not.toContain('never-registered');
  });

  it('masks raw stdout/stderr writes, strings and buffers, and debug logs', () => {
    process.stdout.write(`raw ${FIRST}\n`);
    process.stderr.write(Buffer.from(`buffer ${FIRST}\n`), () => undefined);
    createDebug.enable('ph-test:*');
    createDebug('ph-test:worker')('debug %s', FIRST);
    createDebug.disable();
    expect(all()).not.toContain(FIRST);
    expect(all()).toContain('raw ***');
    expect(all()).toContain('buffer ***');
  });

  it('keeps masking the secrets of earlier scenarios in the same worker', () => {
    redactWorkerOutput(new Redactor().add(SECOND));
    console.log(`${FIRST} / ${SECOND}`);
    expect(all()).toContain('*** / ***');
    expect(redactWorkerText(`late ${FIRST}`)).toBe('late ***');
  });

  it('keeps masking a finished scenario\'s secrets, including those it registered after it started', () => {
    const scenario = new Redactor().add('Canary-third-93d1');
    redactWorkerOutput(scenario);
    scenario.add('Canary-found-later-5e07');
    scenarioFinished(scenario);
    process.stdout.write('late Canary-third-93d1 Canary-found-later-5e07\n');
    expect(all()).toContain('late *** ***');
    expect(all()).not.toMatch(/Canary-(third|found)/);
  });

  it('prints output without secrets unchanged, and copes with circular values', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    console.log('nothing secret here', 42);
    console.log(loop);
    expect(printed).toContain('nothing secret here 42\n');
    expect(all()).toContain('[Circular');
  });

  it('redacts an uncaught error before vitest reports it', () => {
    const first = process.listeners('unhandledRejection')[0] as (error: unknown) => void;
    const error = new Error(`login failed for ${FIRST}`);
    first(error);
    expect(error.message).toBe('login failed for ***');
    expect(error.stack).not.toContain(FIRST);
    expect(process.listeners('uncaughtException')[0]).toBe(first);
  });
});
