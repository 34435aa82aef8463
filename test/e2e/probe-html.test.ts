import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresFake } from '../../fakes/db/index.ts';
import { SftpFake } from '../../fakes/sftp/index.ts';
import { connectorSecurityPolicies } from '../../harness/aws/index.ts';
import type { RunReport } from '../../harness/reports/index.ts';
import { ROOT, runCli } from '../support/run-cli.ts';

/** The partner's password: it must appear in no file and no output. */
const CANARY = 'Canary-Pass-7f3e9d2b';
const env = { PARTNER_PASSWORD: CANARY, DB_PASSWORD: CANARY };
const POLICIES = Object.keys(connectorSecurityPolicies);
// Quick catalogue scenarios (an embedded identity-provider fake each), two so that two shards each get one.
const SCENARIOS = ['01-password-login-succeeds.yaml', '03-wrong-password.yaml'].map((file) => join(ROOT, 'scenarios/identity-provider', file));

/** Every row of a page's policy matrices: [policy or setting, verdict class, label]. */
function matrixRows(html: string): string[][] {
  return [...html.replaceAll('<wbr>', '').matchAll(/<th scope="row" class="policy">([^<]*)<\/th><td class="verdict (verdict-\w+)">([^<]*)<\/td>/g)].map((m) => [m[1]!, m[2]!, m[3]!]);
}

describe('probe --html and run --profile: the policy matrix, from a real probe to the reports', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);
  let outputs = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-probe-html-'));
    // A partner whose key exchange FIPS cannot share: two policies log in, one fails to negotiate.
    await using partner = await new SftpFake().withAlgorithms({ kex: ['curve25519-sha256', 'diffie-hellman-group14-sha1'] }).withUser('acme', { password: CANARY }).start();
    const probed = await runCli(['probe', `sftp://acme@${partner.getHost()}:${partner.getPort()}`, '--password-env', 'PARTNER_PASSWORD', '--save', file('acme.yaml'), '--html', file('acme.html')], { env });
    expect(probed.code, probed.stderr).toBe(0);
    outputs += probed.stdout + probed.stderr;
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('probe sftp://… --html writes a self-contained page with one coloured, labelled row per security policy and the negotiated algorithms', async () => {
    const html = await readFile(file('acme.html'), 'utf8');
    const fips = 'TransferSFTPConnectorSecurityPolicy-FIPS-2024-10';
    expect(matrixRows(html).sort()).toEqual(POLICIES.map((name) => (name === fips ? [name, 'verdict-error', 'ERROR'] : [name, 'verdict-ok', 'OK'])).sort());
    expect(html).toMatch(/<td class="message">Connection succeeded<\/td>/);
    expect(html).toContain('<span class="k">kex</span>curve25519-sha256</span>');
    // The page equals the saved profile's matrix: the same facts, the same answers.
    const profile = parse(await readFile(file('acme.yaml'), 'utf8')) as { target: string; probedAt: string; hostKeys: Array<{ fingerprint: string }> };
    expect(html).toContain(`<span>probed <b>${profile.probedAt}</b></span>`);
    for (const key of profile.hostKeys) expect(html).toContain(key.fingerprint);
    expect(html).not.toMatch(/<script|<link|\bsrc=|url\(/);
  });

  it('probe jdbc:… --html writes the same section for a database: one row per Glue TLS setting', async () => {
    await using db = await new PostgresFake().withUser('etl', CANARY).withDatabase('orders', { owner: 'etl' }).start();
    const probed = await runCli(['probe', db.getJdbcUrl('orders'), '--user', 'etl', '--password-env', 'DB_PASSWORD', '--save', file('orders.yaml'), '--html', file('orders.html')], { env });
    expect(probed.code, probed.stderr).toBe(0);
    outputs += probed.stdout + probed.stderr;
    const html = await readFile(file('orders.html'), 'utf8');
    // No TLS: the driver's default logs in, the settings that enforce SSL fail, those that need the server's root are not predicted.
    expect(matrixRows(html)).toEqual([
      ['driver-default', 'verdict-ok', 'OK'],
      ['enforce-ssl', 'verdict-error', 'ERROR'],
      ['enforce-ssl+custom-cert', 'verdict-skipped', 'NOT PREDICTED'],
      ['enforce-ssl+custom-cert+skip-validation', 'verdict-skipped', 'NOT PREDICTED'],
    ]);
    expect(html).toContain('<span>TLS <b>not offered</b></span>');
  }, 120_000);

  it('run --profile in each shard, then merge-reports: the probes in report.json, report.html and the Markdown, each partner once', async () => {
    for (const index of [1, 2]) {
      const extra = index === 1 ? ['--profile', file('orders.yaml')] : [];
      const result = await runCli(['run', ...SCENARIOS, '--shard', `${index}/2`, '--out', file(`shard-${index}`), '--profile', file('acme.yaml'), ...extra]);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      outputs += result.stdout + result.stderr;
    }
    const shard = JSON.parse(await readFile(join(file('shard-1'), 'report.json'), 'utf8')) as RunReport;
    expect(shard.probes?.map((probe) => probe.target)).toEqual([expect.stringMatching(/^sftp:\/\/acme@/), expect.stringMatching(/^jdbc:postgresql:\/\//)]);
    expect(shard.probes![0]).toEqual(parse(await readFile(file('acme.yaml'), 'utf8')));
    const shardHtml = await readFile(join(file('shard-1'), 'report.html'), 'utf8');
    expect(shardHtml.indexOf('<h2 id="probes-title">Partners probed (2)</h2>')).toBeGreaterThan(0);
    expect(shardHtml.indexOf('<section class="probes"')).toBeLessThan(shardHtml.indexOf('<main>'));

    const merged = await runCli(['merge-reports', file('shard-1'), file('shard-2'), '--out', file('merged')]);
    expect(merged.code, merged.stderr).toBe(0);
    const report = JSON.parse(await readFile(join(file('merged'), 'report.json'), 'utf8')) as RunReport;
    expect(report.probes?.map((probe) => probe.target)).toEqual(shard.probes!.map((probe) => probe.target));
    expect(matrixRows(await readFile(join(file('merged'), 'report.html'), 'utf8'))).toHaveLength(POLICIES.length + 4);

    const markdown = await runCli(['report', file('merged'), '--format', 'markdown']);
    expect(markdown.code, markdown.stderr).toBe(0);
    expect(markdown.stdout).toContain('### Partners probed (2)');
    expect(markdown.stdout).toMatch(/^\| jdbc:postgresql:\/\/[^|]+ \| [^|]+ \| driver-default \| enforce-ssl \| enforce-ssl\+custom-cert, enforce-ssl\+custom-cert\+skip-validation \|$/m);
    outputs += markdown.stdout + markdown.stderr;
  }, 180_000);

  it('a bad --profile, a typo in the option, and --html for probe idp are exit 2, saying what to fix', async () => {
    await writeFile(file('bad.yaml'), (await readFile(file('acme.yaml'), 'utf8')).replace('status: OK', 'status: PASSED'));
    const bad = await runCli(['run', SCENARIOS[0]!, '--out', file('bad-out'), '--profile', file('bad.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(new RegExp(`^partner-harness: --profile ${file('bad.yaml')}: policies\\.\\d\\.status: .*; write it again with \`partner-harness probe --save ${file('bad.yaml')}\``, 'm'));
    const missing = await runCli(['run', SCENARIOS[0]!, '--out', file('bad-out'), '--profile', file('none.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`--profile ${file('none.yaml')}: cannot read it`);
    const typo = await runCli(['run', SCENARIOS[0]!, '--out', file('bad-out'), '--profiles', file('acme.yaml')]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("Unknown option '--profiles'");
    // Nothing ran: the checks come before the run.
    expect(await readdir(file('bad-out')).catch(() => [])).toEqual([]);
    const idp = await runCli(['probe', 'idp', './handler.mjs', '--users', 'users.yaml', '--html', file('idp.html')]);
    expect(idp.code).toBe(2);
    expect(idp.stderr).toContain('--html: probe idp has no policy matrix');
  });

  it('the password appears in no output and no file written', async () => {
    expect(outputs).not.toContain(CANARY);
    for (const name of ['acme.yaml', 'acme.html', 'orders.yaml', 'orders.html', 'shard-1/report.json', 'shard-1/report.html', 'merged/report.json', 'merged/report.html', 'merged/junit.xml']) {
      expect(await readFile(file(name), 'utf8'), name).not.toContain(CANARY);
    }
  });
});
