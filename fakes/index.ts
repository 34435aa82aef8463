// Public API of the fakes: one barrel per partner kind.
export * from './sftp/index.ts';
export { Transcript, type TranscriptEntry } from './shared/transcript.ts';
export * from './idp/index.ts';
export * from './oauth/index.ts';
export * from './db/index.ts';
export * from './net/index.ts';
export * from './container/index.ts';
