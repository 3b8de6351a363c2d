/**
 * What a launch is made of (package, learner, language, mode, credit), the fictitious learners,
 * and how the options travel in the page's query string so a test can open a package directly:
 * `?pkg=<name>&learner=learner_1&lang=sv|en|none&mode=normal|review|browse&credit=credit|no-credit&autolaunch=1|resume|0` (default: resume the stored attempt, or start one)
 */

export type Mode = 'normal' | 'review' | 'browse';
export type Credit = 'credit' | 'no-credit';
export type Language = 'sv' | 'en' | 'none';

export interface Learner {
  id: string;
  /** SCORM convention: "Family, Given". */
  name: string;
  language: Language;
}

export const MODES: readonly Mode[] = ['normal', 'review', 'browse'];
export const CREDITS: readonly Credit[] = ['credit', 'no-credit'];
export const LANGUAGES: readonly Language[] = ['sv', 'en', 'none'];

export interface LaunchOptions {
  /** Package name as the server lists it: the zip's file name without `.zip`. */
  pkg: string;
  learner: string;
  lang: Language;
  mode: Mode;
  credit: Credit;
}

export type AutoLaunch = 'new' | 'resume' | null;

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.find((a) => a === value);

const FIRST: Learner = { id: 'learner_1', name: 'Lindqvist, Anna', language: 'sv' };

export const LEARNERS: readonly Learner[] = [
  FIRST,
  { id: 'learner_2', name: 'Whitfield, James', language: 'en' },
  { id: 'learner_3', name: 'Berg, Sofia', language: 'none' },
];

export const DEFAULT_LEARNER = FIRST;

export const learnerById = (id: string): Learner => LEARNERS.find((l) => l.id === id) ?? FIRST;

/** Options from the query string; what it does not say comes from `fallback`. */
export function optionsFromQuery(search: string, fallback: LaunchOptions): { options: LaunchOptions; autolaunch: AutoLaunch } {
  const q = new URLSearchParams(search);
  const learner = LEARNERS.find((l) => l.id === q.get('learner'))?.id ?? fallback.learner;
  const options: LaunchOptions = {
    pkg: (q.get('pkg') ?? fallback.pkg).replace(/\.zip$/, ''),
    learner,
    // A learner chosen in the URL brings their own language unless `lang` says otherwise.
    lang: pick(LANGUAGES, q.get('lang')) ?? (q.has('learner') ? learnerById(learner).language : fallback.lang),
    mode: pick(MODES, q.get('mode')) ?? fallback.mode,
    credit: pick(CREDITS, q.get('credit')) ?? fallback.credit,
  };
  const auto = q.get('autolaunch');
  // Opening the page shows the course at once, continuing the stored attempt if there is one.
  const autolaunch: AutoLaunch = auto === '0' ? null : auto === '1' || auto === 'true' || auto === 'new' ? 'new' : 'resume';
  return { options, autolaunch };
}

/** The query string for `options`, without autolaunch: what the address bar shows. */
export function queryFor(options: LaunchOptions): string {
  const q = new URLSearchParams({ pkg: options.pkg, learner: options.learner, lang: options.lang, mode: options.mode, credit: options.credit });
  return `?${q}`;
}
