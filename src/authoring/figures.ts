import type { ScenarioProgress } from '../engine/events.ts';
import { worstCaseProgress } from '../engine/progress-size.ts';
import { courseResult } from '../engine/scoring.ts';
import { bestWalk, scoreRange } from '../model/analysis.ts';
import type { CourseSpec } from '../model/course.ts';
import type { ScenarioSpec } from '../model/scenario.ts';
import { scenarioShape } from '../model/shape.ts';
import { SUSPEND_DATA_LIMIT_12 } from '../lms/formats.ts';
import { toSpec } from './scenario-file.ts';
import type { CourseFile, ScenarioFile } from './schema.ts';

export interface ScenarioFigures {
  readonly id: string;
  readonly nodes: number;
  /** Situations and knowledge questions: the places a learner decides. */
  readonly decisions: number;
  readonly endings: number;
  readonly min: number;
  readonly max: number;
  /** Distinct complete walks; Infinity when the scenario can loop. */
  readonly paths: number;
}

export function scenarioFigures(file: ScenarioFile): ScenarioFigures {
  const spec = toSpec(file);
  const nodes = Object.values(file.nodes);
  const { min, max } = scoreRange(spec);
  const endings = nodes.filter((n) => n.kind === 'ending').length;
  return { id: file.id, nodes: nodes.length, decisions: nodes.length - endings, endings, min, max, paths: scenarioShape(spec).paths };
}

export interface AudienceFigures {
  readonly audience: string;
  readonly scenarios: number;
  /** Points the best learner earns over the audience's scenarios. */
  readonly maxScore: number;
  readonly passMark: number;
  /** The course score in percent of a learner who takes the best walk everywhere, by the runtime's own scoring. */
  readonly bestPercent: number;
  readonly reachable: boolean;
  /** Scenarios no walk finishes, so the course is never completed. */
  readonly unfinishable: readonly string[];
  /** Worst-case suspend data, in characters, against SCORM 1.2's limit. */
  readonly suspendData: number;
  readonly suspendDataLimit: number;
  /** Scenarios whose loops let the suspend data grow beyond that figure. */
  readonly growing: readonly string[];
}

/**
 * For each audience, whether its best learner passes and how long its suspend data can get,
 * both computed by the runtime's own code (scoring and progress codec) on the walks the
 * analysis finds, so the proof covers what the player does.
 */
export function audienceFigures(course: CourseFile, scenarios: ReadonlyMap<string, ScenarioFile>): AudienceFigures[] {
  return Object.entries(course.audiences).map(([audience, { scenarios: required, optional = [] }]) => {
    // Optional scenarios are played and saved too: the suspend data must hold them all.
    const specs: ScenarioSpec[] = [...new Set([...required, ...optional])].flatMap((id) => {
      const file = scenarios.get(id);
      return file ? [toSpec(file)] : [];
    });
    const spec: CourseSpec = {
      id: course.id,
      version: course.version,
      audience,
      passMark: course.passMark,
      replays: course.replays,
      ...(optional.length > 0 ? { optional } : {}),
      ...(course.skipping ? { skipping: course.skipping } : {}),
      region: { id: 'generic', contacts: [], whatToDo: [] },
      scenarios: specs,
    };
    const progress: Record<string, ScenarioProgress> = {};
    const unfinishable: string[] = [];
    for (const s of specs) {
      const walk = bestWalk(s);
      if (walk) progress[s.id] = { attempts: [{ decisions: walk.decisions, flags: [], endingId: walk.endingId }] };
      else unfinishable.push(s.id);
    }
    const result = courseResult(spec, { progress, current: null });
    const size = worstCaseProgress(specs);
    return {
      audience,
      scenarios: specs.length,
      maxScore: specs.reduce((sum, s) => sum + scoreRange(s).max, 0),
      passMark: course.passMark,
      bestPercent: result.percent ?? 0,
      // An audience whose scenarios all failed to load has nothing to pass; those errors are reported on their own.
      reachable: result.passed !== false,
      unfinishable,
      suspendData: size.length,
      suspendDataLimit: SUSPEND_DATA_LIMIT_12,
      growing: size.growing,
    };
  });
}
