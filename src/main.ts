import { createActor } from 'xstate';
import bundle, { problems, stale } from 'virtual:course';
import type { Preview } from './dev/preview.ts';
import { createCourseMachine } from './engine/course-machine.ts';
import type { CourseEvent } from './engine/events.ts';
import { decodeProgress } from './engine/progress-codec.ts';
import { replayProgress } from './engine/progress.ts';
import { createI18n, pickLanguage } from './i18n/index.ts';
import { scorm12 } from './lms/dialect-12.ts';
import { scorm2004 } from './lms/dialect-2004.ts';
import { findApi } from './lms/discovery.ts';
import { LocalAdapter } from './lms/local-adapter.ts';
import type { LmsPort } from './lms/port.ts';
import { ScormAdapter } from './lms/scorm-adapter.ts';
import { Session } from './lms/session.ts';
import { Tracker } from './lms/tracker.ts';
import './ui/course-player.ts';
import type { Notice } from './ui/course-player.ts';
import { theme } from './ui/theme.ts';
import type { CourseBundle } from './model/course.ts';

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
  const i18n = await createI18n(bundle, pickLanguage(launch.language, navigator.languages, bundle.languages));
  const course = bundle.course;

  let actor = createActor(createCourseMachine(course)).start();
  const saved = decodeProgress(launch.suspendData);
  if (saved.ok) {
    const { restarted } = replayProgress(actor, course, saved.progress);
    for (const id of restarted) notices.push({ key: 'notice.restarted', params: { id } });
  } else if (saved.reason !== 'empty') {
    notices.push({ key: 'notice.unreadable' });
  }

  const source = i18n.getFixedT(bundle.languages[0] ?? 'sv');
  const player = document.createElement('course-player');
  player.languages = bundle.languages;
  player.course = course;
  player.notices = notices;
  player.exited = false;
  const track = () => {
    const tracker = new Tracker({
      course,
      port,
      launch,
      // HR reads these in the LMS: the decision's short label where the trainer wrote one.
      describe: (scenarioId, nodeId) => {
        const key = `scenario.${scenarioId}:nodes.${nodeId}`;
        return source(source(`${key}.label`, { defaultValue: '' }) ? `${key}.label` : `${key}.text`);
      },
      scenarioTitle: (scenarioId) => source(`scenario.${scenarioId}:title`),
      now: () => Date.now(),
      onCommit: (ok) => warnIfUnsaved(ok),
    });
    tracker.attach(actor);
    return tracker;
  };
  let tracker = track();
  const session = new Session({ port, win: window, now: () => Date.now(), finished: () => tracker.completed, onCommit: (ok) => warnIfUnsaved(ok) });
  session.listen();

  function warnIfUnsaved(ok: boolean): void {
    const has = player.notices.some((n) => n.key === 'notice.saveFailed');
    if (ok === !has) return;
    player.notices = ok ? player.notices.filter((n) => n.key !== 'notice.saveFailed') : [...player.notices, { key: 'notice.saveFailed' }];
  }

  const setLanguage = async (lang: string) => {
    await i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
    document.title = i18n.t('course:title');
    const fixed = i18n.getFixedT(lang);
    // Scenario texts may name local facts as {{region.<name>}}; they come from the region profile.
    const region = { name: fixed('region:name'), ...(fixed('region:values', { returnObjects: true, defaultValue: {} }) as object) };
    player.t = (key, options) => fixed(key, { region, ...options });
    player.lang = lang;
  };
  player.actor = actor;
  await setLanguage(i18n.language);
  player.addEventListener('language-change', (e) => void setLanguage((e as CustomEvent<{ lang: string }>).detail.lang));
  player.addEventListener('course-exit', () => {
    session.end();
    player.exited = true;
  });
  document.body.replaceChildren(player);

  // The dev tools' seam (jump to a node): a fresh course, the events played into it before
  // anyone watches, then tracked and saved as if the learner had got there.
  const restart = (events: readonly CourseEvent[]) => {
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
