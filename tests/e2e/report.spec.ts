import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURES, truth } from '../unit/report/helpers.ts';
import { expect, test } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGE = join(ROOT, 'dist/trygg-i-uppdraget-rapport.html');
const EXPORTS = readdirSync(FIXTURES).filter((f) => /\.(txt|csv|xlsx)$/.test(f)).sort().map((f) => join(FIXTURES, f));
const PASS_MARK = 70;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Summary {
  learners: number;
  completed: number;
  passed: number;
  units: { unit: string; learners: number; completed: number; passed: number | null }[];
  decisions: { id: string; shares: Record<string, number> }[];
}

/** `npm run report -- <files> --json`, as a scheduled run would call it. */
const cli = (...args: string[]): Summary => JSON.parse(execFileSync('npx', ['tsx', 'src/report/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' })) as Summary;

/** Drops files on the page's drop zone, as a person drags them from the file manager. */
async function drop(page: Page, paths: readonly string[]): Promise<void> {
  const files = paths.map((p) => ({ name: p.split('/').at(-1) ?? p, bytes: [...readFileSync(p)] }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return dt;
  }, files);
  await page.locator('report-app .drop').dispatchEvent('drop', { dataTransfer: transfer });
}

const cells = async (page: Page, table: string, unit: string) =>
  (await page.locator(`report-app ${table} tr`, { has: page.locator('th', { hasText: new RegExp(`^${unit}$`) }) }).locator('td').allInnerTexts()).map((s) => s.trim());

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('HR drops the Moodle exports on the report page and reads the numbers the learners really produced, as the CLI gives them', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(PAGE).href);
  await expect(page.locator('report-app h1')).toHaveText('Uppföljning: Trygg i uppdraget');
  await expect(page.locator('report-app .privacy')).toContainText('stannar på den här datorn');
  expect(await axe(page), 'before any file').toEqual([]);
  await drop(page, EXPORTS);
  await expect(page.locator('report-app [role=status]')).toHaveText(`Klart: ${EXPORTS.length} filer lästa.`);

  // Results at the smallest group allowed (3), set by keyboard alone.
  const minGroup = page.locator('report-app input[name=minGroup]');
  await minGroup.focus();
  await minGroup.fill('3');
  await minGroup.press('Enter');
  await expect(page.locator('report-app #results-table tbody td').first()).not.toHaveText('–');

  const people = truth(PASS_MARK);
  const json = cli(...EXPORTS, '--json', '--min-group', '3');
  for (const unit of ['Akutmottagningen Halmstad', 'Psykiatrisk slutenvård', 'Regionkansliet', 'Vårdcentral Tylösand']) {
    const mine = people.filter((p) => p.unit === unit);
    const expected = { learners: mine.length, completed: mine.filter((p) => p.status === 'completed').length, passed: mine.filter((p) => p.passed).length };
    const [learners, , , completed] = await cells(page, '#units-table', unit);
    const [, passed] = await cells(page, '#results-table', unit);
    expect({ learners: Number(learners), completed: Number(completed), passed: Number(passed) }, unit).toEqual(expected);
    expect(json.units.find((u) => u.unit === unit), unit).toMatchObject(expected);
  }
  const [learners, , , completed] = (await page.locator('report-app #units-table tfoot td').allInnerTexts()).map(Number);
  expect({ learners, completed }).toEqual({ learners: people.length, completed: people.filter((p) => p.status === 'completed').length });
  expect(json).toMatchObject({ learners, completed, passed: people.filter((p) => p.passed).length });

  // The first decision of the first scenario: shares of its three options, as the 1.2 learners chose.
  const decision = page.locator('report-app table[data-decision="akuten_vantetid.vantrummet"]');
  await page.locator('report-app details', { has: page.locator('table[data-decision="akuten_vantetid.vantrummet"]') }).locator('summary').press('Enter');
  const share = async (choice: string) => (await decision.locator(`tr[data-choice=${choice}] td.n`).innerText()).trim();
  expect([await share('bekrafta_oron'), await share('lova_lakare'), await share('medicinsk_prioritet')]).toEqual(['71,4 %', '14,3 %', '14,3 %']);
  expect(json.decisions.find((d) => d.id === 'akuten_vantetid.vantrummet')?.shares).toEqual({ bekrafta_oron: 0.714, lova_lakare: 0.143, medicinsk_prioritet: 0.143 });
  await expect(page.locator('report-app #decisions ~ p').first()).toContainText('För 8 deltagare finns inga beslut');

  // The default threshold hides every unit's results (fewer than 5 assessed in each) but not the total.
  await minGroup.fill('5');
  await minGroup.press('Enter');
  await expect(page.locator('report-app #results-table tbody tr').first().locator('td').first()).toHaveText('–');
  await expect(page.locator('report-app #results-table tfoot td').nth(1)).toHaveText('13');

  expect(await axe(page), 'sv').toEqual([]);
  await page.locator('report-app button.lang').press('Enter');
  await expect(page.locator('report-app h1')).toHaveText('Follow-up: Safe on Duty');
  expect(await axe(page), 'en').toEqual([]);
  // The views are reached from the page's own links, by keyboard, and focus moves there.
  await page.locator('report-app nav a', { hasText: 'Decisions' }).press('Enter');
  await expect(page.locator('report-app #decisions')).toBeFocused();
  expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
});

test('the monthly CLI run writes the report page with its data, and the page allows no network', async ({ page }) => {
  const out = mkdtempSync(join(tmpdir(), 'rapport-'));
  execFileSync('npx', ['tsx', 'src/report/cli.ts', ...EXPORTS, '--out', out], { cwd: ROOT, stdio: 'pipe' });
  expect(readdirSync(out).sort()).toEqual(['ej-slutfort.csv', 'indikatorer.csv', 'indikatorer.xlsx', 'trygg-i-uppdraget-rapport.html']);
  const html = readFileSync(join(out, 'trygg-i-uppdraget-rapport.html'), 'utf8');
  expect(html).toMatch(/Content-Security-Policy" content="[^"]*connect-src 'none'/);
  await page.goto(pathToFileURL(join(out, 'trygg-i-uppdraget-rapport.html')).href);
  await expect(page.locator('report-app #units-table tfoot td').first()).toHaveText('29');
  const blocked = await page.evaluate(() => fetch('data:text/plain,x').then(() => 'fetched', () => 'blocked'));
  expect(blocked).toBe('blocked');
});

test('a file from another LMS is mapped once and remembered for that LMS; a file picked by keyboard that does not name its audience gets one chosen', async ({ page }) => {
  await page.goto(pathToFileURL(PAGE).href);
  const other = join(mkdtempSync(join(tmpdir(), 'lms-')), 'kurs-export.csv');
  const rows = ['Användare;Enhet;Läge;Resultat', ...Array.from({ length: 6 }, (_, i) => `u${i};Enhet B;${i < 4 ? 'passed' : 'incomplete'};${i < 4 ? 90 : ''}`)];
  writeFileSync(other, rows.join('\n'));
  await drop(page, [other]);
  const form = page.locator('report-app form', { hasText: 'Kolumner i kurs-export.csv' });
  await expect(form).toBeVisible();
  await form.locator('input[name=lms]').fill('Annat LMS');
  for (const [field, column] of [['learner_id', 'Användare'], ['unit', 'Enhet'], ['status', 'Läge'], ['score', 'Resultat']]) await form.locator(`select[name=${field}]`).selectOption(column!);
  await form.locator('button[type=submit]').press('Enter');
  await expect(page.locator('report-app #units-table tfoot td').first()).toHaveText('6');
  await expect(page.locator('report-app #results-table tfoot td').nth(1)).toHaveText('–');

  // A new visit: the same LMS's file comes with its columns already chosen.
  await page.reload();
  await drop(page, [other]);
  await expect(page.locator('report-app form input[name=lms]')).toHaveValue('Annat LMS');
  await expect(page.locator('report-app form select[name=status]')).toHaveValue('Läge');

  // A basic report saved under a name that says nothing: its audience is chosen in the list of files.
  const plain = join(mkdtempSync(join(tmpdir(), 'lms-')), 'export.txt');
  writeFileSync(plain, readFileSync(join(FIXTURES, 'c4_cm6_staff-scorm12__scorm-basic.txt')));
  await page.reload();
  // Picked with the keyboard alone: Tab from the language button to the file picker, Space opens it.
  await page.locator('report-app button.lang').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('report-app input[type=file]')).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Space');
  await (await chooser).setFiles(plain);
  const audience = page.locator('report-app select[aria-label="Målgrupp för export.txt"]');
  await expect(audience).toHaveValue('');
  await audience.selectOption('staff');
  await expect(page.locator('report-app section[aria-labelledby=participation] table').nth(1).locator('tbody th')).toHaveText(['Medarbetare']);
});
