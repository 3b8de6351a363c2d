import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createCourseMachine } from '../../src/engine/course-machine.ts';
import type { CourseEvent } from '../../src/engine/events.ts';
import { decodeProgress } from '../../src/engine/progress-codec.ts';
import { replayProgress } from '../../src/engine/progress.ts';
import type { LaunchData, LmsPort } from '../../src/lms/port.ts';
import { Tracker } from '../../src/lms/tracker.ts';
import { playScenario, twoScenarioCourse } from './fixture-specs.ts';

type Call = [method: string, ...args: unknown[]];

/** An LMS port that records what the tracker asks of it. */
function recordingPort(): LmsPort & { calls: Call[]; suspendData: string } {
  const calls: Call[] = [];
  const port = {
    calls,
    suspendData: '',
    kind: 'local' as const,
    initialize: () => true,
    launchData: () => { throw new Error('not used'); },
    storedDecisions: () => [],
    recordDecision: (d: unknown) => (calls.push(['recordDecision', d]), true),
    setObjective: (o: unknown) => (calls.push(['setObjective', o]), true),
    setStatus: (s: unknown) => (calls.push(['setStatus', s]), true),
    setProgress: (text: string) => ((port.suspendData = text), calls.push(['setProgress', text]), true),
    setExit: () => true,
    setSessionTime: () => true,
    commit: () => (calls.push(['commit']), true),
    terminate: () => true,
  };
  return port;
}

const launch = (over: Partial<LaunchData> = {}): LaunchData => ({
  entry: 'ab-initio', mode: 'normal', credit: 'credit', language: '', suspendData: '', location: '', completed: false, recorded: null, ...over,
});

const run: CourseEvent[] = [
  { type: 'course.started' },
  ...playScenario('branching', ['calm', 'alarm']),
  ...playScenario('linear', ['ok'], { ending: false }),
];

function track(options: { launch?: LaunchData; before?: CourseEvent[]; port?: ReturnType<typeof recordingPort>; defer?: (write: () => void) => void } = {}) {
  const port = options.port ?? recordingPort();
  let clock = 1_000;
  const actor = createActor(createCourseMachine(twoScenarioCourse)).start();
  for (const e of options.before ?? []) actor.send(e);
  const tracker = new Tracker({
    course: twoScenarioCourse,
    port,
    launch: options.launch ?? launch(),
    describe: (s, n) => `${s}/${n}`,
    scenarioTitle: (s) => `title ${s}`,
    now: () => (clock += 500),
    ...(options.defer ? { defer: options.defer } : {}),
  });
  tracker.attach(actor);
  /** Time passing without a step, as while the learner reads. */
  const wait = (ms: number) => void (clock += ms);
  return { port, actor, tracker, wait };
}

const methods = (calls: Call[]) => calls.map((c) => c[0]);

describe('tracker', () => {
  it('reports a whole course: status, one interaction per decision, one objective per scenario, one commit per milestone', () => {
    const { port, actor, tracker } = track();
    for (const e of run) actor.send(e);
    const decisions = port.calls.filter((c) => c[0] === 'recordDecision').map((c) => c[1]);
    expect(decisions).toMatchObject([
      { id: 'branching.a', objectiveId: 'branching', response: 'calm', quality: 'good', correctResponse: 'calm', description: 'branching/a' },
      { id: 'branching.b', response: 'alarm', correctResponse: 'alarm' },
      { id: 'linear.only', objectiveId: 'linear', response: 'ok' },
    ]);
    expect((decisions[0] as { latencyMs: number }).latencyMs).toBeGreaterThan(0);
    const objectives = port.calls.filter((c) => c[0] === 'setObjective').map((c) => c[1]);
    expect(objectives).toEqual([
      { id: 'branching', description: 'title branching', completed: false, passed: null, score: null },
      { id: 'branching', description: 'title branching', completed: true, passed: true, score: 100 },
      { id: 'linear', description: 'title linear', completed: false, passed: null, score: null },
      { id: 'linear', description: 'title linear', completed: true, passed: true, score: 100 },
    ]);
    const statuses = port.calls.filter((c) => c[0] === 'setStatus').map((c) => c[1]);
    expect(statuses).toEqual([
      { completed: false, passed: null, score: null },
      { completed: true, passed: true, score: 100 },
    ]);
    // start, 3 decisions, 2 endings (the course completes with the second one)
    expect(methods(port.calls).filter((m) => m === 'commit')).toHaveLength(6);
    expect(tracker.completed).toBe(true);
  });

  it('does not report again what a resumed session replayed', () => {
    const first = track();
    for (const e of run.slice(0, 5)) first.actor.send(e);
    const saved = decodeProgress(first.port.suspendData);
    expect(saved.ok).toBe(true);

    const port = recordingPort();
    const actor = createActor(createCourseMachine(twoScenarioCourse)).start();
    replayProgress(actor, twoScenarioCourse, (saved as { progress: Parameters<typeof replayProgress>[2] }).progress);
    const tracker = new Tracker({
      course: twoScenarioCourse, port, launch: launch({ entry: 'resume', suspendData: first.port.suspendData }), describe: () => '', scenarioTitle: () => '', now: () => 0,
    });
    tracker.attach(actor);
    expect(methods(port.calls)).toEqual([]);
    actor.send({ type: 'feedback.continued' });
    actor.send({ type: 'ending.continued' });
    actor.send({ type: 'scenario.selected', scenarioId: 'linear' });
    actor.send({ type: 'choice.selected', choiceId: 'ok' });
    expect(port.calls.filter((c) => c[0] === 'recordDecision')).toHaveLength(1);
  });

  it.each([
    ['review', 'credit'],
    ['browse', 'credit'],
    ['normal', 'no-credit'],
  ] as const)('writes nothing in %s mode with %s, so the recorded result stays as it was', (mode, credit) => {
    const { port, actor } = track({ launch: launch({ mode, credit }) });
    for (const e of run) actor.send(e);
    expect(port.calls).toEqual([]);
  });

  it('reports a skipped scenario as completed, neither passed nor failed, without a score', () => {
    const { port, actor } = track();
    for (const e of [...run.slice(0, 7), { type: 'scenario.selected', scenarioId: 'linear' } as const, { type: 'scenario.skipped', scenarioId: 'linear' } as const]) actor.send(e);
    const objectives = port.calls.filter((c) => c[0] === 'setObjective').map((c) => c[1] as { id: string });
    expect(objectives.at(-1)).toEqual({ id: 'linear', description: 'title linear', completed: true, passed: null, score: null });
    // Played: branching, best walk (100 %); linear skipped, so it is outside the score.
    expect(port.calls.filter((c) => c[0] === 'setStatus').at(-1)?.[1]).toEqual({ completed: true, passed: true, score: 100 });
  });

  it('deferred, writes nothing inside a step, then each step in order with the time it happened', () => {
    const due: (() => void)[] = [];
    const { port, actor, tracker, wait } = track({ defer: (write) => due.push(write) });
    const atStart = port.calls.length;
    for (const e of run.slice(0, 3)) {
      actor.send(e);
      wait(10_000);
    }
    // The learner's click is over and nothing was written; one write is due for all three steps.
    expect(port.calls).toHaveLength(atStart);
    expect(due).toHaveLength(1);
    due.shift()?.();
    for (const e of run.slice(3)) {
      actor.send(e);
      wait(10_000);
      due.shift()?.();
    }
    // The same record as written at once: the times are the steps', not the writes'.
    const direct = track();
    for (const e of run) {
      direct.actor.send(e);
      direct.wait(10_000);
    }
    expect(port.calls).toEqual(direct.port.calls);
    expect(tracker.completed).toBe(true);
  });

  it('deferred, flush writes what is waiting at once (the session calls it before saving or leaving)', () => {
    const { port, actor, tracker } = track({ defer: () => undefined });
    for (const e of run.slice(0, 3)) actor.send(e);
    expect(port.calls.filter((c) => c[0] === 'recordDecision')).toHaveLength(0);
    tracker.flush();
    expect(port.calls.filter((c) => c[0] === 'recordDecision')).toHaveLength(1);
    expect(methods(port.calls).at(-1)).toBe('commit');
  });

  it('never downgrades an attempt the LMS already has as completed', () => {
    const { port } = track({ launch: launch({ completed: true }) });
    expect(methods(port.calls)).not.toContain('setStatus');
  });
});

describe('tracker with replays', () => {
  it('reports a replay\'s decisions as new interactions and updates the result, never taking back a pass', () => {
    const course = { ...twoScenarioCourse, replays: 'latest' as const };
    const port = recordingPort();
    const actor = createActor(createCourseMachine(course)).start();
    new Tracker({ course, port, launch: launch(), describe: () => '', scenarioTitle: () => '', now: () => 0 }).attach(actor);
    const events: CourseEvent[] = [...run, { type: 'ending.continued' }, { type: 'menu.opened' },
      { type: 'scenario.selected', scenarioId: 'branching' },
      { type: 'choice.selected', choiceId: 'argue' }, { type: 'feedback.continued' },
      { type: 'choice.selected', choiceId: 'leave' }, { type: 'feedback.continued' }];
    for (const e of events) actor.send(e);
    expect(port.calls.filter((c) => c[0] === 'recordDecision')).toHaveLength(5);
    const statuses = port.calls.filter((c) => c[0] === 'setStatus').map((c) => c[1]);
    // incomplete, then passed at 100 %; the failed replay (20 %) does not overwrite the pass
    expect(statuses).toEqual([{ completed: false, passed: null, score: null }, { completed: true, passed: true, score: 100 }]);
    const objectives = port.calls.filter((c) => c[0] === 'setObjective').map((c) => c[1] as { id: string; score: number | null });
    expect(objectives.filter((o) => o.id === 'branching').map((o) => o.score)).toEqual([null, 100, 0]);
  });
});
