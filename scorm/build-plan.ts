import { buildTargets, type BuildTarget } from '../src/authoring/compile.ts';
import { UNFILLED_CODES } from '../src/authoring/course-checks.ts';
import type { Project } from '../src/authoring/load.ts';
import type { CheckerText, Problem } from '../src/authoring/problems.ts';

/** A region profile the build leaves out, with the fields it has still to fill in. */
export interface RefusedRegion {
  readonly region: string;
  readonly file: string;
  readonly problems: readonly Problem[];
}

/**
 * What `npm run build` packages. By default every complete region, and the others are
 * reported but do not fail the build (so the quick start keeps working); asked for one
 * region with `--region`, it fails when that region cannot be packaged.
 */
export type BuildPlan =
  | { readonly kind: 'build'; readonly targets: readonly BuildTarget[]; readonly refused: readonly RefusedRegion[] }
  | { readonly kind: 'refused'; readonly refused: RefusedRegion }
  | { readonly kind: 'unknown'; readonly region: string; readonly known: readonly string[] };

export function planBuild(project: Project, problems: readonly Problem[], requested?: string): BuildPlan {
  const known = [...project.regions.keys()];
  if (requested !== undefined && !project.regions.has(requested)) return { kind: 'unknown', region: requested, known };
  const checked = (requested === undefined ? known : [requested]).map((region): RefusedRegion => {
    const file = project.sourceFiles.get(`region.${region}`) ?? '';
    return { region, file, problems: problems.filter((p) => p.file === file && UNFILLED_CODES.has(p.code)) };
  });
  const refused = checked.filter((r) => r.problems.length > 0);
  const [only] = refused;
  if (requested !== undefined && only) return { kind: 'refused', refused: only };
  const complete = checked.filter((r) => r.problems.length === 0).map((r) => r.region);
  return { kind: 'build', targets: buildTargets(project, complete), refused };
}

/** What the build prints before it builds anything (in the checker's language), and its exit code if it stops. */
export function planReport(plan: BuildPlan, text: CheckerText): { readonly lines: readonly string[]; readonly exitCode?: number } {
  const listed = (r: RefusedRegion, key: string) => [
    text.message(key, { region: r.region, file: r.file, count: r.problems.length }),
    ...r.problems.map((p) => `  ${text.format(p)}`),
  ];
  switch (plan.kind) {
    case 'unknown':
      return { lines: [text.message('build.unknown_region', { region: plan.region, regions: plan.known.join(', ') })], exitCode: 1 };
    case 'refused':
      return { lines: listed(plan.refused, 'build.region_refused'), exitCode: 1 };
    case 'build':
      return { lines: plan.refused.flatMap((r) => listed(r, 'build.region_skipped')) };
  }
}
