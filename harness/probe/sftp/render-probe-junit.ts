import { xmlAttr, xmlText } from '../../reports/xml-escape.ts';
import type { PolicyPrediction } from './predict-policies.ts';

/**
 * JUnit XML for CI: one testcase per connector security policy, failed when TestConnection
 * would answer ERROR, with AWS's message (the predicted StatusMessage) as the failure.
 */
export function renderProbeJunit(target: string, policies: PolicyPrediction[]): string {
  const failures = policies.filter((policy) => policy.status !== 'OK').length;
  const suite = `partner-harness probe ${target}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    `<testsuites name="partner-harness probe" tests="${policies.length}" failures="${failures}" errors="0" skipped="0">`,
    `  <testsuite name="${xmlAttr(suite)}" tests="${policies.length}" failures="${failures}" errors="0" skipped="0">`,
  ];
  for (const policy of policies) {
    const open = `    <testcase classname="${xmlAttr(suite)}" name="${xmlAttr(`TestConnection under ${policy.name}`)}"`;
    if (policy.status === 'OK') {
      lines.push(`${open}/>`);
      continue;
    }
    const detail = [`Status: ${policy.status}`, `StatusMessage: ${policy.statusMessage}`, ...(policy.hostKey ? [`HostKey: ${policy.hostKey}`] : []), ...(policy.provenance ? [`(message ${policy.provenance})`] : [])].join('\n');
    lines.push(`${open}>`, `      <failure message="${xmlAttr(policy.statusMessage)}" type="TestConnectionError">${xmlText(detail)}</failure>`, '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
