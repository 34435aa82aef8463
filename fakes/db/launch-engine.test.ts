import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { Transcript } from '../shared/transcript.ts';
import type { DbFakeConfig } from './db-fake.ts';
import { engineDescendants, isAlive } from './engine-processes.ts';
import { engineWorkBase } from './engine-work-base.ts';
import { launchEngine } from './launch-engine.ts';
import { PostgresFake } from './postgres-fake.ts';
import { postgresRecipe } from './postgres-recipe.ts';

const CANARY = 'canary-PW-5e77ab';
const config: DbFakeConfig = { engine: 'postgresql', runtime: 'embedded', users: [{ name: 'app', password: CANARY }], databases: [], tls: false, requireTls: false };

describe('launchEngine', () => {
  it('fails a start with the engine log tail, passwords redacted, and cleans up', async () => {
    let workDir = '';
    const failing = {
      ...postgresRecipe,
      initialise: (ctx: Parameters<typeof postgresRecipe.initialise>[0]) => {
        workDir = ctx.dir.root;
        return postgresRecipe.initialise(ctx);
      },
      // An invalid value makes postgres print it and exit: the secret must not survive into the Error.
      server: (ctx: Parameters<typeof postgresRecipe.server>[0], port: number) => {
        const command = postgresRecipe.server(ctx, port);
        return { ...command, args: [...command.args, '-c', `shared_buffers=${ctx.adminPassword}`, '-c', `work_mem=${CANARY}`] };
      },
    };
    const error = await launchEngine(failing, config, new Transcript()).then(
      () => undefined,
      (caught: Error) => caught,
    );
    expect(error?.message).toMatch(/^PostgresFake: the engine exited during start-up \(1\); its log ends:\n/);
    expect(error?.message).toContain('invalid value for parameter "shared_buffers": "***"');
    expect(error?.message).not.toContain(CANARY);
    expect(engineDescendants()).toEqual([]);
    // Where engineWorkBase() says (/dev/shm here, when it has room).
    expect(workDir.startsWith(`${engineWorkBase()}/partner-harness-db-`)).toBe(true);
    expect(existsSync(workDir)).toBe(false);
  }, 60_000);

  it('starts on another port when the chosen one is taken before the engine binds it', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const taken = (squatter.address() as { port: number }).port;
    const ports: number[] = [];
    const racing = {
      ...postgresRecipe,
      server: (ctx: Parameters<typeof postgresRecipe.server>[0], port: number) => {
        ports.push(ports.length === 0 ? taken : port);
        return postgresRecipe.server(ctx, ports.at(-1)!);
      },
    };
    const transcript = new Transcript();
    const serving = await launchEngine(racing, config, transcript);
    try {
      expect(ports).toHaveLength(2);
      expect(serving.port).toBe(ports[1]);
      expect(transcript.entries().find((e) => e.kind === 'engine-exited')?.detail.log).toEqual(expect.arrayContaining([expect.stringContaining('Address already in use')]));
    } finally {
      await serving.stop();
      squatter.close();
    }
  }, 60_000);

  it('records an engine that dies under a running fake, and stop() still cleans up', async () => {
    const db = await new PostgresFake().withUser('app', CANARY).start();
    const postmaster = engineDescendants().find((info) => info.args.includes(String(db.getPort())))!;
    const dataDir = postmaster.args[postmaster.args.indexOf('-D') + 1]!;
    // Its dynamic shared memory is in the data dir, so the kill leaves nothing in /dev/shm.
    expect(readdirSync(join(dataDir, 'pg_dynshmem')).length).toBeGreaterThan(0);
    process.kill(postmaster.pid, 'SIGKILL');
    for (let i = 0; i < 100 && !db.getTranscript().some((e) => e.kind === 'engine-exited'); i += 1) await sleep(20);
    const exited = db.getTranscript().find((entry) => entry.kind === 'engine-exited');
    expect(exited?.detail).toMatchObject({ code: null, signal: 'SIGKILL', log: expect.arrayContaining([expect.stringContaining('ready to accept connections')]) });
    expect(JSON.stringify(db.getTranscript())).not.toContain(CANARY);
    await db.stop();
    const deadline = Date.now() + 5_000;
    while (engineDescendants().length > 0 && Date.now() < deadline) await sleep(50);
    expect(engineDescendants().filter((info) => isAlive(info.pid))).toEqual([]);
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);
});
