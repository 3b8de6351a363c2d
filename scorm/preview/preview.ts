/**
 * The preview LMS page: wires the toolbar, one LMS session at a time, the course iframe and the
 * inspector, and exposes `window.preview` for tests (see PreviewControl).
 */
import './preview.css';
import type { CallRecord, Violation } from './conformance.ts';
import { Faults, faultsFromQuery, type FaultMode } from './faulty-lms.ts';
import { Inspector } from './inspector.ts';
import { DEFAULT_LEARNER, learnerById, optionsFromQuery, queryFor, type LaunchOptions } from './launch-options.ts';
import { LmsSession } from './lms-session.ts';
import { listPackages, packageUrl, readPackage, type PackageListing } from './package-info.ts';
import { buildPreload, clearAttempt, loadAttempt, type StoredAttempt } from './stored-attempt.ts';
import { Toolbar } from './toolbar.ts';

export interface PreviewControl {
  /** Settles when the page is set up or, after a launch, when the course has loaded and called Initialize (or 3 s passed). */
  ready: Promise<void>;
  /** Ends the running session and starts a new attempt (entry ab-initio); clears the log and violations. */
  launch(options?: Partial<LaunchOptions>): Promise<void>;
  /** Ends the running session (the course's own unload handlers run) and launches again from the stored attempt. */
  relaunch(): Promise<void>;
  /** Ends the running session and deletes the stored attempt of the package and learner. */
  reset(): Promise<void>;
  /** Ends the checker's judgement of the running session now (a missing Terminate becomes an error). */
  finish(): Violation[];
  /** The running session's CMI, flattened, strings only, including interactions and objectives. */
  cmi(): Record<string, string>;
  /** The stored attempt of the current package and learner. */
  stored(): StoredAttempt | null;
  readonly options: LaunchOptions;
  /** Every API call since the last launch, across relaunches; `session` counts sessions from 1. */
  readonly calls: (CallRecord & { session: number })[];
  readonly violations: Violation[];
  /** The running session's Terminate (LMSFinish) returned "true". */
  readonly terminated: boolean;
  /** The faults chosen by `?faults=…&seed=…` (see faulty-lms.ts), for every session of this page. */
  readonly faults: {
    readonly mode: FaultMode;
    /** Faults injected in the running session so far. */
    readonly injected: number;
    /** The LMS recovers: no more faults in the running session. */
    heal(): void;
  };
}

declare global {
  interface Window {
    preview: PreviewControl;
  }
}

const INITIALIZE_WAIT_MS = 3000;
const UNLOAD_WAIT_MS = 3000;

const must = <T extends Element>(selector: string): T => {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`preview page: ${selector} is missing`);
  return found;
};
const iframe = must<HTMLIFrameElement>('#course');
const statusLine = must<HTMLElement>('#status');
const inspector = new Inspector(document);

let packages: PackageListing[] = [];
let session: LmsSession | null = null;
let sessionCount = 0;
let calls: (CallRecord & { session: number })[] = [];
let violations: Violation[] = [];
/** Launches, relaunches and resets run one after another, never interleaved. */
let queue: Promise<void> = Promise.resolve();
let ready: Promise<void>;

const fallback: LaunchOptions = { pkg: '', learner: DEFAULT_LEARNER.id, lang: DEFAULT_LEARNER.language, mode: 'normal', credit: 'credit' };
const fromQuery = optionsFromQuery(location.search, fallback);
const faultPlan = faultsFromQuery(location.search);

const toolbar = new Toolbar(must<HTMLFormElement>('#launch-form'), {
  launch: () => void control.launch().catch(() => {}),
  relaunch: () => void control.relaunch().catch(() => {}),
  reset: () => void control.reset().catch(() => {}),
  changed: (options) => history.replaceState(null, '', queryFor(options)),
});

function status(text: string, kind: 'info' | 'error' = 'info'): void {
  statusLine.textContent = text;
  statusLine.className = kind;
}

function describeSession(): string {
  if (!session) return 'No course running.';
  const o = session.options;
  const state = session.terminated ? 'terminated' : session.checked.initialized ? 'initialized' : 'loading';
  return `SCORM ${session.version} · ${o.pkg} · ${learnerById(o.learner).name} (${o.learner}) · language ${o.lang} · ${o.mode}/${o.credit} · ${session.preload.note} · session ${sessionCount}: ${state}`;
}

const waitFor = (target: EventTarget, event: string, ms: number): Promise<void> =>
  new Promise((done) => {
    const timer = setTimeout(done, ms);
    target.addEventListener(event, () => (clearTimeout(timer), done()), { once: true });
  });

/** Judges the end of the running session (idempotent) and shows what the checker found. */
function finishSession(): Violation[] {
  const found = session?.checked.finish() ?? [];
  inspector.showViolations(violations);
  return found;
}

/** Unloads the course, so its pagehide handler commits and terminates, then judges the session. */
async function endSession(): Promise<void> {
  if (!session) return;
  if (iframe.getAttribute('src') && iframe.getAttribute('src') !== 'about:blank') {
    const unloaded = waitFor(iframe, 'load', UNLOAD_WAIT_MS);
    session.faults.unloading = true;
    iframe.src = 'about:blank';
    await unloaded;
  }
  finishSession();
  status(describeSession());
}

async function start(options: LaunchOptions, resume: boolean): Promise<void> {
  await endSession();
  if (!resume) {
    calls = [];
    violations = [];
    inspector.clearLog();
    inspector.showViolations(violations);
  }
  toolbar.options = options;
  history.replaceState(null, '', queryFor(options));
  let listing = packages.find((p) => p.name === options.pkg);
  if (!listing) {
    packages = await listPackages();
    toolbar.setPackages(packages, options.pkg);
    listing = packages.find((p) => p.name === options.pkg);
  }
  if (!listing) throw new Error(options.pkg ? `Package "${options.pkg}" is not in dist/.` : 'No package selected.');
  const info = await readPackage(listing);
  const stored = resume ? loadAttempt(options.pkg, options.learner) : null;
  const preload = buildPreload(info, options, learnerById(options.learner), stored);
  const number = ++sessionCount;
  const current = new LmsSession(info.version, options, preload, new Faults(faultPlan, number), {
    onViolation: (v) => violations.push(v),
    onCall: (call) => {
      calls.push({ ...call, session: number });
      inspector.addCall(call, number);
      if (call.method.endsWith('Initialize') || call.method.endsWith('Finish') || call.method.endsWith('Terminate')) status(describeSession());
      inspector.showViolations(violations);
    },
    onPreloadMismatch: (key, wanted, got) => inspector.note(`preload: ${key} = ${JSON.stringify(wanted)} not taken (now ${JSON.stringify(got ?? null)})`),
  });
  session = current;
  current.publish(window);
  const faulty = faultPlan.mode === 'none' ? '' : ` · faulty LMS: ${faultPlan.mode} (seed ${faultPlan.seed})`;
  inspector.note(`session ${number}: ${info.title} · SCORM ${info.version} · ${preload.note}${faulty}`);
  inspector.watch(() => current.cmi());
  status(describeSession());

  const initialized = new Promise<void>((done) => {
    const poll = setInterval(() => current.checked.initialized && (clearInterval(poll), done()), 25);
    setTimeout(() => (clearInterval(poll), done()), INITIALIZE_WAIT_MS);
  });
  const loaded = waitFor(iframe, 'load', 30_000);
  iframe.src = packageUrl(info.name, info.launch);
  await loaded;
  // The course may also leave by itself (navigating away, closing): that ends the session too.
  iframe.contentWindow?.addEventListener('pagehide', () => setTimeout(() => session === current && finishSession(), 0));
  await initialized;
  status(describeSession());
}

function enqueue(task: () => Promise<void>): Promise<void> {
  toolbar.busy = true;
  const run = queue.then(task).catch((error: unknown) => {
    status(error instanceof Error ? error.message : String(error), 'error');
    throw error;
  });
  queue = run.catch(() => {}).finally(() => (toolbar.busy = false));
  ready = run;
  return run;
}

const control: PreviewControl = {
  get ready() { return ready; },
  launch: (options = {}) => enqueue(() => start({ ...toolbar.options, ...options }, false)),
  relaunch: () => enqueue(() => start(toolbar.options, true)),
  reset: () =>
    enqueue(async () => {
      await endSession();
      const { pkg, learner } = toolbar.options;
      clearAttempt(pkg, learner);
      session = null;
      iframe.removeAttribute('src');
      inspector.watch(() => ({}));
      inspector.note(`reset: stored attempt of ${learner} in ${pkg} deleted`);
      status(`Attempt reset for ${learnerById(learner).name} in ${pkg}. Launch to start again.`);
    }),
  finish: () => (finishSession(), violations),
  cmi: () => session?.cmi() ?? {},
  stored: () => loadAttempt(toolbar.options.pkg, toolbar.options.learner),
  get options() { return toolbar.options; },
  get calls() { return calls; },
  get violations() { return violations; },
  get terminated() { return session?.terminated ?? false; },
  faults: {
    mode: faultPlan.mode,
    get injected() { return session?.faults.injected ?? 0; },
    heal: () => {
      if (session) session.faults.healed = true;
    },
  },
};
window.preview = control;
window.addEventListener('pagehide', () => finishSession());

ready = enqueue(async () => {
  packages = await listPackages().catch((error: unknown) => {
    status(`Cannot list packages: ${String(error)}`, 'error');
    return [];
  });
  toolbar.setPackages(packages, fromQuery.options.pkg);
  toolbar.options = { ...fromQuery.options, pkg: toolbar.options.pkg };
  status(packages.length ? 'Pick a package and a learner, then Launch.' : 'No packages in dist/. Run npm run build.');
  if (fromQuery.autolaunch) await start(toolbar.options, fromQuery.autolaunch === 'resume');
});
