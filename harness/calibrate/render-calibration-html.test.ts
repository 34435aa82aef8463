import { describe, expect, it } from 'vitest';
import type { CalibrationReport } from './calibration-report.ts';
import { renderCalibrationHtml } from './render-calibration-html.ts';

const HOSTILE = `</code><script>alert("x")</script><img src=x onerror='y'>`;

describe('renderCalibrationHtml', () => {
  it('is one self-contained page in which whatever the target said is text, not markup', () => {
    const report: CalibrationReport = {
      tool: 'partner-harness',
      report: 'calibration',
      target: 'http://127.0.0.1:4566/<b>',
      region: 'eu-west-1',
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 12,
      totals: { matched: 0, different: 1, error: 0, skipped: 0, total: 1, observed: 1 },
      scenarios: [
        {
          file: 'scenarios/a.yaml',
          name: 'A <partner>',
          operation: 'transfer:TestConnection',
          verdict: 'different',
          message: 'different',
          emulated: { status: 'OK', message: 'Connection succeeded', httpStatus: 200, shape: ['Status'], messageId: 'transfer.test-connection.succeeded', provenance: 'documented' },
          target: { status: 'OK', message: HOSTILE, httpStatus: 200, shape: ['Status'] },
          differences: [{ aspect: 'message', emulated: 'Connection succeeded', target: HOSTILE }],
          observed: { id: 'transfer.test-connection.succeeded', text: HOSTILE, observedAt: '2026-01-01T00:00:00.000Z', region: 'eu-west-1', scenario: 'scenarios/a.yaml#A', target: 'aws' },
          leftBehind: ['given.connectors.acme: <left>'],
        },
      ],
    };
    const html = renderCalibrationHtml(report);
    expect(html).not.toMatch(/<script|<img|<b>|<link/);
    expect(html).toContain('&lt;/code&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt;');
    expect(html).toContain('<tr class="differs"><th>Message</th><td><code>Connection succeeded</code></td>');
    expect(html).toContain('DIFFERENT · A &lt;partner&gt;');
    expect(html).toContain('Left on the target: given.connectors.acme: &lt;left&gt;');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });
});
