import { chromium, type Browser } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadProject } from '../src/authoring/load.ts';
import { reportCourse } from '../src/report/course-data.ts';
import type { ReportCourse, ReportDecision } from '../src/report/course-model.ts';
import { reportPageName } from '../src/report/page-file.ts';

/**
 * `npm run bench` (last part), or alone: `tsx scripts/bench-report.ts [counts…]`. Generates
 * Moodle-shaped exports (participants CSV, SCORM 1.2 basic and interactions reports, as Moodle
 * writes them) for 1,000, 10,000 and 50,000 learners, then measures the first view of the
 * report in Chromium (from picking the files to the tables drawn) and the CLI (`--json`), with
 * peak memory. Prints figures; asserts nothing.
 */
const root = resolve(import.meta.dirname, '..');
const work = join(root, 'build/bench-report');
const UNITS = ['Akutmottagningen', 'Psykiatri', 'Vårdcentral', 'Regionkansliet', 'Ambulans', 'Röntgen', 'Barnmottagning', 'Kirurgi'];

/** A small deterministic random generator, so every run reads the same files. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function play(course: ReportCourse, rnd: () => number, scenarios: readonly string[], stopAfter: number): { id: string; response: string; right: string; result: string }[] {
  const out: { id: string; response: string; right: string; result: string }[] = [];
  for (const id of scenarios.slice(0, stopAfter)) {
    const scenario = course.scenarios[id];
    if (!scenario) continue;
    let at = scenario.start;
    for (let guard = 0; guard < 40; guard++) {
      const node = scenario.nodes[at];
      if (!node || node.kind === 'ending') break;
      const choices = (node as ReportDecision).choices;
      const pick = rnd() < 0.6 ? choices.reduce((a, b) => (b.points > a.points ? b : a)) : (choices[Math.floor(rnd() * choices.length)] ?? choices[0]);
      if (!pick) break;
      const best = choices.reduce((a, b) => (b.points > a.points ? b : a));
      out.push({ id: `${id}.${node.id}`, response: pick.id, right: best.id, result: pick.quality === 'good' ? 'correct' : pick.quality === 'poor' ? 'wrong' : 'neutral' });
      at = pick.next;
    }
  }
  return out;
}

const q = (s: string) => (/\s/.test(s) ? `"${s}"` : s);

/** Writes the three exports for `count` learners; returns their paths. */
export async function generate(course: ReportCourse, count: number): Promise<string[]> {
  const dir = join(work, String(count));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rnd = random(count);
  const staff = course.audiences.find((a) => a.id === 'staff')?.scenarios ?? [];
  const files = ['participants.csv', 'TIU12 Trygg i uppdraget – Medarbetare (SCORM 1.2) basic.txt', 'TIU12 Trygg i uppdraget – Medarbetare (SCORM 1.2) interactions.txt'].map((f) => join(dir, f));
  const [participants, basic, interactions] = files.map((f) => createWriteStream(f));
  if (!participants || !basic || !interactions) throw new Error('streams');
  const groups = 79;
  const head = 'Name\t"Email address"\tDepartment\tInstitution\tAttempt\t"Started on"\t"Last accessed on"\tScore';
  participants.write('\ufeff"First name","Last name","Email address",Department,Institution,Groups\n');
  basic.write(`${head}\n`);
  interactions.write(`${head}\t"Trygg i uppdraget – Medarbetare"${Array.from({ length: groups }, (_, n) => `\t"Question ${n}"\t"Response ${n}"\t"Right answer ${n}"\t"Result ${n}"`).join('')}\n`);
  const write = async (stream: NodeJS.WritableStream, text: string) => {
    if (!stream.write(text)) await new Promise((r) => stream.once('drain', r));
  };
  for (let i = 0; i < count; i++) {
    const unit = `${UNITS[i % UNITS.length]} ${Math.floor(i / 400) + 1}`;
    const email = `person${i}@region.example`;
    const name = `Person ${i}`;
    await write(participants, `Person,${i},${email},"${unit}","Region Exempel",\n`);
    const r = rnd();
    const who = `"${name}"\t${email}\t${q(unit)}\t"Region Exempel"`;
    if (r < 0.15) {
      await write(basic, `${who}\t-\t-\t-\t-\n`);
      await write(interactions, `${who}\t-\t-\t-\t-\t"Not attempted"${'\t'.repeat(groups * 4)}\n`);
      continue;
    }
    const finished = r > 0.3;
    const decisions = play(course, rnd, staff, finished ? staff.length : 1 + Math.floor(rnd() * 5));
    const score = finished ? Math.round((40 + rnd() * 60) * 100) / 100 : 0;
    const day = 1 + (i % 28);
    const month = ['January', 'March', 'June', 'September', 'November'][i % 5];
    const when = `"Monday, ${day} ${month} 2026, 9:${String(i % 60).padStart(2, '0')} AM"`;
    const row = `${who}\t1\t${when}\t${when}\t${score}`;
    await write(basic, `${row}\n`);
    const cells = decisions.slice(0, groups).flatMap((d) => [d.id, d.response, d.right, d.result]);
    await write(interactions, `${row}\t${finished ? score : 'Incomplete'}\t${[...cells, ...Array<string>(groups * 4 - cells.length).fill('')].join('\t')}\n`);
  }
  await Promise.all([participants, basic, interactions].map((s) => new Promise((r) => s.end(r))));
  return files;
}

/** The CLI on the generated files, in its own process: wall time and peak resident memory. */
function cliRun(files: readonly string[]): { seconds: number; peakMb: number } {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, '--import', 'tsx', 'src/report/cli.ts', ...files, '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const [seconds, kb] = (result.stderr.trim().split('\n').at(-1) ?? '0 0').split(' ').map(Number);
  return { seconds: seconds ?? 0, peakMb: (kb ?? 0) / 1024 };
}

/** Resident memory of the browser's processes now (every renderer, the GPU-less utility ones, the worker's). */
function browserRss(pid: number | undefined): number {
  if (!pid) return 0;
  const out = execFileSync('ps', ['-eo', 'pid,ppid,rss'], { encoding: 'utf8' });
  const rows = out.trim().split('\n').slice(1).map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, parent] of rows) {
      if (!tree.has(parent) || tree.has(p)) continue;
      tree.add(p);
      grew = true;
    }
  }
  return rows.filter(([p]) => tree.has(p)).reduce((s, [, , rss]) => s + rss, 0) / 1024;
}

/** Picking the files in the built page until the tables are drawn, measured in the page. */
async function pageRun(browser: Browser, page: string, files: readonly string[], pid: number | undefined): Promise<{ ms: number; peakMb: number }> {
  const tab = await browser.newPage();
  await tab.goto(pathToFileURL(page).href);
  await tab.locator('report-app input[type=file]').waitFor({ state: 'attached' });
  let peak = browserRss(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, browserRss(pid))), 250);
  const start = await tab.evaluate(() => performance.now());
  await tab.setInputFiles('report-app input[type=file]', [...files]);
  await tab.locator('report-app #units-table tfoot').waitFor({ timeout: 300_000 });
  const end = await tab.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))));
  clearInterval(sampler);
  peak = Math.max(peak, browserRss(pid));
  await tab.close();
  return { ms: end - start, peakMb: peak };
}

export async function benchReport(counts: readonly number[] = [1000, 10_000, 50_000]): Promise<void> {
  const course = reportCourse(loadProject(root).project);
  const page = join(root, 'dist', reportPageName(course.id));
  if (!existsSync(page)) throw new Error(`${page} is missing: run npm run build first`);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  // The browser just launched: the newest Chromium started with Playwright's pipe.
  const pid = Number(execFileSync('pgrep', ['-n', '-f', 'chromium.*--remote-debugging-pipe'], { encoding: 'utf8' }).trim()) || undefined;
  try {
    console.log(`report page ${reportPageName(course.id)}: ${(statSync(page).size / 1024).toFixed(0)} KB, one file; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
    for (const count of counts) {
      const files = await generate(course, count);
      const mb = files.reduce((s, f) => s + statSync(f).size, 0) / 1024 / 1024;
      const cli = cliRun(files);
      const view = await pageRun(browser, page, files, pid);
      console.log(
        `report, ${count.toLocaleString('en')} learners (${mb.toFixed(1)} MB of exports): first view in Chromium ${(view.ms / 1000).toFixed(1)} s (browser peak ${view.peakMb.toFixed(0)} MB resident); CLI --json ${cli.seconds.toFixed(1)} s, peak ${cli.peakMb.toFixed(0)} MB resident`,
      );
    }
  } finally {
    await browser.close();
    for (const d of existsSync(work) ? readdirSync(work) : []) rmSync(join(work, d), { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
  await benchReport(counts.length > 0 ? counts : undefined);
}
