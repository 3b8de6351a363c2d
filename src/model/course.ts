import type { ScenarioSpec } from './scenario.ts';
import type { ThemeSpec } from './theme.ts';

export type ReplayPolicy = 'first' | 'best' | 'latest';

/** One contact on the closing "what to do" card. Text is in the resources under `region:contacts.<id>`. */
export interface ContactSpec {
  readonly id: string;
  /** Phone number as dialled, if the profile has one. */
  readonly phone?: string;
  /** Intranet or web address, if the profile has one. */
  readonly url?: string;
  /** The function's or system's own name in the region, shown as written in every language. */
  readonly localName?: string;
  /** Offered under "Need support?" on every screen. */
  readonly support: boolean;
}

/**
 * A region profile's structure for one audience: the contacts and the steps of "what to do"
 * that apply to it. Names and descriptions are in the `region` namespace.
 */
export interface RegionSpec {
  readonly id: string;
  readonly contacts: readonly ContactSpec[];
  /** Indexes into `region:whatToDo`, in order. */
  readonly whatToDo: readonly number[];
  /** Colours and logo (a data URL: the package loads nothing from elsewhere), if the profile sets them. */
  readonly theme?: ThemeSpec;
}

/** How many items the start screen's introduction has; its texts are under `course:intro`. */
export interface IntroSpec {
  readonly facts: number;
  readonly steps: number;
}

/** Everything the player needs for one audience in one region, minus the text. */
export interface CourseSpec {
  readonly id: string;
  readonly version: number;
  readonly audience: string;
  /** Pass mark in percent (0–100) of the course score. */
  readonly passMark: number;
  /** Which finished attempt of a replayed scenario counts. */
  readonly replays: ReplayPolicy;
  /**
   * Ids of the scenarios offered besides the required core (listed after it in `scenarios`):
   * marked as optional, and outside completion and the score.
   */
  readonly optional?: readonly string[];
  /**
   * What a skipped scenario counts as: `alternative`, done only once its short version is (where
   * it has one); `counts` (or absent), done when skipped.
   */
  readonly skipping?: 'alternative' | 'counts';
  /** Absent when course.yaml has no introduction. */
  readonly intro?: IntroSpec;
  readonly region: RegionSpec;
  readonly scenarios: readonly ScenarioSpec[];
}

/** i18next resources: language → namespace → nested keys. */
export type Resources = Record<string, Record<string, unknown>>;

/** What the build hands to the player. */
export interface CourseBundle {
  readonly course: CourseSpec;
  readonly resources: Resources;
  /** Languages offered, source language first. */
  readonly languages: readonly string[];
}
