import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../harness/reports/index.ts';
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
  let report: RunReport;
  let browser: Browser;
  let page: Page;
  /** Every URL the page asked for: only the report file itself may appear. */
  const requested: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-html-browser-'));
    for (const [name, content] of Object.entries(FILES)) await writeFile(join(dir, name), content);
    const out = join(dir, 'out');
    const result = await runCli(['run', dir, '--out', out]);
    expect(result.stdout, result.stderr).toMatch(/^1 passed, 1 failed, 1 invalid, 0 skipped$/m);
    report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as RunReport;
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    page.on('request', (request) => void requested.push(request.url()));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(join(out, 'report.html')).href, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
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
      widest: Math.max(...[...document.querySelectorAll('main *')].map((e) => Math.ceil(e.getBoundingClientRect().right))),
      scrolling: [...document.querySelectorAll('main *')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.outerHTML.slice(0, 80)),
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
