import { renderJunitCases } from '../render-junit-cases.ts';
import type { DriftChange } from './compare-profiles.ts';

const ASPECTS: Array<DriftChange['aspect']> = ['host-keys', 'algorithms', 'ident', 'banner', 'auth-methods', 'policy'];

/** One test case per aspect of the partner, failed when it drifted (nightly CI). */
export function renderDriftJunit(target: string, changes: DriftChange[]): string {
  return renderJunitCases(
    'partner-harness drift',
    `partner-harness drift ${target}`,
    ASPECTS.map((aspect) => {
      const found = changes.filter((change) => change.aspect === aspect);
      const detail = found.map((change) => change.change + (change.fix ? `\nfix: ${change.fix}` : '')).join('\n');
      return { name: `${aspect} unchanged`, ...(found.length > 0 ? { failure: { message: found[0]!.change, type: 'PartnerDrift', detail } } : {}) };
    }),
  );
}
