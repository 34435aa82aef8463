import type { ProbeProfile } from '../probe/probe-profile.ts';
import { HTML_BASE_STYLE } from './html-base-style.ts';
import { htmlEscape as escape } from './html-escape.ts';
import { HTML_REPORT_STYLE } from './html-report-style.ts';
import { POLICY_MATRIX_STYLE } from './policy-matrix-style.ts';
import { renderPolicyMatrix } from './render-policy-matrix.ts';

/** `probe … --html <file>`: one probe's matrix as a self-contained page (inline style, no script, nothing fetched). */
export function renderProbePage(profile: ProbeProfile): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>partner-harness probe: ${escape(profile.target)}</title>
<style>
${HTML_BASE_STYLE}
${HTML_REPORT_STYLE}
${POLICY_MATRIX_STYLE}
</style></head><body>
<h1>partner-harness probe</h1>
<section class="probes">
${renderPolicyMatrix(profile, 'probe-0')}
</section>
</body></html>
`;
}
