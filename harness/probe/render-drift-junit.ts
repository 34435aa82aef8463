import { renderJunitCases } from './render-junit-cases.ts';
import type { DriftChange } from './sftp/compare-profiles.ts';

/** What drift compares, per kind of partner: one JUnit case each. */
const ASPECTS: Record<'sftp' | 'database', Array<DriftChange['aspect']>> = {
  sftp: ['host-keys', 'algorithms', 'ident', 'banner', 'auth-methods', 'policy'],
  database: ['certificate', 'tls', 'version', 'auth-methods', 'policy'],
};

/** One test case per aspect of the partner, failed when it drifted (nightly CI). */
export function renderDriftJunit(target: string, kind: 'sftp' | 'database', changes: DriftChange[]): string {
  return renderJunitCases(
    'partner-harness drift',
    `partner-harness drift ${target}`,
    ASPECTS[kind].map((aspect) => {
      const found = changes.filter((change) => change.aspect === aspect);
      const detail = found.map((change) => change.change + (change.fix ? `\nfix: ${change.fix}` : '')).join('\n');
      return { name: `${aspect} unchanged`, ...(found.length > 0 ? { failure: { message: found[0]!.change, type: 'PartnerDrift', detail } } : {}) };
    }),
  );
}
