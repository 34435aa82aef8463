import { describe, expect, it } from 'vitest';
import { databaseProfile, HOSTILE, sftpProfile } from './probe-profile-test-helpers.ts';
import { renderHtml } from './render-html.ts';
import { renderPolicyMatrix } from './render-policy-matrix.ts';
import { renderProbePage } from './render-probe-page.ts';
import { totalsOf, type RunReport } from './run-report.ts';

const ESCAPED = '&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;';

/** Each body row as [row header, verdict cell's class, its label, message, provenance]. */
function rows(html: string): string[][] {
  return [...html.replaceAll('<wbr>', '').matchAll(/<tr class="verdict-(\w+)" data-verdict="\1"><th scope="row" class="policy">([^<]*)<\/th><td class="([^"]+)">([^<]*)<\/td><td class="message">([^<]*)<\/td><td class="provenance">([^<]*)<\/td>/g)].map(
    (m) => [m[2]!, m[3]!, m[4]!, m[5]!, m[6]!],
  );
}

describe('renderPolicyMatrix', () => {
  it('sftp: one row per security policy, its verdict as a colour class and a text label, AWS\'s message and its provenance', () => {
    const html = renderPolicyMatrix(sftpProfile(), 'probe-0');
    expect(rows(html)).toEqual([
      ['TransferSFTPConnectorSecurityPolicy-2024-03', 'verdict verdict-ok', 'OK', 'Connection succeeded', 'documented'],
      ['TransferSFTPConnectorSecurityPolicy-FIPS-2024-10', 'verdict verdict-error', 'ERROR', expect.stringContaining('Failed to negotiate key exchange algorithm.'), 'observed'],
      ['TransferSFTPConnectorSecurityPolicy-2023-07', 'verdict verdict-error', 'ERROR', 'Authentication failed for user acme', 'inferred'],
    ]);
    expect(html).toContain('<summary><span class="probe-kind">SFTP</span><span class="probe-target">sftp://acme@sftp.acme.example:2222</span><span class="probe-counts"><span class="verdict-ok-text">1 OK</span> · <span class="verdict-error-text">2 ERROR</span></span></summary>');
    expect(html).toContain('with the given credentials (a real login per policy)');
  });

  it('sftp: the header shows when it was probed, the ident, the banner and each host key\'s fingerprint', () => {
    const html = renderPolicyMatrix(sftpProfile(), 'probe-0');
    expect(html).toContain('<span>probed <b>2026-03-04T05:06:07.000Z</b></span>');
    expect(html).toContain(`<span>ident <b>SSH-2.0-AcmeSFTP_4.2 ${ESCAPED}</b></span>`);
    expect(html).toContain('<span>host key ecdsa-sha2-nistp256 <b>SHA256:Jq3xv6Y0ZqR7b8k4mC2nS1tP5wL9dF0hGzUeAiBcDdE</b></span>');
    expect(html).toContain('<span>host key ssh-ed25519 <b>SHA256:0aZ9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD8cB7aA6</b></span>');
    // The banner as JSON: its line breaks shown, not acted on.
    expect(html).toContain(`<span>banner <b>&quot;Welcome to Acme\\r\\n${ESCAPED.replaceAll('&quot;', '\\&quot;')}\\r\\n&quot;</b></span>`);
  });

  it('sftp: the negotiated algorithms where the profile has them, an empty cell where not, and no column when none has them', () => {
    const html = renderPolicyMatrix(sftpProfile(), 'probe-0');
    expect(html).toContain('<th>Negotiated</th>');
    expect(html).toContain(
      '<td class="negotiated"><span class="kv"><span class="k">kex</span>curve25519-sha256</span><span class="kv"><span class="k">host key</span>ecdsa-sha2-nistp256</span><span class="kv"><span class="k">cipher</span>aes128-gcm@openssh.com</span><span class="kv"><span class="k">mac</span>(in the AEAD cipher)</span></td>',
    );
    expect(html.match(/<td class="negotiated"><\/td>/g)).toHaveLength(2);
    const older = sftpProfile({ policiesWithCredentials: false, policies: sftpProfile().policies.map(({ negotiated: _, ...policy }) => policy) });
    const withoutColumn = renderPolicyMatrix(older, 'probe-0');
    expect(withoutColumn).not.toContain('Negotiated');
    expect(withoutColumn).not.toContain('class="negotiated"');
    expect(withoutColumn).toContain('for a connector that trusts no key yet (no credential sent)');
  });

  it('jdbc: one row per TLS setting; a setting not predicted is grey and says why; the header shows version and TLS', () => {
    const html = renderPolicyMatrix(databaseProfile(), 'probe-1');
    expect(rows(html)).toEqual([
      ['driver-default', 'verdict verdict-ok', 'OK', '{}', 'documented'],
      ['enforce-ssl', 'verdict verdict-error', 'ERROR', `InvalidInputException: SSL error: certificate verify failed ${ESCAPED}`, 'inferred'],
      ['enforce-ssl+custom-cert', 'verdict verdict-skipped', 'NOT PREDICTED', 'no root certificate: the server sent no self-signed root; give the partner&#39;s CA with --ca-file', ''],
    ]);
    expect(html).toContain('<span class="probe-kind">JDBC</span>');
    expect(html).toContain(`<span>version <b>16.4 ${ESCAPED}</b></span>`);
    expect(html).toContain('<span>TLS <b>offered, not required</b></span>');
    expect(html).toContain('<span>server certificate <b>CN=db.acme.example, valid to Jan  1 00:00:00 2030 GMT, 3A:7F:11:C2');
    expect(html).toContain('<span>authentication <b>scram-sha-256</b></span>');
    expect(html).toContain('<span class="verdict-skipped-text">1 NOT PREDICTED</span>');
    expect(html).not.toContain('Negotiated');
  });

  it('lets a long policy name wrap between its words', () => {
    expect(renderPolicyMatrix(sftpProfile(), 'probe-0')).toContain('<th scope="row" class="policy">Transfer<wbr>SFTP<wbr>Connector<wbr>Security<wbr>Policy-2024-03</th>');
  });

  it('escapes everything the partner chose: nothing from a profile opens a tag or leaves an attribute', () => {
    const hostileTarget = sftpProfile({ target: `sftp://acme@host:22/"><img src=x onerror=alert(1)>` });
    for (const html of [renderPolicyMatrix(hostileTarget, 'probe-0'), renderPolicyMatrix(databaseProfile(), 'probe-1')]) {
      expect(html).not.toContain(HOSTILE);
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<img');
      expect(html).toContain(ESCAPED);
    }
    expect(renderPolicyMatrix(hostileTarget, 'probe-0')).toContain('data-target="sftp://acme@host:22/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });
});

describe('the policy matrix in the run report and on its own page', () => {
  const run = (probes?: RunReport['probes']): RunReport => ({
    tool: 'partner-harness',
    startedAt: '2026-01-02T03:04:05.000Z',
    durationMs: 10,
    mode: 'emulated',
    runtime: 'embedded',
    totals: totalsOf([]),
    scenarios: [],
    ...(probes ? { probes } : {}),
  });

  it('report.html: a "Partners probed" section after the summary and before the scenarios, only when profiles were given', () => {
    const html = renderHtml(run([sftpProfile(), databaseProfile()]));
    const section = html.indexOf('<section class="probes"');
    expect(section).toBeGreaterThan(html.indexOf('<p class="totals">'));
    expect(section).toBeLessThan(html.indexOf('<div id="toolbar"'));
    expect(html).toContain('<h2 id="probes-title">Partners probed (2)</h2>');
    expect([...html.matchAll(/<details class="probe" id="(probe-\d)"/g)].map((m) => m[1])).toEqual(['probe-0', 'probe-1']);
    expect(html).toContain('table.matrix td.verdict-ok{background:#1a7f37}');
    // The page's one script is its own filter code.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<details class="probe" [^>]*>/g)!.every((tag) => tag.endsWith(' open>'))).toBe(true);
    // More than two partners: each folded to its summary line, which still shows the counts.
    const many = renderHtml(run([sftpProfile(), databaseProfile(), sftpProfile({ probedAt: '2026-03-05T00:00:00.000Z' })]));
    expect(many.match(/<details class="probe" [^>]*>/g)!.map((tag) => tag.endsWith(' open>'))).toEqual([false, false, false]);
    expect(many.match(/<span class="probe-counts">/g)).toHaveLength(3);
    for (const without of [renderHtml(run()), renderHtml(run([]))]) {
      expect(without).not.toContain('class="probes"');
      expect(without).not.toContain('table.matrix');
    }
  });

  it('probe --html: a page with the section, its style inline, no script and nothing to fetch', () => {
    const page = renderProbePage(databaseProfile());
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<title>partner-harness probe: jdbc:postgresql://db.acme.example:5432/orders</title>');
    expect(page).toContain('<details class="probe" id="probe-0" data-kind="jdbc"');
    expect(page).toContain('table.matrix td.verdict-error{background:#cf222e}');
    expect(page).not.toMatch(/<script|<link|\bsrc=|url\(|@import/);
  });
});
