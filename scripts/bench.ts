/**
 * `npm run bench` (after `npm run build`): what the built packages cost a learner on a weak
 * connection and the LMS. "Interactive" is when the start screen's Begin button is in the
 * page and enabled: measured in the page (`performance.now()`, from navigation start) by
 * polling every animation frame, with the package served gzipped from a local server under
 * Chromium's CDP network throttling, cache off. The floor for that load is
 * (serial requests × RTT) + bytes ÷ bandwidth, over the requests made before interactive.
 */
import { chromium, type Browser } from '@playwright/test';
import { unzipSync } from 'fflate';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchReport } from './bench-report.ts';
import { loadProject } from '../src/authoring/load.ts';
import { compileBundle } from '../src/authoring/compile.ts';
import { requiredScenarios } from '../src/engine/scoring.ts';
import { worstCaseProgress } from '../src/engine/progress-size.ts';
import { generateCourse } from './generate-course.ts';
import { best, courseFor, walk } from '../tests/e2e/course-paths.ts';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
const RUNS = 5;
const PACKAGE = 'trygg-i-uppdraget-generic-staff-scorm12.zip';
const NETWORKS = [
  { name: 'slow 4G', rttMs: 562, kbits: 1440 },
  { name: 'slow 3G', rttMs: 2000, kbits: 400 },
] as const;

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const gz = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;

/** Serves one unzipped package gzipped, as LMSs and their CDNs do. */
function serve(files: Record<string, Uint8Array>): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', xml: 'application/xml', xsd: 'application/xml' };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/course\//, ''));
    const body = files[path];
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.split('.').pop() ?? ''] ?? 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-store' });
    res.end(gzipSync(body, { level: 9 }));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    ok({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/course/index.html` });
  }));
}

interface Load {
  readonly interactiveMs: number;
  readonly requests: number;
  readonly depth: number;
  readonly bytes: number;
}

/** One cold load under throttling: when the first screen is interactive, and what it took. */
async function load(browser: Browser, url: string, network: (typeof NETWORKS)[number]): Promise<Load> {
  const context = await browser.newContext({ locale: 'sv-SE' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bytesPerSecond = (network.kbits * 1000) / 8;
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: network.rttMs, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
  const sent = new Map<string, { url: string; initiator: string }>();
  let originTicks = 0;
  const size = new Map<string, number>();
  const finishedAt = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => {
    const initiator = e.initiator.url ?? e.initiator.stack?.callFrames[0]?.url ?? e.initiator.stack?.parent?.callFrames[0]?.url ?? '';
    sent.set(e.requestId, { url: e.request.url, initiator });
    // CDP's clock (seconds) when the page was asked for: about the page's time origin.
    if (e.type === 'Document') originTicks = e.timestamp;
  });
  cdp.on('Network.loadingFinished', (e) => {
    size.set(e.requestId, e.encodedDataLength);
    finishedAt.set(e.requestId, e.timestamp);
  });

  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => {
      const button = document.querySelector('course-player')?.shadowRoot?.querySelector('start-screen')?.shadowRoot?.querySelector('button');
      return button && !button.disabled ? performance.now() : false;
    },
    null,
    { polling: 'raf', timeout: 120_000 },
  );
  const interactiveMs = (await handle.jsonValue()) as number;
  // What the first screen waited for: the requests that had finished when it became interactive.
  const before = [...sent].filter(([id]) => (finishedAt.get(id) ?? Infinity) <= originTicks + interactiveMs / 1000);
  const depthOf = new Map<string, number>();
  for (const [, r] of before) depthOf.set(r.url, (depthOf.get(r.initiator) ?? 0) + 1);
  await context.close();
  return {
    interactiveMs,
    requests: before.length,
    depth: Math.max(0, ...depthOf.values()),
    bytes: before.reduce((sum, [id]) => sum + (size.get(id) ?? 0), 0),
  };
}

/** A full run of the staff package in the preview LMS, best choices: its API call log. */
async function fullRun(browser: Browser): Promise<{ calls: number; commits: number; decisions: number; suspendData: number }> {
  const port = 4300 + Math.floor(Math.random() * 500);
  const server = spawn('npx', ['tsx', 'scorm/preview/serve.ts', '--port', String(port)], { cwd: root, stdio: 'ignore', detached: true });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`${base}/api/packages`).then((r) => r.ok, () => false);
      if (up) break;
      await new Promise((ok) => setTimeout(ok, 200));
    }
    const page = await browser.newPage({ locale: 'sv-SE' });
    await page.goto(`${base}/?${new URLSearchParams({ pkg: PACKAGE.replace(/\.zip$/, ''), learner: 'bench', lang: 'sv', autolaunch: '1' })}`);
    await page.evaluate(() => window.preview.ready);
    const frame = page.frameLocator('iframe');
    await frame.locator('start-screen button.primary').click();
    let decisions = 0;
    // The required core: once it is done the course is complete (the optional scenarios are extra).
    for (const spec of requiredScenarios(courseFor('staff'))) {
      await frame.locator(`scenario-list button[data-scenario="${spec.id}"]`).click();
      await frame.locator('situation-view h1, content-note h1').waitFor();
      if (spec.hasContentNote) await frame.locator('content-note button[data-action="continue"]').click();
      for (const step of walk(spec, best).steps) {
        await frame.locator(`situation-view button[data-choice="${step.choiceId}"]`).click();
        await frame.locator('feedback-view button.primary').click();
        decisions++;
      }
      await frame.locator('ending-view button.primary').click();
    }
    await frame.locator('course-summary').waitFor();
    const record = await page.evaluate(() => window.preview.cmi());
    await frame.getByRole('button', { name: 'Avsluta', exact: true }).click();
    await page.waitForFunction(() => window.preview.terminated);
    const methods = await page.evaluate(() => window.preview.calls.map((c) => c.method));
    return { calls: methods.length, commits: methods.filter((m) => m === 'LMSCommit').length, decisions, suspendData: (record['cmi.suspend_data'] ?? '').length };
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

/** Builds a generated course of `count` scenarios with the real build: seconds and package sizes. */
function generated(count: number): { seconds: number; packages: number; largest: number } {
  const dir = generateCourse(root, count);
  try {
    const started = performance.now();
    // The generated audiences ("Grupp 1", …) have no English titles, which the build refuses
    // by default; what is measured here is build time and package size, not translations.
    const run = spawnSync('npx', ['tsx', 'scorm/build.ts', '--allow-stale-translations'], { cwd: dir, encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`build of ${count} scenarios failed:\n${run.stdout}\n${run.stderr}`);
    const zips = readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('-scorm12.zip'));
    return { seconds, packages: zips.length, largest: Math.max(...zips.map((z) => statSync(join(dir, 'dist', z)).size)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const files = unzipSync(readFileSync(join(dist, PACKAGE)));
  const html = new TextDecoder().decode(files['index.html']);
  const initial = [...html.matchAll(/ (?:src|href)="\.\/([^"]+\.(js|css))"/g)].map((m) => m[1] ?? '');
  const sum = (ext: string, f: (b: Uint8Array) => number) => initial.filter((p) => p.endsWith(ext)).reduce((s, p) => s + f(files[p] ?? new Uint8Array()), 0);
  console.log(`package ${PACKAGE}`);
  console.log(`initial JS   ${kb(sum('.js', (b) => b.length))} raw, ${kb(sum('.js', gz))} gzip`);
  console.log(`initial CSS  ${kb(sum('.css', (b) => b.length))} raw, ${kb(sum('.css', gz))} gzip (styles are in the script)`);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const { server, url } = await serve(files);
  try {
    for (const network of NETWORKS) {
      const loads: Load[] = [];
      for (let i = 0; i < RUNS; i++) loads.push(await load(browser, url, network));
      const tti = median(loads.map((l) => l.interactiveMs));
      const bytes = median(loads.map((l) => l.bytes));
      const depth = median(loads.map((l) => l.depth));
      const floor = depth * network.rttMs + (bytes * 8) / network.kbits;
      console.log(`${network.name.padEnd(8)} before interactive: ${median(loads.map((l) => l.requests))} requests, chain depth ${depth}, ${kb(bytes)} transferred`);
      console.log(
        `${network.name.padEnd(8)} (${network.rttMs} ms RTT, ${network.kbits} kbit/s): interactive ${Math.round(tti)} ms (median of ${RUNS}: ${loads.map((l) => Math.round(l.interactiveMs)).join(', ')}), floor ${Math.round(floor)} ms (${depth} × RTT + ${kb(bytes)}), ratio ${(tti / floor).toFixed(2)}×`,
      );
    }
  } finally {
    server.close();
  }

  console.log('zip size per package:');
  for (const zip of readdirSync(dist).filter((f) => f.endsWith('.zip')).sort()) console.log(`  ${zip.padEnd(52)} ${kb(statSync(join(dist, zip)).size)}`);

  const run = await fullRun(browser);
  await browser.close();
  console.log(`full run (staff core, SCORM 1.2, best choices): ${run.decisions} decisions, ${run.calls} API calls (${(run.calls / run.decisions).toFixed(1)} per decision), ${run.commits} commits (${(run.commits / run.decisions).toFixed(2)} per decision)`);
  const { project } = loadProject(root);
  const worst = Object.keys(project.course?.audiences ?? {}).map((audience) => `${audience} ${worstCaseProgress(compileBundle(project, { audience, region: 'generic' }).course.scenarios).length}`);
  console.log(`suspend data: ${run.suspendData} characters after the full course; worst case ${worst.join(', ')} (limit 4,096 in SCORM 1.2)`);

  for (const count of [10, 100, 1000]) {
    const g = generated(count);
    console.log(`generated course of ${count} scenarios: build ${g.seconds.toFixed(1)} s, ${g.packages} package${g.packages === 1 ? '' : 's'} of at most 10 scenarios, largest zip ${kb(g.largest)}`);
  }
  // The follow-up report (scripts/bench-report.ts): first view in Chromium and the CLI, 1,000 to 50,000 learners.
  await benchReport();
}

await main();
