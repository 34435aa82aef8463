// Child processes the fakes run (sshd, database engines, docker builds): watched, logged,
// stopped with their whole tree, and cleaned up when this process exits without stop().
export { leaveSignalsTo, onProcessExit } from './exit-cleanup.ts';
// And this process's own heap, bounded over a long run.
export { HeapGrowthLimit, oldGenerationBytes } from './heap-growth-limit.ts';
export { LogTail, redact } from './log-tail.ts';
export { descendants, isAlive, processTree, readArgs, readProcess, signalAll, type ProcessInfo } from './process-tree.ts';
export { WatchedProcess, type Exit } from './watched-process.ts';
// Where files that live only as long as the run go: RAM when there is room.
export { RAM_DIR, ramDir, statFs, type StatFs } from './ram-dir.ts';
// Costly values (generated keys) made once per run, not once per worker; what a run names to its workers.
export { setEnv } from './set-env.ts';
export { openRunShare, RUN_SHARE_ENV, sharedInRun, type Shareable } from './run-share.ts';
