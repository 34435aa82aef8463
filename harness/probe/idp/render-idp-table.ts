import { printable } from '../../../core/values/index.ts';
import { describeDiagnosis } from './idp-diagnosis.ts';
import type { IdpCaseReport, IdpProbeReport } from './probe-identity-provider.ts';

const RESPONSE_SHOWN = 300;
const INDENT = ' '.repeat(15);

/** The table a person reads: per attempt, AWS's answer, our diagnosis and the verdict. */
export function renderIdpTable(report: IdpProbeReport): string {
  const lines = [
    `identity provider ${report.type} ${shown(report.target)}`,
    "TestIdentityProvider's answer (AWS's words) and our diagnosis beside it, per attempt:",
    '',
    'users:',
  ];
  for (const user of report.users) lines.push(...renderCase(`${shown(user.username)} ${how(user)}, expects ${user.expected}`, user));
  lines.push('', 'edge cases:');
  for (const edge of report.edgeCases) lines.push(...renderCase(`${edge.name}: ${shown(edge.username)} ${how(edge)}`, edge));
  for (const { name, reason } of report.skippedEdgeCases) lines.push(`  ${'skipped'.padEnd(12)} ${name}: ${reason}`);
  const all = [...report.users, ...report.edgeCases];
  const count = (verdict: string, noun: string) => {
    const n = all.filter((entry) => entry.verdict === verdict).length;
    return `${n} ${noun}${n === 1 || noun.endsWith('expected') ? '' : 's'}`;
  };
  lines.push('', `${all.length} attempts: ${count('as-expected', 'as expected')}, ${count('warning', 'warning')}, ${count('problem', 'problem')}`);
  return `${lines.join('\n')}\n`;
}

function renderCase(title: string, entry: IdpCaseReport): string[] {
  const label = entry.verdict === 'problem' ? 'PROBLEM' : entry.verdict;
  const lines = [`  ${label.padEnd(12)} ${title}`];
  const { answer } = entry;
  if (answer) {
    lines.push(`${INDENT}StatusCode ${answer.statusCode}  Message ${shown(answer.message, true)}${answer.url === null ? '' : `  Url ${shown(answer.url)}`}`);
    if (answer.response !== '') {
      const response = answer.response.length > RESPONSE_SHOWN ? `${answer.response.slice(0, RESPONSE_SHOWN)}… (${answer.response.length} characters; --json has all)` : answer.response;
      lines.push(`${INDENT}Response ${shown(response)}`);
    }
  }
  lines.push(`${INDENT}diagnosis: ${shown(describeDiagnosis(entry.diagnosis))}`, `${INDENT}${shown(entry.explanation)}`);
  return lines;
}

function how(entry: IdpCaseReport): string {
  return `(${entry.protocol}, ${entry.passwordLogin ? 'password' : 'public key'}${entry.sourceIp ? `, from ${entry.sourceIp}` : ''})`;
}

/** Text from the provider or the users file, safe for a terminal (see printable). */
function shown(text: string, quoted = false): string {
  return quoted ? `"${printable(text)}"` : printable(text);
}
