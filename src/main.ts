import bundle, { loadStructure, problems, scenarioTexts, stale } from 'virtual:course';
import type { Preview } from './dev/preview.ts';
import { pickLanguage } from './i18n/index.ts';
import { ScenarioTexts } from './i18n/scenario-texts.ts';
import { Texts } from './i18n/texts.ts';
import type { CourseBundle } from './model/course.ts';
import { afterPaint } from './runtime/after-paint.ts';
import { connect } from './runtime/connect.ts';
import { CourseRuntime } from './runtime/course-runtime.ts';
import './ui/course-player.ts';
import { askToRetry } from './ui/load-retry.ts';
import { applyTheme, theme } from './ui/theme.ts';

/** Wires the bundle, the LMS, the texts and the player to the runtime; the course's life cycle is the runtime's. */
async function start(bundle: CourseBundle): Promise<Preview> {
  const { port, notices } = connect(bundle);
  const sourceLanguage = bundle.languages[0] ?? 'sv';
  const texts = new Texts(bundle.resources, sourceLanguage);
  const scenarios = new ScenarioTexts(texts, scenarioTexts);
  const source = texts.fixed(sourceLanguage);
  applyTheme(document.documentElement, bundle.course.region.theme);
  const player = document.createElement('course-player');
  let language = sourceLanguage;

  const runtime = new CourseRuntime({
    frame: bundle.course,
    port,
    notices,
    view: {
      show: (course, actor) => {
        player.course = course;
        player.actor = actor;
      },
      notices: (list) => (player.notices = list),
    },
    // The first screen needs no scenario's nodes nor the views inside a scenario: they follow in a chunk of their own.
    loadWhole: () =>
      Promise.all([loadStructure(), import('./ui/scenario-views.ts')]).then(([module, views]) => {
        for (const [lng, ui] of Object.entries(views.laterTexts)) texts.add(lng, 'ui', ui);
        for (const [lng, byScenario] of Object.entries(module.listTexts)) {
          for (const [id, list] of Object.entries(byScenario)) texts.add(lng, `scenario.${id}`, list);
        }
        // The list may be up already: show its summaries now they are here.
        if (player.isConnected) retext(language);
        return { ...bundle.course, scenarios: module.default };
      }),
    // A scenario is shown in the learner's language and reported to the LMS in the source language.
    loadScenario: (id) => scenarios.load(id, [...new Set([language, sourceLanguage])]),
    askToRetry: () => askToRetry(texts.fixed(language), language, 'notice.startFailed'),
    eager: import.meta.env.DEV,
    // HR reads these in the LMS: the decision's short label where the trainer wrote one.
    describe: (scenarioId, nodeId) => {
      const key = `scenario.${scenarioId}:nodes.${nodeId}`;
      return source(source(`${key}.label`, { defaultValue: '' }) ? `${key}.label` : `${key}.text`);
    },
    scenarioTitle: (scenarioId) => source(`scenario.${scenarioId}:title`),
    now: () => Date.now(),
    defer: afterPaint,
    win: window,
  });
  language = pickLanguage(runtime.launch.language, navigator.languages, bundle.languages);

  /** A new translation function (every view re-renders with it) in `lang`. */
  function retext(lang: string): void {
    const fixed = texts.fixed(lang);
    // Scenario texts may name local facts as {{region.<name>}}; they come from the region profile.
    const region = { name: fixed('region:name'), ...(fixed('region:values', { returnObjects: true, defaultValue: {} }) as unknown as object) };
    player.t = (key, options) => fixed(key, { region, ...options });
  }
  const setLanguage = async (lang: string) => {
    await Promise.all(runtime.openScenarios().map((id) => scenarios.load(id, [lang])));
    language = lang;
    document.documentElement.lang = lang;
    document.title = texts.fixed(lang)('course:title');
    retext(lang);
    player.lang = lang;
  };

  // A start that throws (not a fetch: those are asked for again inside) offers to try again.
  for (;;) {
    try {
      await runtime.start();
      break;
    } catch (error) {
      // In development the dev tools show what broke instead.
      if (import.meta.env.DEV) throw error;
      await askToRetry(texts.fixed(language), language, 'notice.startError');
    }
  }
  player.languages = bundle.languages;
  player.notices = runtime.notices.list;
  player.mode = runtime.mode;
  player.seed = runtime.seed;
  player.nothingKept = runtime.nothingKept;
  player.recorded = runtime.launch.recorded;
  player.prepare = (scenarioId) => runtime.prepare(scenarioId);
  await setLanguage(language);
  player.addEventListener('language-change', (e) => void setLanguage(e.detail.lang));
  player.addEventListener('course-exit', () => {
    runtime.exit();
    player.exited = true;
  });
  document.body.replaceChildren(player);
  // Once the first screen is up, everything else, so the course goes on working offline.
  const prefetch = () => Promise.all([runtime.prefetch(), scenarios.loadAll(bundle.languages)]);
  if (import.meta.env.DEV) await prefetch();
  else if ('requestIdleCallback' in window) requestIdleCallback(() => void prefetch().catch(() => undefined));
  else setTimeout(() => void prefetch().catch(() => undefined), 0);

  return {
    course: runtime.course,
    actor: () => runtime.actor as NonNullable<typeof runtime.actor>,
    // The dev tools' seam (jump to a node): a fresh course, the events played into it, tracked and saved.
    restart: (events) => {
      runtime.replaceActor(runtime.course, { events });
      player.exited = false;
    },
    text: source,
  };
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
