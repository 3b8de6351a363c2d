import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CourseBundle, Resources } from '../model/course.ts';
import type { ThemeSpec } from '../model/theme.ts';
import type { Project } from './load.ts';
import type { RegionFile } from './schema.ts';
import { toSpec } from './scenario-file.ts';

export interface BuildTarget {
  readonly audience: string;
  readonly region: string;
}

/** Every audience in every region given (by default all): one package pair each. */
export function buildTargets(project: Project, regions: readonly string[] = [...project.regions.keys()]): BuildTarget[] {
  const audiences = Object.keys(project.course?.audiences ?? {});
  return regions.flatMap((region) => audiences.map((audience) => ({ audience, region })));
}

/**
 * The player's own texts (`ui`) only the screens inside a scenario, the summary and review
 * show: they travel with those views' chunk (`src/ui/scenario-views.ts`), not in the first
 * script. A key not named here stays in the first script, which is always safe.
 */
export const LATER_UI_KEYS: ReadonlySet<string> = new Set(['situation', 'feedback', 'ending', 'summary', 'review', 'contentNote', 'skip', 'short', 'stepOut']);

/** A scenario's texts the first screen shows (the list's titles and the start screen's content notes). */
const FRAME_KEYS: ReadonlySet<string> = new Set(['title', 'contentNote']);

/**
 * A scenario's texts only the list shows beyond its title: they travel with the scenarios'
 * structure, a chunk fetched as soon as the first screen is up (the list is the second screen),
 * not in the first script, where every scenario would cost room.
 */
export const LIST_KEYS: ReadonlySet<string> = new Set(['summary']);

function scenarioPart(texts: unknown, inFrame: boolean): Record<string, unknown> {
  return Object.fromEntries(Object.entries(texts as Record<string, unknown>).filter(([key]) => FRAME_KEYS.has(key) === inFrame));
}

/** A contact or step without `audiences` is for everyone. */
const isFor = (audience: string, item: { audiences?: readonly string[] }) => item.audiences?.includes(audience) ?? true;

/** The theme's colours as they are, and its logo file as a data URL. */
function compileTheme(root: string, { logo, ...colours }: NonNullable<RegionFile['theme']>): ThemeSpec {
  if (!logo) return colours;
  const type = logo.endsWith('.svg') ? 'image/svg+xml' : 'image/png';
  return { ...colours, logo: `data:${type};base64,${readFileSync(join(root, 'course/regions', logo)).toString('base64')}` };
}

/**
 * The frame of one player build: the structure of the audience's scenarios and, per
 * language, the namespaces that audience and region use, with only the texts of each
 * scenario that the first screen shows. The rest is in `compileScenarioTexts`.
 */
export function compileBundle(project: Project, target: BuildTarget): CourseBundle {
  const course = project.course;
  const region = project.regions.get(target.region);
  const audience = course?.audiences[target.audience];
  if (!course || !region || !audience) throw new Error(`Unknown build target ${target.audience}/${target.region}`);
  const optional = audience.optional ?? [];
  const ids = [...audience.scenarios, ...optional];
  const scenarios = ids.map((id) => {
    const file = project.scenarios.get(id);
    if (!file) throw new Error(`Unknown scenario ${id}`);
    return toSpec(file);
  });
  const wanted: [string, string][] = [
    ['ui', 'ui'],
    ['course', 'course'],
    [`region.${region.id}`, 'region'],
    ...ids.map((id): [string, string] => [`scenario.${id}`, `scenario.${id}`]),
  ];
  const resources: Resources = {};
  for (const lng of project.languages) {
    const namespaces = project.resources.get(lng);
    resources[lng] = Object.fromEntries(
      wanted.flatMap(([from, to]) => {
        const texts = namespaces?.get(from);
        if (!texts) return [];
        return [[to, to.startsWith('scenario.') ? scenarioPart(texts, true) : texts]];
      }),
    );
  }
  return {
    course: {
      id: course.id,
      version: course.version,
      audience: target.audience,
      passMark: course.passMark,
      replays: course.replays,
      ...(optional.length > 0 ? { optional } : {}),
      ...(course.skipping ? { skipping: course.skipping } : {}),
      ...(course.intro ? { intro: { facts: course.intro.facts.length, steps: course.intro.model.steps.length } } : {}),
      region: {
        id: region.id,
        contacts: region.contacts.filter((c) => isFor(target.audience, c)).map(({ id, phone, url, localName, support }) => ({ id, phone, url, localName, support: support === true })),
        whatToDo: region.whatToDo.flatMap((step, i) => (typeof step === 'string' || isFor(target.audience, step) ? [i] : [])),
        ...(region.theme ? { theme: compileTheme(project.root, region.theme) } : {}),
      },
      scenarios,
    },
    resources,
    languages: project.languages,
  };
}

/** Per scenario, per language that has them: the texts beyond the frame's, for a chunk of their own. */
export function compileScenarioTexts(project: Project, target: BuildTarget): Map<string, Map<string, Record<string, unknown>>> {
  const audience = project.course?.audiences[target.audience];
  const ids = [...(audience?.scenarios ?? []), ...(audience?.optional ?? [])];
  return new Map(
    ids.map((id) => [
      id,
      new Map(
        project.languages.flatMap((lng) => {
          const texts = project.resources.get(lng)?.get(`scenario.${id}`);
          return texts ? [[lng, scenarioPart(texts, false)]] : [];
        }),
      ),
    ]),
  );
}
