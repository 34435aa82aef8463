#!/usr/bin/env node
// The harness is TypeScript end to end; tsx lets the bin run it without a build step.
import { register } from 'tsx/esm/api';

// The SDK's Node 20 deprecation notice would print on every run; the supported range is in README.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../harness/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
