import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { isatty } from 'node:tty';
import { fileURLToPath, pathToFileURL } from 'node:url';
import createDebug from 'debug';
import type { ForksPoolWorker, PoolRunnerInitializer } from 'vitest/node';

const debug = createDebug('partner-harness:cli');

const POOL_NAME = 'partner-harness-forks';

type PoolOptions = Parameters<PoolRunnerInitializer['createPoolWorker']>[0];

/** How a vitest fork is started: what vitest 4 would pass, compared before the fork is used. */
interface Launch {
  entry: string;
  execArgv: string[];
  env: NodeJS.ProcessEnv;
}

// Imported into the fork before vitest's own worker code: it starts loading what scenarios need.
const PRELOAD = pathToFileURL(fileURLToPath(new URL(`../scenario/vitest/preload-worker${extname(import.meta.url)}`, import.meta.url))).href;

/**
 * vitest workers started before vitest itself is loaded. A one-scenario run spent most of its
 * time loading modules: first vitest in this process, then the scenario's modules in the worker,
 * one after the other. Forked at once, a worker loads them on the machine's other core while
 * this process is still starting vitest; vitest then adopts each (see `pool()`). With several
 * workers, the second had started loading only once vitest was up; now each is forked at once.
 *
 * A fork is started as vitest 4 starts its forks (vitest/dist/chunks/cli-api: resolveOptions,
 * createPool). vitest adopts it only when what it would pass is exactly that; otherwise (another
 * vitest version, a conditions change, a user's flags) the fork is stopped and vitest starts its
 * own, as before: never used with other settings, only slower.
 */
export class PrewarmedFork {
  readonly #children: ChildProcess[];

  private constructor(
    private readonly launch: Launch,
    count: number,
  ) {
    this.#children = Array.from({ length: count }, () => {
      const child = fork(launch.entry, [], {
        env: launch.env,
        execArgv: [...launch.execArgv, '--import', PRELOAD],
        stdio: 'pipe',
        serialization: 'advanced',
      });
      // Until vitest adopts it, nobody else listens: an early exit must not crash this process.
      child.on('error', (error) => debug('prewarmed vitest fork failed: %O', error));
      return child;
    });
  }

  /**
   * Starts `count` forks, one for each worker vitest will start (each loads on its own while
   * vitest starts), or returns undefined when vitest's worker is not where vitest 4 keeps it.
   */
  static start(count = 1): PrewarmedFork | undefined {
    const vitestDir = dirname(createRequire(import.meta.url).resolve('vitest/package.json'));
    const entry = join(vitestDir, 'dist/workers/forks.js');
    const suppressWarnings = join(vitestDir, 'suppress-warnings.cjs');
    if (!existsSync(entry) || !existsSync(suppressWarnings)) return undefined;
    return new PrewarmedFork({
      entry,
      execArgv: [
        ...process.execArgv.filter((arg) => /^--(cpu-prof|heap-prof|diagnostic-dir)/.test(arg)),
        '--experimental-import-meta-resolve',
        '--require',
        suppressWarnings,
        // Vite's default server conditions, as vitest passes them to Node.
        '--conditions',
        'node',
        '--conditions',
        'development',
      ],
      env: {
        // What Vite puts on process.env while vitest starts (its mode and import.meta.env), unless set.
        BASE_URL: '/',
        MODE: 'test',
        DEV: '1',
        PROD: '',
        ...process.env,
        TEST: 'true',
        VITEST: 'true',
        // Vite sets NODE_ENV before vitest reads it.
        NODE_ENV: process.env.NODE_ENV || 'development',
        VITEST_MODE: 'RUN',
        FORCE_TTY: isatty(1) ? 'true' : '',
      },
    }, count);
  }

  /** A vitest pool of forks whose first workers are these forks, when vitest would start them alike. */
  pool(Base: typeof ForksPoolWorker): PoolRunnerInitializer {
    const take = (options: PoolOptions) => this.#take(options);
    class PrewarmedForksWorker extends Base {
      // vitest hands a finished worker the next file only when its name is the pool's
      // (isEqualRunner); the inherited 'forks' would start a new worker for every file.
      override readonly name = POOL_NAME;
      readonly #options: PoolOptions;

      constructor(options: PoolOptions) {
        super(options);
        this.#options = options;
      }

      override async start(): Promise<void> {
        const child = take(this.#options);
        // ForksPoolWorker starts `_fork` only when it has none: it then pipes and drives this one.
        if (child) (this as unknown as { _fork?: ChildProcess })._fork = child;
        await super.start();
      }
    }
    return { name: POOL_NAME, createPoolWorker: (options) => new PrewarmedForksWorker(options) };
  }

  /** Stops the forks vitest did not adopt (every path of a run ends here). */
  stop(): void {
    for (const child of this.#children.splice(0)) child.kill('SIGKILL');
  }

  #take(options: PoolOptions): ChildProcess | undefined {
    const child = this.#children.shift();
    if (!child) return undefined;
    const mismatch = differences(this.launch, { entry: join(options.distPath, 'workers/forks.js'), execArgv: options.execArgv, env: options.env });
    if (mismatch.length > 0 || child.exitCode !== null || child.signalCode !== null) {
      debug('not using the prewarmed vitest fork: %s', mismatch.join(', ') || 'it exited');
      child.kill('SIGKILL');
      return undefined;
    }
    debug('vitest adopts the prewarmed fork (pid %d)', child.pid);
    return child;
  }
}

function differences(expected: Launch, actual: Launch): string[] {
  const found: string[] = [];
  if (expected.entry !== actual.entry) found.push(`entry ${actual.entry}`);
  if (JSON.stringify(expected.execArgv) !== JSON.stringify(actual.execArgv)) found.push(`execArgv ${JSON.stringify(actual.execArgv)}`);
  for (const name of new Set([...Object.keys(expected.env), ...Object.keys(actual.env)])) {
    if (expected.env[name] !== actual.env[name]) found.push(`env ${name}=${JSON.stringify(actual.env[name])}`);
  }
  return found;
}
