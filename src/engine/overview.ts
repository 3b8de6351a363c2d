import { factsOf, variantIndex } from '../model/conditions.ts';
import type { CourseSpec } from '../model/course.ts';
import { choiceOf, situation, type Outcome, type Quality, type ScenarioSpec } from '../model/scenario.ts';
import { isDone, isInProgress, type Attempt, type CourseContext } from './events.ts';
import { attemptMax, countedAttempt, scenarioResult, scenarioScore, skipCounts, type ScenarioResult } from './scoring.ts';

/** A scenario as the list shows it. */
export interface ScenarioEntry {
  readonly spec: ScenarioSpec;
  readonly result: ScenarioResult;
  /** Whether an unfinished attempt is under way. */
  readonly inProgress: boolean;
  /** Offered besides the required core: outside completion and the score. */
  readonly optional: boolean;
  /** Skipped, and done only once its short version is (the course's `skipping: alternative`). */
  readonly shortDue: boolean;
}

export function scenarioEntries(course: CourseSpec, context: CourseContext): ScenarioEntry[] {
  const counts = new Set(skipCounts(course));
  return course.scenarios.map((spec) => {
    const result = scenarioResult(spec, context.progress[spec.id], course.passMark, course.replays);
    return {
      spec,
      result,
      inProgress: isInProgress(context.progress[spec.id]),
      optional: course.optional?.includes(spec.id) === true,
      shortDue: !isDone(context.progress[spec.id], counts.has(spec.id)) && result.skipped,
    };
  });
}

/**
 * Overall progress: a scenario played to an ending or skipped is done (skipping counts for
 * completion), and only the others add to the time left.
 */
export function listProgress(all: readonly ScenarioEntry[]): { done: number; total: number; minutesLeft: number } {
  // Only the required scenarios make the course done; the optional ones are extra.
  const entries = all.filter((e) => !e.optional);
  const open = entries.filter((e) => !e.result.finished && (!e.result.skipped || e.shortDue));
  return {
    done: entries.length - open.length,
    total: entries.length,
    minutesLeft: open.reduce((sum, e) => sum + e.spec.estimatedMinutes, 0),
  };
}

/** One decision as review shows it: where, what was chosen, and how good it was. */
export interface ReviewedDecision {
  readonly nodeId: string;
  readonly choiceId: string;
  readonly quality: Quality;
  /** A knowledge question rather than a scene. */
  readonly question: boolean;
  /** Index of the situation's text variant that was shown, or -1. */
  readonly variant: number;
}

export interface ReviewedEnding {
  readonly endingId: string;
  readonly outcome: Outcome;
  readonly variant: number;
  readonly score: number;
  readonly max: number;
}

/** One play-through: the decisions in order and the ending, or null while unfinished. */
export interface ReviewedAttempt {
  readonly decisions: readonly ReviewedDecision[];
  readonly ending: ReviewedEnding | null;
  /** The attempt whose score counts, by the course's replay policy. */
  readonly counted: boolean;
  /** A play-through of the short version. */
  readonly shortVersion: boolean;
}

export interface ScenarioReview extends ScenarioEntry {
  /** The play-throughs the saved progress holds, in the order played; empty if never played. */
  readonly attempts: readonly ReviewedAttempt[];
}

function reviewAttempt(spec: ScenarioSpec, attempt: Attempt, counted: boolean): ReviewedAttempt {
  const decisions = attempt.decisions.map((d, i) => {
    const node = situation(spec, d.nodeId);
    return {
      nodeId: d.nodeId,
      choiceId: d.choiceId,
      quality: choiceOf(spec, d.nodeId, d.choiceId).quality,
      question: node.question === true,
      // The text the learner saw depended on the decisions before it.
      variant: variantIndex(node.variants, factsOf(spec, attempt.decisions.slice(0, i))),
    };
  });
  const node = attempt.endingId ? spec.nodes[attempt.endingId] : undefined;
  const ending =
    node?.kind === 'ending'
      ? { endingId: node.id, outcome: node.outcome, variant: variantIndex(node.variants, factsOf(spec, attempt.decisions)), score: scenarioScore(spec, attempt.decisions), max: attemptMax(spec, attempt) }
      : null;
  return { decisions, ending, counted, shortVersion: attempt.alternative === true };
}

/**
 * Everything review mode shows, read from the course's progress: per scenario its state and
 * outcome, and each play-through's decisions and ending. A skipped attempt with no decisions
 * is no path and is left out.
 */
export function courseReview(course: CourseSpec, context: CourseContext): ScenarioReview[] {
  return scenarioEntries(course, context).map((entry) => {
    const progress = context.progress[entry.spec.id];
    const counted = countedAttempt(entry.spec, progress, course.replays);
    const attempts = (progress?.attempts ?? [])
      .filter((a) => a.decisions.length > 0)
      .map((a) => reviewAttempt(entry.spec, a, a === counted));
    return { ...entry, attempts };
  });
}
