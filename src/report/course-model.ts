import type { Outcome, Quality } from '../model/scenario.ts';

/**
 * What the report knows about its course: every audience, scenario, decision, choice and
 * ending, with their texts in every language (Swedish first). Built from the trainers' files
 * at build time (`course-data.ts`) and embedded in the report page and the CLI, so a report
 * can name a choice and its quality where the LMS export has only an id.
 */
export type Texts = Readonly<Record<string, string>>;

export interface ReportChoice {
  readonly id: string;
  readonly quality: Quality;
  readonly points: number;
  readonly next: string;
  readonly text: Texts;
}

export interface ReportDecision {
  readonly kind: 'situation' | 'question';
  readonly id: string;
  /** The short label, or the situation's text when it has none. */
  readonly label: Texts;
  readonly choices: readonly ReportChoice[];
}

export interface ReportEnding {
  readonly kind: 'ending';
  readonly id: string;
  readonly outcome: Outcome;
  readonly title: Texts;
}

export type ReportNode = ReportDecision | ReportEnding;

export interface ReportScenario {
  readonly id: string;
  readonly title: Texts;
  readonly start: string;
  /** The short version's first question: a second way in, besides `start`. */
  readonly alternative?: string;
  readonly nodes: Readonly<Record<string, ReportNode>>;
}

export interface ReportAudience {
  readonly id: string;
  readonly title: Texts;
  readonly scenarios: readonly string[];
}

export interface ReportCourse {
  readonly id: string;
  readonly version: number;
  readonly title: Texts;
  /** Source language first. */
  readonly languages: readonly string[];
  /** Percent, 0–100. */
  readonly passMark: number;
  readonly audiences: readonly ReportAudience[];
  readonly scenarios: Readonly<Record<string, ReportScenario>>;
}

/** A text in the language asked for, else the source language's. */
export const textIn = (texts: Texts, lng: string): string => texts[lng] ?? Object.values(texts)[0] ?? '';

/** Index of every decision as `<scenario>.<node>`, the interaction id the course reports. */
export function decisionIndex(course: ReportCourse): Map<string, { scenario: ReportScenario; node: ReportDecision }> {
  const index = new Map<string, { scenario: ReportScenario; node: ReportDecision }>();
  for (const scenario of Object.values(course.scenarios)) {
    for (const node of Object.values(scenario.nodes)) if (node.kind !== 'ending') index.set(`${scenario.id}.${node.id}`, { scenario, node });
  }
  return index;
}
