import { renderJunitCases } from '../render-junit-cases.ts';
import type { PolicyPrediction } from './predict-policies.ts';

/**
 * JUnit XML for CI: one testcase per connector security policy, failed when TestConnection
 * would answer ERROR, with AWS's message (the predicted StatusMessage) as the failure.
 */
export function renderProbeJunit(target: string, policies: PolicyPrediction[]): string {
  return renderJunitCases(
    'partner-harness probe',
    `partner-harness probe ${target}`,
    policies.map((policy) => ({
      name: `TestConnection under ${policy.name}`,
      ...(policy.status === 'OK'
        ? {}
        : {
            failure: {
              message: policy.statusMessage,
              type: 'TestConnectionError',
              detail: [`Status: ${policy.status}`, `StatusMessage: ${policy.statusMessage}`, ...(policy.hostKey ? [`HostKey: ${policy.hostKey}`] : []), ...(policy.provenance ? [`(message ${policy.provenance})`] : [])].join('\n'),
            },
          }),
    })),
  );
}
