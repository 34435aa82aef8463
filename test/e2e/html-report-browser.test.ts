import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileYaml } from '../../harness/probe/profile-file.ts';
import type { RunReport } from '../../harness/reports/index.ts';
import { databaseProfile, HOSTILE, sftpProfile } from '../../harness/reports/probe-profile-test-helpers.ts';
import { ROOT, runCli } from '../support/run-cli.ts';

/**
 * The HTML report in a real browser: Debian's chromium (`apt-get install chromium`, as .ci/run
 * does), driven by puppeteer-core with that executable; nothing is downloaded. Without chromium
 * the test is skipped and says so.
 */
const CHROMIUM = [process.env.PARTNER_HARNESS_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
const SCREENSHOTS = join(ROOT, 'reports', 'out', 'screenshots');

/**
 * The DOM properties read in the page. The project compiles without the DOM library, and the
 * callbacks run in the browser, so a type cast (gone at run time) is all they may use.
 */
type Shown = { hidden: boolean; open: boolean; offsetParent: unknown; value: string };

const LOGIN = (name: string, secretPassword: string) => `name: ${name}
tags: [browser-check]
seed: 5
vars:
  password: Pass-word-1234
given:
  fakes:
    partner: { kind: sftp, users: [{ name: alice, password: "{{ vars.password }}" }] }
  secrets:
    creds: { SecretString: { Username: alice, Password: "${secretPassword}" } }
  connectors:
    acme:
      Url: "{{ fakes.partner.url }}"
      AccessRole: arn:aws:iam::000000000000:role/acme
      SftpConfig: { UserSecretId: "{{ secrets.creds.arn }}", TrustedHostKeys: ["{{ fakes.partner.hostKey }}"] }
when:
  operation: transfer:TestConnection
  input: { ConnectorId: "{{ connectors.acme.id }}" }
then:
  status: OK
  statusMessage: Connection succeeded
`;

const FILES: Record<string, string> = {
  '1-passes.yaml': LOGIN('The partner accepts the right password', '{{ vars.password }}'),
  '2-fails.yaml': LOGIN('Zebra expects success with a wrong password', 'Wrong-password-9876'),
  '3-invalid.yaml': 'name: no such operation\nwhen: { operation: "transfer:NoSuchOperation" }\nthen: { status: OK }\n',
};

describe.skipIf(!CHROMIUM)('the HTML report in headless chromium (skipped: no chromium at /usr/bin/chromium; apt-get install chromium)', () => {
  let dir: string;
  /** The partner profiles given with --profile: apart from the scenarios, which are every .yaml in `dir`. */
  let profiles: string;
  let report: RunReport;
  let browser: Browser;
  let page: Page;
  /** Every URL the page asked for: only the report file itself may appear. */
  const requested: string[] = [];
  /** alert() and the like: a hostile banner or message that ran would open one. */
  const dialogs: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-html-browser-'));
    for (const [name, content] of Object.entries(FILES)) await writeFile(join(dir, name), content);
    profiles = await mkdtemp(join(tmpdir(), 'ph-html-profiles-'));
    await writeFile(join(profiles, 'acme.yaml'), profileYaml(sftpProfile()));
    await writeFile(join(profiles, 'orders.yaml'), profileYaml(databaseProfile()));
    const out = join(dir, 'out');
    const result = await runCli(['run', dir, '--out', out, '--profile', join(profiles, 'acme.yaml'), '--profile', join(profiles, 'orders.yaml')]);
    expect(result.stdout, result.stderr).toMatch(/^1 passed, 1 failed, 1 invalid, 0 skipped$/m);
    report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as RunReport;
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    page.on('request', (request) => void requested.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(join(out, 'report.html')).href, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    if (profiles) await rm(profiles, { recursive: true, force: true });
  });

  /** The visible scenarios, top to bottom: their status and name. */
  const visible = () =>
    page.$$eval('details.scenario', (all) =>
      all.filter((d) => !(d as unknown as Shown).hidden && (d as unknown as Shown).offsetParent !== null).map((d) => [d.getAttribute('data-state'), d.querySelector('.name')!.textContent]),
    );

  it('lists the failure first, then the invalid file, then the passing scenario', async () => {
    expect(report.totals).toMatchObject({ passed: 1, failed: 1, invalid: 1 });
    expect(await visible()).toEqual([
      ['failed', 'Zebra expects success with a wrong password'],
      ['invalid', expect.stringContaining('3-invalid.yaml')],
      ['passed', 'The partner accepts the right password'],
    ]);
    expect(await page.$eval('#count', (e) => e.textContent)).toBe('3 of 3 shown');
    // The failure is open, the pass folded.
    expect(await page.$$eval('details.scenario', (all) => all.map((d) => (d as unknown as Shown).open))).toEqual([true, true, false]);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-top.png') });
  });

  it('shows the failure\'s expected and actual side by side, the diagnosis and a timeline', async () => {
    const failure = await page.$eval('details.scenario[data-state="failed"]', (d) => ({
      expected: [...d.querySelectorAll('pre.expected')].map((e) => e.textContent),
      actual: [...d.querySelectorAll('pre.actual')].map((e) => e.textContent),
      marked: d.querySelectorAll('pre.actual ins').length,
      diagnosis: d.querySelector('.diagnosis')?.textContent ?? '',
      steps: [...d.querySelectorAll('.timeline li')].map((li) => li.getAttribute('data-kind')),
      columns: [...d.querySelectorAll('.expectation.miss .pair > div')].map((e) => Math.round(e.getBoundingClientRect().left)),
    }));
    expect(failure.expected).toContain('OK');
    expect(failure.actual).toContain('ERROR');
    expect(failure.marked).toBeGreaterThan(0);
    expect(failure.diagnosis).not.toBe('');
    expect(failure.steps).toEqual(expect.arrayContaining(['tcp-connected', 'handshake', 'auth']));
    // Side by side: two columns per missed expectation, the second to the right of the first.
    expect(failure.columns.length).toBeGreaterThanOrEqual(2);
    expect(failure.columns[1]!).toBeGreaterThan(failure.columns[0]! + 300);
    await page.$eval('details.scenario[data-state="failed"]', (d) => d.scrollIntoView());
    await page.screenshot({ path: join(SCREENSHOTS, 'report-failure.png') });
    const timelines = await page.$$('details.scenario[data-state="failed"] section.timeline');
    await timelines.at(-1)!.screenshot({ path: join(SCREENSHOTS, 'report-failure-partner-timeline.png') });
    await page.evaluate('window.scrollTo(0, 0)');
  });

  it('shows the partners probed (run --profile) as coloured, labelled matrices between the summary and the scenarios, hostile text inert', async () => {
    const probes = (await page.evaluate(`({
      top: document.querySelector('section.probes').getBoundingClientRect().top,
      totals: document.querySelector('.totals').getBoundingClientRect().bottom,
      firstScenario: document.querySelector('details.scenario').getBoundingClientRect().top,
      partners: [...document.querySelectorAll('details.probe')].map((d) => ({
        kind: d.querySelector('.probe-kind').textContent,
        open: d.open,
        rows: [...d.querySelectorAll('table.matrix tbody tr')].map((tr) => {
          const verdict = tr.querySelector('td.verdict');
          return [tr.querySelector('th').textContent, verdict.className, verdict.textContent, getComputedStyle(verdict).backgroundColor, getComputedStyle(tr).backgroundColor];
        }),
        facts: d.querySelector('.run').textContent,
      })),
      scripts: document.scripts.length,
    })`)) as { top: number; totals: number; firstScenario: number; partners: Array<{ kind: string; open: boolean; rows: string[][]; facts: string }>; scripts: number };
    expect(probes.top).toBeGreaterThan(probes.totals);
    expect(probes.top).toBeLessThan(probes.firstScenario);
    const GREEN = 'rgb(26, 127, 55)';
    const RED = 'rgb(207, 34, 46)';
    const GREY = 'rgb(110, 119, 129)';
    expect(probes.partners.map(({ kind, open, rows }) => ({ kind, open, rows: rows.map((row) => row.slice(0, 4)) }))).toEqual([
      {
        kind: 'SFTP',
        open: true,
        rows: [
          ['TransferSFTPConnectorSecurityPolicy-2024-03', 'verdict verdict-ok', 'OK', GREEN],
          ['TransferSFTPConnectorSecurityPolicy-FIPS-2024-10', 'verdict verdict-error', 'ERROR', RED],
          ['TransferSFTPConnectorSecurityPolicy-2023-07', 'verdict verdict-error', 'ERROR', RED],
        ],
      },
      {
        kind: 'JDBC',
        open: true,
        rows: [
          ['driver-default', 'verdict verdict-ok', 'OK', GREEN],
          ['enforce-ssl', 'verdict verdict-error', 'ERROR', RED],
          ['enforce-ssl+custom-cert', 'verdict verdict-skipped', 'NOT PREDICTED', GREY],
        ],
      },
    ]);
    // Each row is tinted with its verdict's colour too.
    expect(new Set(probes.partners.flatMap((partner) => partner.rows.map((row) => row[4])))).toEqual(new Set(['rgb(218, 251, 225)', 'rgb(255, 235, 233)', 'rgb(246, 248, 250)']));
    // The partner's <script> is text on the page, not a script: the page's own filter code is the only one.
    expect(probes.partners[0]!.facts).toContain(`SSH-2.0-AcmeSFTP_4.2 ${HOSTILE}`);
    expect(probes.scripts).toBe(1);
    expect(dialogs).toEqual([]);
    const section = await page.$('section.probes');
    await section!.screenshot({ path: join(SCREENSHOTS, 'report-probes.png') });
  });

  it('filters by status: only the chosen status stays listed', async () => {
    await page.select('#filter-state', 'passed');
    expect(await visible()).toEqual([['passed', 'The partner accepts the right password']]);
    expect(await page.$eval('#count', (e) => e.textContent)).toBe('1 of 3 shown');
    await page.screenshot({ path: join(SCREENSHOTS, 'report-filter-passed.png') });
    await page.select('#filter-state', '');
    expect(await visible()).toHaveLength(3);
  });

  it('filters by operation and tag, and the search narrows by text', async () => {
    await page.select('#filter-operation', 'transfer:TestConnection');
    expect((await visible()).map(([state]) => state)).toEqual(['failed', 'passed']);
    await page.select('#filter-operation', '');
    await page.select('#filter-tag', 'browser-check');
    expect((await visible()).map(([state]) => state)).toEqual(['failed', 'passed']);
    await page.select('#filter-tag', '');
    await page.type('#search', 'zebra WRONG');
    expect(await visible()).toEqual([['failed', 'Zebra expects success with a wrong password']]);
    // Words from the body count too, not only the name: the invalid file's `name`.
    await page.$eval('#search', (e) => ((e as unknown as Shown).value = ''));
    await page.type('#search', 'no such operation');
    expect((await visible()).map(([state]) => state)).toEqual(['invalid']);
    await page.$eval('#search', (e) => ((e as unknown as Shown).value = ''));
    await page.type('#search', 'x');
    await page.keyboard.press('Backspace');
    expect(await visible()).toHaveLength(3);
  });

  it('nothing runs off-screen at 1280 px, with every scenario and section open', async () => {
    await page.$$eval('details', (all) => all.forEach((d) => ((d as unknown as Shown).open = true)));
    const widths = (await page.evaluate(`({
      page: document.documentElement.scrollWidth,
      widest: Math.max(...[...document.querySelectorAll('main *, section.probes *')].map((e) => Math.ceil(e.getBoundingClientRect().right))),
      scrolling: [...document.querySelectorAll('main *, section.probes *')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.outerHTML.slice(0, 80)),
    })`)) as { page: number; widest: number; scrolling: string[] };
    expect(widths.page).toBeLessThanOrEqual(1280);
    expect(widths.widest).toBeLessThanOrEqual(1280);
    // Nor is anything hidden in a box that scrolls sideways (a <pre> that does not wrap would).
    expect(widths.scrolling).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-all-open.png'), fullPage: true });
  });

  it('fetches nothing but the report itself', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.every((url) => url.startsWith('file://') && url.endsWith('/report.html'))).toBe(true);
  });

  it('without JavaScript, lists every scenario and hides the filters', async () => {
    const plain = await browser.newPage();
    await plain.setJavaScriptEnabled(false);
    await plain.setViewport({ width: 1280, height: 900 });
    await plain.goto(page.url(), { waitUntil: 'load' });
    expect(await plain.$$eval('details.scenario', (all) => all.filter((d) => !(d as unknown as Shown).hidden).length)).toBe(3);
    expect(await plain.$eval('#toolbar', (e) => (e as unknown as Shown).offsetParent === null)).toBe(true);
    await plain.close();
  });
});
