import type { Project } from '../authoring/load.ts';
import type { NodeFile } from '../authoring/schema.ts';
import type { ReportCourse, ReportNode, Texts } from './course-model.ts';

type Nested = Record<string, unknown>;
const at = (texts: Nested | undefined, path: readonly string[]): string | undefined => {
  let value: unknown = texts;
  for (const key of path) value = value && typeof value === 'object' ? (value as Nested)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
};

/**
 * The course as the report needs it, from a loaded project (Node only: the build and the CLI).
 * A text missing in a language is left out and the reader falls back to Swedish.
 */
export function reportCourse(project: Project): ReportCourse {
  const course = project.course;
  if (!course) throw new Error('course/course.yaml did not load');
  const texts = (ns: string, path: readonly string[]): Texts => {
    const found: Record<string, string> = {};
    for (const lng of project.languages) {
      const text = at(project.resources.get(lng)?.get(ns), path);
      if (text !== undefined) found[lng] = text;
    }
    return found;
  };
  const node = (scenario: string, id: string, file: NodeFile): ReportNode => {
    const ns = `scenario.${scenario}`;
    const label = (): Texts => {
      const labels = texts(ns, ['nodes', id, 'label']);
      return Object.keys(labels).length > 0 ? labels : texts(ns, ['nodes', id, 'text']);
    };
    switch (file.kind) {
      case 'ending':
        return { kind: 'ending', id, outcome: file.outcome, title: texts(ns, ['nodes', id, 'title']) };
      case 'question':
        return {
          kind: 'question',
          id,
          label: label(),
          choices: file.options.map((o) => ({
            id: o.id,
            quality: o.correct ? 'good' : 'poor',
            points: o.correct ? file.points : 0,
            next: file.next,
            text: texts(ns, ['nodes', id, 'options', o.id, 'text']),
          })),
        };
      case 'situation':
        return {
          kind: 'situation',
          id,
          label: label(),
          choices: file.choices.map((c) => ({ id: c.id, quality: c.quality, points: c.points, next: c.next, text: texts(ns, ['nodes', id, 'choices', c.id, 'text']) })),
        };
    }
  };
  // The optional scenarios are in the packages too: their decisions are the course's.
  const listed = (a: (typeof course.audiences)[string]) => [...a.scenarios, ...(a.optional ?? [])];
  const used = new Set(Object.values(course.audiences).flatMap(listed));
  return {
    id: course.id,
    version: course.version,
    title: texts('course', ['title']),
    languages: project.languages,
    passMark: course.passMark,
    audiences: Object.entries(course.audiences).map(([id, a]) => ({ id, title: texts('course', ['audiences', id, 'title']), scenarios: listed(a) })),
    scenarios: Object.fromEntries(
      [...project.scenarios.values()]
        .filter((s) => used.has(s.id))
        .map((s) => [
          s.id,
          { id: s.id, title: texts(`scenario.${s.id}`, ['title']), start: s.start, ...(s.alternative ? { alternative: s.alternative.start } : {}), nodes: Object.fromEntries(Object.entries(s.nodes).map(([id, n]) => [id, node(s.id, id, n)])) },
        ]),
    ),
  };
}
