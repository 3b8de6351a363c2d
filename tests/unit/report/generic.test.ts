import { describe, expect, it } from 'vitest';
import type { ReportCourse, ReportDecision } from '../../../src/report/course-model.ts';
import { buildReport, importAll } from '../../../src/report/report.ts';
import { memorySource, theCourse } from './helpers.ts';

/** The best path through a scenario, as `<scenario>.<node>` and choice ids, and the ending it reaches. */
function bestPath(course: ReportCourse, id: string, from?: string): { decisions: [string, string][]; ending: string } {
  const scenario = course.scenarios[id]!;
  const decisions: [string, string][] = [];
  let at = from ?? scenario.start;
  while (scenario.nodes[at]?.kind !== 'ending') {
    const node = scenario.nodes[at] as ReportDecision;
    const best = node.choices.reduce((a, b) => (b.points > a.points ? b : a));
    decisions.push([`${id}.${node.id}`, best.id]);
    at = best.next;
  }
  return { decisions, ending: at };
}

describe('the generic format (another LMS)', () => {
  const course = theCourse();
  const staff = course.audiences.find((a) => a.id === 'staff')!.scenarios;
  // Six learners of one unit finish; each skips the first scenario and plays the rest on their best path.
  const people = Array.from({ length: 6 }, (_, i) => `p${i}`);
  const attempts = [
    'learner_id;name;unit;audience;package;attempt;started;last_accessed;status;score;time',
    ...people.map((p, i) => `${p};Person ${i};Enhet A;staff;staff-scorm12;1;2026-0${i < 3 ? 3 : 9}-02 10:00;2026-0${i < 3 ? 3 : 9}-02 10:30;${i === 5 ? 'failed' : 'passed'};${i === 5 ? 40 : 100};PT30M`),
    'p9;Person 9;Enhet A;staff;staff-scorm12;1;;;not_attempted;;',
  ].join('\n');
  const interactions = [
    'learner_id;package;attempt;interaction_id;response',
    ...people.flatMap((p) => staff.slice(1).flatMap((s) => bestPath(course, s).decisions.map(([id, choice]) => `${p};staff-scorm12;1;${id};${choice}`))),
  ].join('\n');
  const read = async (settings = {}) =>
    buildReport(await importAll([memorySource('attempts.csv', attempts), memorySource('decisions.csv', interactions)], course), course, { minGroup: 5, target: 0.9, ...settings }).data;

  it('counts participation, explicit pass and fail, skipped scenarios and the endings reached', async () => {
    const data = await read();
    expect(data.files.map((f) => f.kind)).toEqual(['generic-attempts', 'generic-interactions']);
    expect(data.total).toMatchObject({ learners: 7, notStarted: 1, completed: 6, passed: 5, failed: 1 });
    expect(data.units[0]?.results).toMatchObject({ assessed: 6, passed: 5, failed: 1, minutes: { median: 30 } });
    const first = data.scenarios.find((s) => s.scenario === staff[0]);
    expect(first).toMatchObject({ played: 0, skipped: 6 });
    const second = data.scenarios.find((s) => s.scenario === staff[1])!;
    expect(second.played).toBe(6);
    expect(second.endings?.find((e) => e.id === bestPath(course, staff[1]!).ending)?.count).toBe(6);
    const [id, choice] = bestPath(course, staff[1]!).decisions[0]!;
    expect(data.decisions.find((d) => `${d.scenario}.${d.node}` === id)?.choices?.find((c) => c.id === choice)?.share).toBe(1);
  });

  it('counts completions in the indicator table\'s period only, and hides passes under the threshold', async () => {
    const data = await read({ from: '2026-09', to: '2026-12' });
    expect(data.indicators.total).toMatchObject({ learners: 7, completed: 3, passed: null });
    const all = await read();
    expect(all.indicators.total).toMatchObject({ learners: 7, completed: 6, passed: 5 });
  });

  it('counts those who took a scenario\'s short version instead, as the scenario\'s players', async () => {
    const [first] = staff;
    const alternative = course.scenarios[first!]!.alternative!;
    const short = bestPath(course, first!, alternative);
    const shortRows = people.flatMap((p) => short.decisions.map(([id, choice]) => `${p};staff-scorm12;1;${id};${choice}`));
    const data = buildReport(
      await importAll([memorySource('attempts.csv', attempts), memorySource('decisions.csv', [interactions, ...shortRows].join('\n'))], course),
      course,
      { minGroup: 5, target: 0.9 },
    ).data;
    expect(data.scenarios.find((s) => s.scenario === first)).toMatchObject({ played: 6, short: 6, finished: 6 });
    expect(data.scenarios.find((s) => s.scenario === staff[1])).toMatchObject({ short: 0 });
    // Its questions are decisions like any other, with their shares.
    expect(data.decisions.find((d) => d.scenario === first && d.node === alternative)?.answered).toBe(6);
  });
});
