// Types by `import()`: an ambient module may not import relative paths, and would silently be `any`.
/* eslint-disable @typescript-eslint/consistent-type-imports -- the only way to name types inside `declare module` */
declare module 'virtual:course' {
  export type ProblemLine = import('./authoring/vite-plugin.ts').ProblemLine;

  /**
   * The course, each scenario without its nodes (see `loadStructure`); in dev, the last one
   * without errors, or `null` if there has been none yet.
   */
  const bundle: import('./model/course.ts').CourseBundle | null;
  export default bundle;
  /** Dev only (empty in a build, which fails instead): the checker's problems, formatted. */
  export const problems: readonly ProblemLine[];
  /** Dev only: whether `bundle` is older than the files because they now have errors. */
  export const stale: boolean;
  /**
   * Every scenario with its nodes, in the course's order, and per language per scenario the
   * texts only the list shows (summaries): a chunk of its own in a build.
   */
  export const loadStructure: () => Promise<{
    default: readonly import('./model/scenario.ts').ScenarioSpec[];
    listTexts: Readonly<Record<string, Readonly<Record<string, Record<string, unknown>>>>>;
  }>;
  /**
   * Per scenario, per language: loads the scenario's texts beyond those in `bundle` (which
   * holds only what the first screen shows); a chunk of its own in a build.
   */
  export const scenarioTexts: Readonly<Record<string, Readonly<Record<string, () => Promise<{ default: Record<string, unknown> }>>>>>;
}

declare module 'virtual:course-later-ui' {
  /** Per language, the player texts (`ui`) only the views inside a scenario, the summary and review show. */
  const texts: Readonly<Record<string, Record<string, unknown>>>;
  export default texts;
}
