import type { ProbeProfile } from '../probe/probe-profile.ts';
import { htmlEscape as escape } from './html-escape.ts';
import { MATRIX_VERDICTS, policyMatrix, VERDICT_LABELS, type MatrixRow } from './policy-matrix.ts';

/**
 * A saved probe (`probe --save`) as an HTML section: who was probed and when, what the server
 * showed (ident and host-key fingerprints, or version and TLS), then the policy matrix: one row
 * per connector security policy (sftp) or Glue TLS setting (jdbc), coloured and labelled by
 * AWS's predicted answer, with AWS's message, its provenance and, where the profile has them,
 * the algorithms the policy negotiated. Every value from the profile is escaped. Folded
 * (`open` false), its summary line still shows how many answers are OK, ERROR or not predicted.
 */
export function renderPolicyMatrix(profile: ProbeProfile, id: string, open = true): string {
  const { kind, basis, rowHeader, facts, rows } = policyMatrix(profile);
  const counts = MATRIX_VERDICTS.map((verdict) => [verdict, rows.filter((row) => row.verdict === verdict).length] as const)
    .filter(([, count]) => count > 0)
    .map(([verdict, count]) => `<span class="verdict-${verdict}-text">${count} ${VERDICT_LABELS[verdict]}</span>`);
  const summary = `<summary><span class="probe-kind">${kind.toUpperCase()}</span><span class="probe-target">${escape(profile.target)}</span><span class="probe-counts">${counts.join(' · ')}</span></summary>`;
  return `<details class="probe" id="${escape(id)}" data-kind="${kind}" data-target="${escape(profile.target)}"${open ? ' open' : ''}>${summary}
<div class="body">
<div class="run">${facts.map(([name, value]) => `<span>${escape(name)} <b>${escape(value)}</b></span>`).join('')}</div>
${matrixTable(basis, rowHeader, rows)}
</div></details>`;
}

/**
 * The run report's "Partners probed" section: every profile given with `run --profile`. With
 * more than two partners each is folded to its summary line, so the scenarios stay near the top.
 */
export function renderProbesSection(probes: readonly ProbeProfile[]): string {
  if (probes.length === 0) return '';
  return `<section class="probes" aria-labelledby="probes-title"><h2 id="probes-title">Partners probed (${probes.length})</h2>
<p class="note">What AWS's test operation would answer for each partner, as <code>partner-harness probe</code> predicted it when the partner was probed (the profiles given with <code>run --profile</code>).</p>
${probes.map((profile, index) => renderPolicyMatrix(profile, `probe-${index}`, probes.length <= 2)).join('\n')}
</section>`;
}

/** A name such as TransferSFTPConnectorSecurityPolicy-2024-03 may wrap between its words, not inside one. */
function wordBreaks(name: string): string {
  return name.split(/(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).map(escape).join('<wbr>');
}

function matrixTable(caption: string, rowHeader: string, rows: MatrixRow[]): string {
  const negotiated = rows.some((row) => row.negotiated);
  const headers = [rowHeader, 'Answer', 'AWS’s message', 'Provenance', ...(negotiated ? ['Negotiated'] : [])];
  const body = rows.map((row) => {
    const cells = [
      `<th scope="row" class="policy">${wordBreaks(row.name)}</th>`,
      `<td class="verdict verdict-${row.verdict}">${VERDICT_LABELS[row.verdict]}</td>`,
      `<td class="message">${escape(row.message)}</td>`,
      `<td class="provenance">${escape(row.provenance ?? '')}</td>`,
      ...(negotiated ? [`<td class="negotiated">${(row.negotiated ?? []).map(([what, name]) => `<span class="kv"><span class="k">${escape(what)}</span>${escape(name)}</span>`).join('')}</td>`] : []),
    ];
    return `<tr class="verdict-${row.verdict}" data-verdict="${row.verdict}">${cells.join('')}</tr>`;
  });
  return `<table class="matrix"><caption>${escape(caption)}</caption><thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}
