import type { CourseBundle, Resources } from '../model/course.ts';
import type { Project } from './load.ts';
import { toSpec } from './scenario-file.ts';

export interface BuildTarget {
  readonly audience: string;
  readonly region: string;
}

/** Every audience in every region: one package pair each. */
export function buildTargets(project: Project): BuildTarget[] {
  const audiences = Object.keys(project.course?.audiences ?? {});
  return [...project.regions.keys()].flatMap((region) => audiences.map((audience) => ({ audience, region })));
}

/**
 * The data one player build carries: the structure of the audience's scenarios and, per
 * language, only the namespaces that audience and region use.
 */
export function compileBundle(project: Project, target: BuildTarget): CourseBundle {
  const course = project.course;
  const region = project.regions.get(target.region);
  const audience = course?.audiences[target.audience];
  if (!course || !region || !audience) throw new Error(`Unknown build target ${target.audience}/${target.region}`);
  const scenarios = audience.scenarios.map((id) => {
    const file = project.scenarios.get(id);
    if (!file) throw new Error(`Unknown scenario ${id}`);
    return toSpec(file);
  });
  const wanted: [string, string][] = [
    ['ui', 'ui'],
    ['course', 'course'],
    [`region.${region.id}`, 'region'],
    ...audience.scenarios.map((id): [string, string] => [`scenario.${id}`, `scenario.${id}`]),
  ];
  const resources: Resources = {};
  for (const lng of project.languages) {
    const namespaces = project.resources.get(lng);
    resources[lng] = Object.fromEntries(wanted.flatMap(([from, to]) => (namespaces?.has(from) ? [[to, namespaces.get(from)]] : [])));
  }
  return {
    course: {
      id: course.id,
      version: course.version,
      audience: target.audience,
      passMark: course.passMark,
      replays: course.replays,
      region: { id: region.id, contacts: region.contacts.map(({ id, phone, url }) => ({ id, phone, url })) },
      scenarios,
    },
    resources,
    languages: project.languages,
  };
}
