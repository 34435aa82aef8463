#!/usr/bin/env node
// Plain JavaScript on the built package (dist/): no TypeScript is compiled at run time.

// Until the command installs its own handling (run stops its workers, then exits 130), Ctrl-C
// while loading has nothing to clean up: exit 130 at once, as the README promises.
const interruptedWhileLoading = () => process.exit(130);
process.on('SIGINT', interruptedWhileLoading).on('SIGTERM', interruptedWhileLoading);

// The SDK's Node 20 deprecation notice would print on every run; the supported range is in README.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
let main;
try {
  ({ main } = await import('../dist/harness/cli/main.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/harness/cli/main.js')) throw error;
  // Only in a clone whose build is missing; the published package ships dist/.
  process.stderr.write('partner-harness: the package is not built (dist/ is missing). Run `npm run build` (npm ci does it) and retry.\n');
  process.exit(3);
}
// main() installs `run`'s own signal handling before its first await. Only then is the loading
// listener removed: removing the last SIGINT listener closes Node's signal handle, and a signal
// that arrived while the modules loaded, not yet delivered, would be lost with it (the run then
// went on as if it had never been interrupted).
const exitCode = main(process.argv.slice(2));
process.off('SIGINT', interruptedWhileLoading).off('SIGTERM', interruptedWhileLoading);
const code = await exitCode;
// One-shot commands end when their work is done, even if something they loaded keeps a timer
// or socket open (a user's Lambda handler file that starts an interval as it loads, say). run
// and serve end on their own lifecycle.
if (['probe', 'drift', 'clone', 'init', 'messages', 'calibrate'].includes(process.argv[2])) {
  // Once what was printed has been handed over (pipes are asynchronous on some systems).
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
} else {
  process.exitCode = code;
}
