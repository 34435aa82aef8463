import type { FakeRuntime, ScenarioFakeView } from '../../../fakes/shared/fake-kind.ts';
import type { TranscriptEntry } from '../../../fakes/shared/transcript.ts';

/** A started fake as the scenario runner holds it, whatever its kind and runtime. */
export interface ScenarioFake extends ScenarioFakeView {
  kind: string;
  runtime: FakeRuntime;
  /** Values scenarios reference as `{{ fakes.NAME.… }}`: host, port, url and what the kind exposed. */
  values: Record<string, unknown>;
  transcript(): TranscriptEntry[];
  stop(): Promise<void>;
}
