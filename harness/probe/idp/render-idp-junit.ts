import { renderJunitCases } from '../render-junit-cases.ts';
import { describeDiagnosis } from './idp-diagnosis.ts';
import type { IdpCaseReport, IdpProbeReport } from './probe-identity-provider.ts';

/**
 * JUnit XML for CI: one test case per user and per edge case, failed when its verdict is a
 * problem, with the explanation as the message and AWS's answer and our diagnosis as the detail.
 * Warnings pass (JUnit has no warning); the table and --json show them. Edge cases that could not
 * run (no user with a password) are skipped cases.
 */
export function renderIdpJunit(report: IdpProbeReport): string {
  return renderJunitCases('partner-harness probe idp', `partner-harness probe idp ${report.target}`, [
    ...report.users.map((user) => toCase(`user ${user.username} (${user.protocol}, ${user.passwordLogin ? 'password' : 'public key'}) expects ${user.expected}`, user)),
    ...report.edgeCases.map((edge) => toCase(`edge case: ${edge.name} (${edge.username})`, edge)),
    ...report.skippedEdgeCases.map(({ name, reason }) => ({ name: `edge case: ${name}`, skipped: reason })),
  ]);
}

function toCase(name: string, entry: IdpCaseReport) {
  if (entry.verdict !== 'problem') return { name };
  const { answer } = entry;
  const detail = [
    ...(answer ? [`StatusCode: ${answer.statusCode}`, `Message: ${answer.message}`, `Response: ${answer.response}`, `Url: ${answer.url ?? '(none: AWS sends it for API Gateway providers only)'}`] : ['(no answer: TestIdentityProvider refused the request)']),
    `diagnosis: ${describeDiagnosis(entry.diagnosis)}`,
  ].join('\n');
  return { name, failure: { message: entry.explanation, type: 'IdentityProviderAnswer', detail } };
}
