import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { wrapApi, type Violation } from '../../scorm/preview/conformance.ts';
import { createCourseMachine } from '../../src/engine/course-machine.ts';
import type { CourseEvent } from '../../src/engine/events.ts';
import { scorm12 } from '../../src/lms/dialect-12.ts';
import { scorm2004 } from '../../src/lms/dialect-2004.ts';
import { INTERACTION_LIMIT, type ScormVersion } from '../../src/lms/formats.ts';
import { ScormAdapter } from '../../src/lms/scorm-adapter.ts';
import { Tracker } from '../../src/lms/tracker.ts';
import { playScenario, twoScenarioCourse } from './fixture-specs.ts';

/** An LMS that keeps values and answers like a strict one, under the preview's conformance checker. */
function checkedLms(version: ScormVersion, preset: Record<string, string>) {
  const values = new Map(Object.entries(preset));
  let error = '0';
  const p = version === '1.2' ? 'LMS' : '';
  const api = {
    [`${p}Initialize`]: () => 'true',
    [version === '1.2' ? 'LMSFinish' : 'Terminate']: () => 'true',
    [`${p}Commit`]: () => 'true',
    [`${p}GetValue`]: (k = '') => ((error = values.has(k) ? '0' : version === '1.2' ? '0' : '403'), values.get(k) ?? ''),
    [`${p}SetValue`]: (k = '', v = '') => ((error = '0'), values.set(k, v), 'true'),
    [`${p}GetLastError`]: () => error,
    [`${p}GetErrorString`]: () => '',
    [`${p}GetDiagnostic`]: () => '',
  };
  const violations: Violation[] = [];
  return { api: wrapApi(api, version, (v) => violations.push(v)), values, violations };
}

const DIALECT = { '1.2': scorm12, '2004': scorm2004 } as const;
const LONG = `${'Ett mycket långt stycke text med radbrytningar.\n\n'.repeat(400)}😀`;

/** Plays `events` through the real tracker and adapter; texts as long as a trainer could write them. */
function play(version: ScormVersion, events: readonly CourseEvent[], preset: Record<string, string> = {}) {
  const lms = checkedLms(version, preset);
  const port = new ScormAdapter(lms.api, DIALECT[version]);
  port.initialize();
  const launch = port.launchData();
  const actor = createActor(createCourseMachine(twoScenarioCourse)).start();
  const tracker = new Tracker({ course: twoScenarioCourse, port, launch, describe: () => LONG, scenarioTitle: () => LONG, now: () => 0 });
  tracker.attach(actor);
  for (const e of events) actor.send(e);
  port.setExit(tracker.completed);
  port.commit();
  port.terminate();
  return lms;
}

const branchingRound: CourseEvent[] = [...playScenario('branching', ['argue', 'retry', 'calm', 'alarm']), { type: 'menu.opened' }];
/** A learner who replays the same scenario again and again: far more decisions than the LMS may hold. */
const looping: CourseEvent[] = [{ type: 'course.started' }, ...Array.from({ length: 80 }, () => branchingRound).flat()];
const failing: CourseEvent[] = [
  { type: 'course.started' },
  { type: 'scenario.selected', scenarioId: 'branching' },
  { type: 'choice.selected', choiceId: 'argue' }, { type: 'feedback.continued' },
  { type: 'choice.selected', choiceId: 'leave' }, { type: 'feedback.continued' },
  { type: 'ending.continued' },
  { type: 'scenario.selected', scenarioId: 'linear' },
  { type: 'choice.selected', choiceId: 'ok' }, { type: 'feedback.continued' },
  { type: 'ending.continued' },
];
const RESULT_KEYS = /^cmi\.(core\.lesson_status|core\.score\.|completion_status|success_status|score\.)/;
const resultOf = (values: Map<string, string>) => Object.fromEntries([...values].filter(([k]) => RESULT_KEYS.test(k)));

for (const version of ['1.2', '2004'] as const) {
  const mode = version === '1.2' ? 'cmi.core.lesson_mode' : 'cmi.mode';
  const credit = version === '1.2' ? 'cmi.core.credit' : 'cmi.credit';
  const passed: Record<string, string> = version === '1.2'
    ? { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '100' }
    : { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.raw': '100', 'cmi.score.scaled': '1' };

  describe(`SCORM ${version} record limits and modes`, () => {
    it(`a looping learner: at most ${INTERACTION_LIMIT} interactions, and every value within its limit and format`, () => {
      const { values, violations } = play(version, looping);
      const indexes = [...values.keys()].map((k) => /^cmi\.interactions\.(\d+)\.id$/.exec(k)?.[1]).filter((n) => n !== undefined).map(Number);
      expect(Math.max(...indexes)).toBe(INTERACTION_LIMIT - 1);
      expect(indexes).toHaveLength(INTERACTION_LIMIT);
      expect(violations.map((v) => v.message)).toEqual([]);
    });

    for (const [label, preset] of [['review', { [mode]: 'review' }], ['browse', { [mode]: 'browse' }], ['no-credit', { [credit]: 'no-credit' }]] as const) {
      it(`${label}: the recorded result does not change`, () => {
        const { values, violations } = play(version, failing, { ...passed, ...preset });
        expect(resultOf(values)).toEqual(passed);
        expect(violations.map((v) => v.message)).toEqual([]);
      });
    }

    it('a completed attempt is never downgraded, even when its progress is gone and the learner now fails', () => {
      const { values } = play(version, failing, passed);
      expect(resultOf(values)).toEqual(passed);
    });
  });
}
