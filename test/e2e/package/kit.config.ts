// The config the consumer's vitest plugin names (vitest.config.ts), in TypeScript: under it the
// kit's aws fixture answers with the texts calibrate observed (kit-messages.observed.json).
import { defineConfig } from 'partner-harness';

export default defineConfig({ messages: './kit-messages.observed.json' });
