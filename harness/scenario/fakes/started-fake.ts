import type { TranscriptEntry } from '../../../fakes/shared/transcript.ts';

/** What the scenario runner needs from any fake, whatever its kind and runtime. */
export interface ScenarioFake {
  kind: string;
  runtime: 'embedded' | 'process' | 'container';
  /** Values scenarios reference as `{{ fakes.NAME.… }}`. */
  values: Record<string, unknown>;
  /** Secrets the fake holds (user passwords), for redaction. */
  secrets: string[];
  transcript(): TranscriptEntry[];
  /** Fakes that can stand in for a Lambda function (identity providers) invoke through this. */
  invokeAsLambda?: (event: unknown) => Promise<unknown>;
  stop(): Promise<void>;
}
