import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../scenario/run-scenario.ts';
import { renderHtml } from './render-html.ts';
import { totalsOf, type RunReport, type ScenarioReportEntry } from './run-report.ts';

const XSS = '<script>alert("x")</script>';
const ESCAPED_XSS = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';

function result(overrides: Partial<ScenarioResult> = {}): ScenarioResult {
  return {
    name: 'x',
    mode: 'emulated',
    operation: 'transfer:TestConnection',
    passed: false,
    expectations: [],
    fakes: {},
    transcripts: {},
    durationMs: 5,
    ...overrides,
  };
}

function report(scenarios: ScenarioReportEntry[]): RunReport {
  return {
    tool: 'partner-harness',
    startedAt: '2026-01-02T03:04:05.000Z',
    durationMs: 1234,
    mode: 'emulated',
    runtime: 'process',
    versions: { partnerHarness: '9.8.7', node: 'v20.1.2' },
    totals: totalsOf(scenarios),
    scenarios,
  };
}

const hostile: ScenarioReportEntry = {
  name: `Partner ${XSS}`,
  file: `scenarios/${XSS}.yaml`,
  state: 'failed',
  durationMs: 12,
  errors: [],
  result: result({
    request: { ConnectorId: 'c-0123456789abcdef0' },
    response: { Status: 'ERROR', StatusMessage: `Failed: ${XSS}` },
    expectations: [{ field: 'StatusMessage', expected: `Ok ${XSS}`, actual: `Failed: ${XSS}`, passed: false }],
    emulator: {
      requestId: 'req-1',
      httpStatus: 200,
      transcript: [{ at: 1, kind: 'connect', detail: { banner: XSS } }],
      diagnosis: [{ code: 'host-key-mismatch', text: `The server showed ${XSS}`, fix: 'Trust the key' }],
      messages: [
        { id: 'transfer.test-connection.auth-failed', text: `Authentication failed for user ${XSS}`, provenance: 'inferred', source: 'No text found & inferred' },
        { id: 'transfer.test-connection.succeeded', text: 'Connection succeeded', provenance: 'user', source: 'user override' },
      ],
    },
    fakes: { partner: { kind: 'sftp', runtime: 'process', host: '127.0.0.1', port: 2222 } },
    transcripts: { partner: [{ kind: 'auth', detail: { user: XSS } }] },
    setupError: `could not start ${XSS}`,
  }),
};

const passedEntry: ScenarioReportEntry = {
  name: 'Password login succeeds',
  file: 'scenarios/01.yaml',
  state: 'passed',
  durationMs: 40,
  errors: [],
  result: result({
    passed: true,
    tags: ['password', 'smoke'],
    seed: 7,
    request: { ConnectorId: 'c-0123456789abcdef0' },
    expectations: [{ field: 'Status', expected: 'OK', actual: 'OK', passed: true }],
    fakes: { partner: { kind: 'sftp', runtime: 'embedded' } },
  }),
};

const invalidEntry: ScenarioReportEntry = {
  name: 'broken.yaml',
  file: 'scenarios/broken.yaml',
  state: 'invalid',
  durationMs: 1,
  errors: [`Error: ${XSS}`],
  invalid: { file: 'scenarios/broken.yaml', issues: [{ path: 'when', message: `Required ${XSS}` }] },
};

describe('renderHtml', () => {
  it('escapes scenario names, files, messages, sources and transcripts', () => {
    const html = renderHtml(report([hostile, invalidEntry]));
    // The page's one script is its own filter code; nothing from the run opens a tag.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toContain(XSS);
    expect(html).toContain(`<span class="name">Partner ${ESCAPED_XSS}</span>`);
    expect(html).toContain(`scenarios/${ESCAPED_XSS}.yaml`);
    expect(html).toContain(`<td>Authentication failed for user ${ESCAPED_XSS}</td>`);
    expect(html).toContain('<td>No text found &amp; inferred</td>');
    expect(html).toContain(`Could not run: could not start ${ESCAPED_XSS}`);
    expect(html).toContain(`<td>Required ${ESCAPED_XSS}</td>`);
    expect(html).toContain(`<span class="k">banner</span> ${ESCAPED_XSS}</span>`);
    expect(html).toContain(`<span class="k">user</span> ${ESCAPED_XSS}</span>`);
    // JSON blocks: the JSON string escaping of the quotes happens first, then HTML escaping.
    expect(html).toContain('&lt;script&gt;alert(\\&quot;x\\&quot;)&lt;/script&gt;');
  });

  it('escapes values in the filter attributes and options', () => {
    const tagged: ScenarioReportEntry = { ...passedEntry, result: result({ operation: `transfer:${XSS}`, tags: [`"><b>${XSS}`] }) };
    const html = renderHtml(report([tagged]));
    expect(html).toContain(`data-operation="transfer:${ESCAPED_XSS}"`);
    expect(html).toContain(`data-tag="&quot;&gt;&lt;b&gt;${ESCAPED_XSS}"`);
    expect(html).toContain(`<option value="&quot;&gt;&lt;b&gt;${ESCAPED_XSS}">`);
    expect(html).not.toContain('<b><script>');
  });

  it('lists failures first, then invalid, skipped and passed scenarios', () => {
    const skipped: ScenarioReportEntry = { name: 'Skipped one', file: 's.yaml', state: 'skipped', durationMs: 0, errors: [], skipReason: 'needs docker' };
    const html = renderHtml(report([passedEntry, skipped, invalidEntry, hostile]));
    const states = [...html.matchAll(/<details class="scenario" id="scenario-\d+" data-state="(\w+)"/g)].map((m) => m[1]);
    expect(states).toEqual(['failed', 'invalid', 'skipped', 'passed']);
    expect(html).toContain('<p class="skipped">Skipped: needs docker</p>');
    // An invalid file has nothing to reproduce: serve would refuse it.
    const invalid = html.slice(html.indexOf('data-state="invalid"'), html.indexOf('data-state="skipped"'));
    expect(invalid).not.toContain('Reproduce');
    expect(html.match(/<pre>partner-harness serve /g)).toHaveLength(3);
  });

  it('shows the diagnosis in its own table beside AWS\'s answer, escaped', () => {
    const html = renderHtml(report([hostile]));
    const answer = html.slice(html.indexOf('<div class="pair answer">'));
    expect(answer).toMatch(/^<div class="pair answer"><div><h4>AWS's answer<\/h4><pre>HTTP 200\n\{\n {2}&quot;Status&quot;: &quot;ERROR&quot;/);
    expect(answer).toContain('</pre></div><div><h4>Harness diagnosis</h4><div class="diagnosis"><table><thead><tr><th>Diagnosis</th><th>What the harness saw</th><th>Fix</th>');
    expect(answer).toContain('<td>host-key-mismatch</td><td>The server showed &lt;script&gt;');
    // The diagnosis is never inside AWS's answer.
    expect(answer.slice(0, answer.indexOf('</pre>'))).not.toContain('host-key-mismatch');
  });

  it('shows the catalogue entries with their provenance in a table', () => {
    const html = renderHtml(report([hostile]));
    expect(html).toContain('<th>Message id</th><th>Text</th><th>Provenance</th><th>Source</th>');
    const rows = [...html.matchAll(/<tr><td>(transfer\.[^<]+)<\/td><td>[^<]*<\/td><td>([^<]+)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ['transfer.test-connection.auth-failed', 'inferred'],
      ['transfer.test-connection.succeeded', 'user'],
    ]);
  });

  it('shows a missed expectation side by side, with the differing characters marked on each side', () => {
    const html = renderHtml(report([hostile]));
    expect(html).toContain('<div class="expectation miss"><div class="field">✗ StatusMessage</div>');
    // "Ok <script>…" against "Failed: <script>…": only the start differs, escaped inside the marks.
    expect(html).toContain(`<pre class="expected"><del>Ok</del> ${ESCAPED_XSS}</pre>`);
    expect(html).toContain(`<pre class="actual"><ins>Failed:</ins> ${ESCAPED_XSS}</pre>`);
  });

  it('shows a met expectation once, with its mark', () => {
    const html = renderHtml(report([passedEntry]));
    expect(html).toContain('<div class="expectation ok"><div class="field">✓ Status</div><pre>OK</pre></div>');
    expect(html).not.toContain('<del>');
  });

  it('shows transcripts as timelines: one row per step, named, timed and marked when it went wrong', () => {
    const transcript = [
      { at: 2, kind: 'tcp-connected', detail: { host: '127.0.0.1', port: 22 } },
      { at: 8, kind: 'handshake', detail: { negotiated: { kex: 'curve25519-sha256', serverHostKey: 'ssh-ed25519', cs: { cipher: 'aes128-gcm@openssh.com', mac: '', compress: 'none', lang: '' } } } },
      { at: 9, kind: 'auth', detail: { user: 'u', method: 'none', result: 'rejected' } },
      { at: 9, kind: 'auth', detail: { user: 'u', method: 'password', result: 'rejected' } },
      { at: 12, kind: 'request', detail: { method: 'GET', path: '/prod/servers/s-1/users/u/config', status: 500, durationMs: 3 } },
      { at: 15, kind: 'something-new', detail: { x: 1 } },
    ];
    const entry = { ...passedEntry, result: result({ fakes: { idp: { kind: 'idp', runtime: 'embedded' } }, transcripts: { idp: transcript } }) };
    const html = renderHtml(report([entry]));
    expect(html).toContain('<h4>Fake idp (idp, embedded)</h4>');
    expect(html).toContain('<li class="step tcp" data-kind="tcp-connected"><span class="at">2 ms</span><span class="label">TCP connected</span>');
    expect(html).toContain('<tr><td>key exchange</td><td><code>curve25519-sha256</code></td></tr><tr><td>host key</td><td><code>ssh-ed25519</code></td></tr>');
    expect(html).toContain('<tr><td>cipher client→server</td><td><code>aes128-gcm@openssh.com</code></td></tr><tr><td>compress client→server</td>');
    // The routine "none" probe is not a failure; the refused password is.
    expect(html).toContain('<li class="step ssh" data-kind="auth"><span class="at">9 ms</span><span class="label">SSH auth attempt</span><span class="what"><span class="kv"><span class="k">user</span> u</span> <span class="kv"><span class="k">method</span> none</span>');
    expect(html).toContain('<li class="step ssh bad" data-kind="auth">');
    expect(html).toContain('<li class="step http bad" data-kind="request"><span class="at">12 ms</span><span class="label">HTTP request</span>');
    expect(html).toContain('<span class="k">durationMs</span> 3 ms</span>');
    expect(html).toContain('<li class="step other" data-kind="something-new"><span class="at">15 ms</span><span class="label">something-new</span><span class="what"><span class="kv"><span class="k">x</span> 1</span></span></li>');
  });

  it('includes the emulator timeline with its request id', () => {
    const html = renderHtml(report([hostile]));
    expect(html).toContain('<h4>Emulator (AWS side) · request req-1</h4>');
    expect(html).toContain('<li class="step tcp" data-kind="connect"><span class="at">1 ms</span><span class="label">Connect</span>');
  });

  it('gives the commands that reproduce a scenario and its seed, secrets as variables', () => {
    const withSecret: ScenarioReportEntry = {
      ...passedEntry,
      result: result({ file: 'scenarios/01 login.yaml', operation: 'secretsmanager:CreateSecret', request: { Name: 'partners/acme', SecretString: '***' }, seed: 3 }),
    };
    const html = renderHtml(report([withSecret]));
    expect(html).toContain("<pre>partner-harness serve &#39;scenarios/01 login.yaml&#39; --runtime process</pre>");
    expect(html).toContain('<pre>aws secretsmanager create-secret --name partners/acme --secret-string &quot;$PH_SECRET_STRING&quot; --endpoint-url &quot;$PH_ENDPOINT_URL&quot; --region us-east-1</pre>');
    expect(html).toContain('PH_SECRET_STRING: the secret the scenario uses');
    expect(html).toContain('Faker seed 3');
    // The redacted value stays in the request as recorded; the command names a variable instead.
    expect(html).not.toMatch(/aws [^<]*\*\*\*/);
  });

  it('in mode aws, gives the AWS CLI call alone: serve only emulates', () => {
    const html = renderHtml({ ...report([{ ...passedEntry, result: { ...passedEntry.result!, mode: 'aws' } }]), mode: 'aws' });
    expect(html).not.toContain('partner-harness serve');
    expect(html).toContain('<pre>aws transfer test-connection --connector-id c-0123456789abcdef0 --region &quot;$AWS_REGION&quot;</pre>');
    expect(html).toContain('None: AWS answered, the harness diagnoses only emulated answers.');
  });

  it('puts each scenario\'s status, operation, tags and fake runtimes where the filters read them', () => {
    const html = renderHtml(report([passedEntry, hostile]));
    expect(html).toContain('data-state="passed" data-operation="transfer:TestConnection" data-tag="password|smoke" data-runtime="embedded"');
    expect(html).toContain('<select data-filter="tag" id="filter-tag"><option value="">all</option><option value="password">password</option><option value="smoke">smoke</option></select>');
    expect(html).toContain('<select data-filter="runtime" id="filter-runtime"><option value="">all</option><option value="embedded">embedded</option><option value="process">process</option></select>');
    expect(html).toContain('<option value="failed">failed (1)</option><option value="passed">passed (1)</option>');
    // Without JavaScript the toolbar stays hidden and every scenario is listed.
    expect(html).toContain('<div id="toolbar" class="toolbar" role="search" hidden>');
  });

  it('opens failing and invalid scenarios and folds passing ones', () => {
    const html = renderHtml(report([passedEntry, hostile, invalidEntry]));
    expect(html).toMatch(/<details class="scenario" id="scenario-2" data-state="passed"[^>]*"><summary><span class="state passed">PASSED<\/span><span class="name">Password login succeeds<\/span>/);
    expect(html).toMatch(/<details class="scenario" id="scenario-0" data-state="failed"[^>]* open><summary>/);
    expect(html).toMatch(/<details class="scenario" id="scenario-1" data-state="invalid"[^>]* open><summary>/);
  });

  it('shows the totals and run details: mode, runtimes, versions', () => {
    const html = renderHtml(report([passedEntry, hostile, invalidEntry]));
    expect(html).toContain('<span>3 scenario(s)</span><span class="passed">1 passed</span><span class="failed">1 failed</span>');
    expect(html).toContain('<span class="invalid">1 invalid</span><span class="skipped">0 skipped</span>');
    expect(html).toContain('<span>mode <b>emulated</b></span><span>runtime <b>process</b></span><span>fakes by runtime <b>embedded × 1, process × 1</b></span>');
    expect(html).toContain('<span>started <b>2026-01-02T03:04:05.000Z</b></span>');
    expect(html).toContain('<span>partner-harness <b>9.8.7</b></span><span>node <b>v20.1.2</b></span>');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('is self-contained: nothing is fetched from the network', () => {
    const html = renderHtml(report([passedEntry, hostile, invalidEntry]));
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc=|@import|url\(/);
  });

  it('omits the message table when the emulator used no message', () => {
    expect(renderHtml(report([passedEntry]))).not.toContain('<th>Provenance</th>');
  });

  it('marks an interrupted run and shows captured console output, escaped', () => {
    const html = renderHtml({ ...report([{ ...passedEntry, output: [{ stream: 'stdout', text: `printed ${XSS}\n` }] }]), interrupted: true });
    expect(html).toContain('<p class="failed">Interrupted: only the scenarios that finished before the interrupt are listed.</p>');
    expect(html).toContain(`<h4>Console output</h4><pre>printed ${ESCAPED_XSS}\n</pre>`);
  });
});
