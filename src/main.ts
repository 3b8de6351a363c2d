import { createActor } from 'xstate';
import bundle, { loadStructure, problems, scenarioTexts, stale } from 'virtual:course';
import type { Preview } from './dev/preview.ts';
import { createCourseMachine } from './engine/course-machine.ts';
import type { CourseContext, CourseEvent } from './engine/events.ts';
import { decodeProgress } from './engine/progress-codec.ts';
import { replayProgress } from './engine/progress.ts';
import { screenOf } from './engine/screen.ts';
import { pickLanguage } from './i18n/index.ts';
import { ScenarioTexts } from './i18n/scenario-texts.ts';
import { Texts } from './i18n/texts.ts';
import { scorm12 } from './lms/dialect-12.ts';
import { scorm2004 } from './lms/dialect-2004.ts';
import { findApi } from './lms/discovery.ts';
import { LocalAdapter } from './lms/local-adapter.ts';
import { recordsWork, type LmsPort } from './lms/port.ts';
import { ScormAdapter } from './lms/scorm-adapter.ts';
import { Session } from './lms/session.ts';
import { Tracker } from './lms/tracker.ts';
import './ui/course-player.ts';
import type { Notice, PlayerMode } from './ui/course-player.ts';
import { askToRetry } from './ui/load-retry.ts';
import { applyTheme, theme } from './ui/theme.ts';
import type { CourseBundle, CourseSpec } from './model/course.ts';

/**
 * Runs `write` once the screen a step leads to has been painted. The SCORM API is synchronous
 * and some LMSs answer every call over the network: a decision's dozen calls then hold the
 * page for seconds, and the learner should spend them reading the feedback, not looking at the
 * choice they clicked. A page that paints nothing (hidden, or a frame the browser does not
 * animate while it is scrolled out of view) still writes within a quarter of a second.
 */
function afterPaint(write: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    write();
  };
  if (document.visibilityState !== 'hidden') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 250);
}

/** The SCORM version the package was built for ('auto' in development: whichever API is there). */
function connect(bundle: CourseBundle): { port: LmsPort; notices: Notice[] } {
  const wanted = document.querySelector<HTMLMetaElement>('meta[name="scorm-version"]')?.content ?? 'auto';
  for (const dialect of [scorm2004, scorm12]) {
    if (wanted !== 'auto' && wanted !== dialect.version) continue;
    const api = findApi(window, dialect.version);
    if (!api) continue;
    const port = new ScormAdapter(api, dialect);
    if (port.initialize()) return { port, notices: [] };
    return { port: local(bundle), notices: [{ key: 'notice.lmsFailed' }] };
  }
  return { port: local(bundle), notices: [{ key: 'notice.local' }] };
}

function local(bundle: CourseBundle): LmsPort {
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    // Storage blocked (privacy settings, sandboxed frame): progress lasts for this page only.
  }
  const port = new LocalAdapter(`trygg:${bundle.course.id}:${bundle.course.audience}:${bundle.course.region.id}`, storage);
  port.initialize();
  return port;
}

async function start(bundle: CourseBundle): Promise<Preview> {
  const { port, notices } = connect(bundle);
  const launch = port.launchData();
  const sourceLanguage = bundle.languages[0] ?? 'sv';
  const texts = new Texts(bundle.resources, sourceLanguage);
  const scenarios = new ScenarioTexts(texts, scenarioTexts);
  let language = pickLanguage(launch.language, navigator.languages, bundle.languages);
  // A scenario is shown in the learner's language and reported to the LMS in the source language.
  const scenarioReady = (scenarioId: string) => scenarios.load(scenarioId, [...new Set([language, sourceLanguage])]);
  // The first screen needs no scenario's nodes nor the views inside a scenario: they follow in
  // chunks of their own, and the machine of the whole course replaces the frame's (which cannot
  // enter a scenario) once they are in.
  const frame = bundle.course;
  applyTheme(document.documentElement, frame.region.theme);
  let structure: Promise<CourseSpec> | null = null;
  const whole = () =>
    (structure ??= Promise.all([loadStructure(), import('./ui/scenario-views.ts')]).then(
      ([module, views]) => {
        for (const [lng, ui] of Object.entries(views.laterTexts)) texts.add(lng, 'ui', ui);
        return { ...frame, scenarios: module.default };
      },
      (error: unknown) => {
        structure = null;
        throw error;
      },
    ));

  // What a resumed or reviewed course needs before its first screen; without it the saved
  // progress cannot be replayed (and must not be overwritten), so the learner is asked to retry.
  const needed = async <T>(load: () => Promise<T>): Promise<T> => {
    for (;;) {
      try {
        return await load();
      } catch {
        await askToRetry(texts.fixed(language), language);
      }
    }
  };

  const saved = decodeProgress(launch.suspendData);
  // Saved decisions and skips replay into their scenarios, review shows them, and the dev tools draw them all.
  const hasProgress = saved.ok && (saved.progress.scenarios.length > 0 || saved.progress.skipped.length > 0);
  let course = import.meta.env.DEV || hasProgress || launch.mode !== 'normal' ? await needed(whole) : frame;
  let actor = createActor(createCourseMachine(course)).start();
  if (saved.ok) {
    const { restarted } = replayProgress(actor, course, saved.progress);
    // An LMS cut the log short: say so once. Otherwise, only scenarios the course has can be
    // named; a damaged or foreign id just starts nothing.
    if (saved.truncated) notices.push({ key: 'notice.truncated' });
    else for (const id of restarted.filter((r) => course.scenarios.some((s) => s.id === r))) notices.push({ key: 'notice.restarted', params: { id } });
  } else if (saved.reason !== 'empty') {
    notices.push({ key: 'notice.unreadable' });
  }
  // Review or browse shows earlier work read-only; no-credit may be played, as practice.
  const mode: PlayerMode = launch.mode !== 'normal' ? 'review' : launch.credit === 'no-credit' ? 'practice' : 'play';
  if (mode !== 'play') notices.push({ key: mode === 'review' ? 'notice.review' : 'notice.practice' });
  // Review shows every scenario played at once; resuming inside a scenario shows that one.
  const played = () => Object.keys((actor.getSnapshot().context as CourseContext).progress);
  const resumed = screenOf(actor.getSnapshot());
  if (mode === 'review') await needed(() => Promise.all(played().map(scenarioReady)));
  else if ('scenarioId' in resumed) await needed(() => scenarioReady(resumed.scenarioId));

  const source = texts.fixed(sourceLanguage);
  const player = document.createElement('course-player');
  player.languages = bundle.languages;
  player.course = course;
  player.notices = notices;
  player.exited = false;
  player.mode = mode;
  player.prepare = (scenarioId) =>
    Promise.all([whole().then(upgrade), scenarioReady(scenarioId)]).then(
      () => {
        player.notices = player.notices.filter((n) => n.key !== 'notice.loadFailed');
        return true;
      },
      () => {
        if (!player.notices.some((n) => n.key === 'notice.loadFailed')) player.notices = [...player.notices, { key: 'notice.loadFailed' }];
        return false;
      },
    );
  // A tracker taking over from another says nothing the first has said ("incomplete" at the start).
  const track = (takingOver = false) => {
    const tracker = new Tracker({
      course,
      port,
      launch: takingOver ? { ...launch, entry: 'resume' } : launch,
      // HR reads these in the LMS: the decision's short label where the trainer wrote one.
      describe: (scenarioId, nodeId) => {
        const key = `scenario.${scenarioId}:nodes.${nodeId}`;
        return source(source(`${key}.label`, { defaultValue: '' }) ? `${key}.label` : `${key}.text`);
      },
      scenarioTitle: (scenarioId) => source(`scenario.${scenarioId}:title`),
      now: () => Date.now(),
      onCommit: (ok) => warnIfUnsaved(ok),
      defer: afterPaint,
    });
    tracker.attach(actor);
    return tracker;
  };
  let tracker = track();
  const session = new Session({
    port,
    win: window,
    now: () => Date.now(),
    finished: () => tracker.completed,
    records: recordsWork(launch),
    resumed: launch.entry === 'resume',
    onCommit: (ok) => warnIfUnsaved(ok),
    beforeSave: () => tracker.flush(),
  });
  session.listen();

  function warnIfUnsaved(ok: boolean): void {
    const has = player.notices.some((n) => n.key === 'notice.saveFailed');
    if (ok === !has) return;
    player.notices = ok ? player.notices.filter((n) => n.key !== 'notice.saveFailed') : [...player.notices, { key: 'notice.saveFailed' }];
  }

  const setLanguage = async (lang: string) => {
    const screen = screenOf(actor.getSnapshot());
    if (mode === 'review') await Promise.all(played().map((id) => scenarios.load(id, [lang])));
    else if ('scenarioId' in screen) await scenarios.load(screen.scenarioId, [lang]);
    language = lang;
    const fixed = texts.fixed(lang);
    document.documentElement.lang = lang;
    document.title = fixed('course:title');
    // Scenario texts may name local facts as {{region.<name>}}; they come from the region profile.
    const region = { name: fixed('region:name'), ...(fixed('region:values', { returnObjects: true, defaultValue: {} }) as unknown as object) };
    player.t = (key, options) => fixed(key, { region, ...options });
    player.lang = lang;
  };
  player.actor = actor;
  await setLanguage(language);
  player.addEventListener('language-change', (e) => void setLanguage((e as CustomEvent<{ lang: string }>).detail.lang));
  player.addEventListener('course-exit', () => {
    session.end();
    player.exited = true;
  });
  document.body.replaceChildren(player);
  // Once the first screen is up, everything else, so the course goes on working offline.
  const prefetch = () => Promise.all([whole(), scenarios.loadAll(bundle.languages)]);
  if (import.meta.env.DEV) await prefetch();
  else if ('requestIdleCallback' in window) requestIdleCallback(() => void prefetch().catch(() => undefined));
  else setTimeout(() => void prefetch().catch(() => undefined), 0);

  // The whole course's machine takes over where the frame's is (the intro or the list).
  function upgrade(full: CourseSpec): void {
    // Once the learner has left, a fetch that ends late changes nothing.
    if (course !== frame || session.ended) return;
    tracker.flush();
    const at = actor.getPersistedSnapshot();
    actor.stop();
    course = full;
    actor = createActor(createCourseMachine(course), { snapshot: at }).start();
    tracker = track(true);
    player.course = course;
    player.actor = actor;
  }

  // The dev tools' seam (jump to a node): a fresh course, the events played into it before
  // anyone watches, then tracked and saved as if the learner had got there.
  const restart = (events: readonly CourseEvent[]) => {
    tracker.flush();
    actor.stop();
    actor = createActor(createCourseMachine(course)).start();
    for (const event of events) actor.send(event);
    tracker = track();
    port.commit();
    player.actor = actor;
    player.exited = false;
    // A scenario said to have started over has been taken to a node on purpose instead.
    player.notices = player.notices.filter((n) => n.key !== 'notice.restarted');
    player.requestUpdate();
  };
  return { course, actor: () => actor, restart, text: source };
}

async function boot(): Promise<void> {
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, theme.styleSheet as CSSStyleSheet];
  if (!import.meta.env.DEV) {
    if (bundle) await start(bundle);
    return;
  }
  // In dev the trainers' files may have errors: show them, and the last good course if any.
  let preview: Preview | null = null;
  let crash: unknown = null;
  try {
    preview = bundle ? await start(bundle) : null;
  } catch (error) {
    crash = error;
  }
  const { mountDevTools } = await import('./dev/mount.ts');
  await mountDevTools({ preview, problems, stale, crash });
}

void boot();
