#!/usr/bin/env node
// The harness is TypeScript end to end; tsx lets the bin run it without a build step.
import { register } from 'tsx/esm/api';

// Until the command installs its own handling (run stops its workers, then exits 130), Ctrl-C
// while loading has nothing to clean up: exit 130 at once, as the README promises.
const interruptedWhileLoading = () => process.exit(130);
process.on('SIGINT', interruptedWhileLoading).on('SIGTERM', interruptedWhileLoading);

// The SDK's Node 20 deprecation notice would print on every run; the supported range is in README.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../harness/cli/main.ts');
// main() installs `run`'s own signal handling before its first await. Only then is the loading
// listener removed: removing the last SIGINT listener closes Node's signal handle, and a signal
// that arrived while the modules loaded, not yet delivered, would be lost with it (the run then
// went on as if it had never been interrupted).
const exitCode = main(process.argv.slice(2));
process.off('SIGINT', interruptedWhileLoading).off('SIGTERM', interruptedWhileLoading);
process.exitCode = await exitCode;
