import type { FieldIssue } from '../scenario-file-error.ts';
import type { ScenarioResult } from '../run-scenario.ts';

/** What each scenario test attaches to `task.meta` for reporters (JSON-serialisable, redacted). */
export interface ScenarioMeta {
  partnerHarness?: {
    result?: ScenarioResult;
    invalid?: { file: string; issues: FieldIssue[] };
    /** Why the scenario was skipped: what it needs that this machine cannot give. */
    skipReason?: string;
  };
}
