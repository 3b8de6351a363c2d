import { describe, expect, it } from 'vitest';
import type { CourseContext, CourseEvent } from '../../src/engine/events.ts';
import { screenOf } from '../../src/engine/screen.ts';
import type { LaunchData, LmsPort, StoredDecision } from '../../src/lms/port.ts';
import type { CourseSpec } from '../../src/model/course.ts';
import { CourseRuntime, type CourseActor } from '../../src/runtime/course-runtime.ts';
import type { Notice } from '../../src/ui/player-input.ts';
import { playScenario, twoScenarioCourse } from './fixture-specs.ts';

/** The first screen's course: the list without any scenario's nodes. */
const frame: CourseSpec = {
  ...twoScenarioCourse,
  scenarios: twoScenarioCourse.scenarios.map((s) => ({ ...s, start: '', nodes: {} })),
};

interface FakeLms {
  readonly port: LmsPort;
  /** Every write and commit, as `name` or `name(value)`. */
  readonly calls: string[];
  /** What the LMS holds as suspend data. */
  suspendData: string;
}

/**
 * An LMS port as the runtime sees one: launch data as given, writes recorded, suspend data kept
 * unless `refuseProgress` says the LMS will not take it (too long, or rejected).
 */
function fakeLms(launch: Partial<LaunchData> = {}, options: { stored?: StoredDecision[]; refuseProgress?: (text: string) => boolean } = {}): FakeLms {
  const calls: string[] = [];
  const lms: FakeLms = {
    calls,
    suspendData: launch.suspendData ?? '',
    port: {
      kind: 'scorm2004',
      initialize: () => true,
      launchData: () => ({
        entry: 'ab-initio', mode: 'normal', credit: 'credit', language: '', suspendData: '', location: '', completed: false, recorded: null, ...launch,
      }),
      storedDecisions: () => options.stored ?? [],
      recordDecision: (d) => (calls.push(`decision(${d.id}=${d.response})`), true),
      setObjective: (o) => (calls.push(`objective(${o.id})`), true),
      setStatus: (s) => (calls.push(`status(${s.completed ? (s.passed ? 'passed' : 'failed') : 'incomplete'})`), true),
      setProgress: (text) => {
        if (options.refuseProgress?.(text)) return (calls.push('progress refused'), false);
        lms.suspendData = text;
        calls.push(`progress(${text})`);
        return true;
      },
      setExit: (finished) => (calls.push(`exit(${finished})`), true),
      setSessionTime: () => (calls.push('time'), true),
      commit: () => (calls.push('commit'), true),
      terminate: () => (calls.push('terminate'), true),
    },
  };
  return lms;
}

/** A runtime over a fake LMS, with what it showed and said recorded. */
function runtimeFor(lms: FakeLms, options: { loadWhole?: () => Promise<CourseSpec>; retries?: number[] } = {}) {
  const shown: { course: CourseSpec; actor: CourseActor }[] = [];
  const notices: (readonly Notice[])[] = [];
  const loaded: string[] = [];
  const runtime = new CourseRuntime({
    frame,
    port: lms.port,
    view: { show: (course, actor) => shown.push({ course, actor }), notices: (list) => notices.push(list) },
    loadWhole: options.loadWhole ?? (() => Promise.resolve(twoScenarioCourse)),
    loadScenario: (id) => (loaded.push(id), Promise.resolve()),
    askToRetry: () => (options.retries?.push(1), Promise.resolve()),
    describe: (s, n) => `${s}.${n}`,
    scenarioTitle: (s) => s,
    now: () => 0,
    newSeed: () => 'seed01',
  });
  const keys = () => (notices.at(-1) ?? []).map((n) => n.key);
  const send = (events: readonly CourseEvent[]) => events.forEach((e) => runtime.actor?.send(e));
  return { runtime, shown, keys, loaded, send };
}

const progressOf = (actor: CourseActor | null) => (actor?.getSnapshot().context as CourseContext).progress;

describe('the course runtime', () => {
  it('a first launch shows the frame at the start screen, says "incomplete" and fetches nothing it does not need', async () => {
    const lms = fakeLms();
    const { runtime, shown, loaded } = runtimeFor(lms);
    await runtime.start();
    expect(shown).toHaveLength(1);
    expect(shown[0]?.course).toBe(frame);
    expect(screenOf(runtime.actor!.getSnapshot()).screen).toBe('intro');
    expect(lms.calls).toEqual(['status(incomplete)', 'progress(4iseed01;)', 'commit']);
    expect(loaded).toEqual([]);
    expect(runtime.mode).toBe('play');
  });

  it('resumes saved progress inside a scenario, with its texts fetched first, and writes nothing it already holds', async () => {
    const first = fakeLms();
    const before = runtimeFor(first);
    await before.runtime.start();
    await before.runtime.prepare('branching');
    before.send([{ type: 'course.started' }, { type: 'scenario.selected', scenarioId: 'branching' }, { type: 'choice.selected', choiceId: 'calm' }, { type: 'feedback.continued' }]);

    const lms = fakeLms({ entry: 'resume', suspendData: first.suspendData });
    const { runtime, loaded } = runtimeFor(lms);
    await runtime.start();
    expect(screenOf(runtime.actor!.getSnapshot())).toMatchObject({ screen: 'situation', scenarioId: 'branching', nodeId: 'b' });
    expect(loaded).toEqual(['branching']);
    expect(runtime.course).toBe(twoScenarioCourse);
    expect(lms.calls).toEqual([]);
  });

  it('replaces the actor in one place: the whole course takes over where the frame is, and the old actor stops', async () => {
    const lms = fakeLms();
    const { runtime, shown } = runtimeFor(lms);
    await runtime.start();
    const frameActor = runtime.actor!;
    frameActor.send({ type: 'course.started' });
    expect(await runtime.prepare('linear')).toBe(true);
    expect(shown).toHaveLength(2);
    expect(shown[1]?.course).toBe(twoScenarioCourse);
    expect(frameActor.getSnapshot().status).toBe('stopped');
    expect(screenOf(runtime.actor!.getSnapshot()).screen).toBe('menu');
    // The tracker that took over says nothing the first one said.
    expect(lms.calls.filter((c) => c === 'status(incomplete)')).toHaveLength(1);
    runtime.actor!.send({ type: 'scenario.selected', scenarioId: 'linear' });
    runtime.actor!.send({ type: 'choice.selected', choiceId: 'ok' });
    expect(lms.calls).toContain('decision(linear.only=ok)');
  });

  it('rebuilds a finished attempt from the interactions the LMS kept when there is no suspend data, and reviews it', async () => {
    const stored = [
      { id: 'branching.a', response: 'argue' },
      { id: 'branching.c', response: 'leave' },
      { id: 'linear.only', response: 'ok' },
    ];
    const lms = fakeLms({ mode: 'review', credit: 'no-credit', entry: '', completed: true, recorded: { passed: false, score: 20 } }, { stored });
    const { runtime, loaded, keys } = runtimeFor(lms);
    await runtime.start();
    expect(runtime.mode).toBe('review');
    expect(runtime.nothingKept).toBe(false);
    expect(progressOf(runtime.actor).branching?.attempts[0]).toMatchObject({ decisions: [{ nodeId: 'a', choiceId: 'argue' }, { nodeId: 'c', choiceId: 'leave' }], endingId: 'end_poor' });
    expect(progressOf(runtime.actor).linear?.attempts[0]?.endingId).toBe('done');
    expect(loaded.sort()).toEqual(['branching', 'linear']);
    expect(keys()).toEqual(['notice.review']);
    runtime.exit();
    // A review records nothing: no exit of its own for an attempt that was not suspended.
    expect(lms.calls).toEqual(['terminate']);
  });

  it('says plainly that the LMS kept nothing when a review has neither suspend data nor interactions', async () => {
    const lms = fakeLms({ mode: 'review', credit: 'no-credit', entry: 'ab-initio' });
    const { runtime, keys } = runtimeFor(lms);
    await runtime.start();
    expect(runtime.nothingKept).toBe(true);
    expect(keys()).toEqual(['notice.review']);
    // A normal launch of an attempt the LMS calls finished, with nothing to show, says so too.
    const finished = runtimeFor(fakeLms({ completed: true, recorded: { passed: true, score: 90 } }));
    await finished.runtime.start();
    expect(finished.runtime.nothingKept).toBe(true);
    expect(finished.keys()).toContain('notice.nothingKept');
  });

  it('keeps the last progress the LMS accepted when it refuses newer, tells the learner, and takes the notice back once it is saved', async () => {
    let refuse = false;
    const lms = fakeLms({}, { refuseProgress: () => refuse });
    const { runtime, keys, send } = runtimeFor(lms);
    await runtime.start();
    await runtime.prepare('branching');
    send([{ type: 'course.started' }, { type: 'scenario.selected', scenarioId: 'branching' }]);
    const accepted = lms.suspendData;
    refuse = true;
    send([{ type: 'choice.selected', choiceId: 'calm' }]);
    expect(lms.suspendData).toBe(accepted);
    expect(keys()).toContain('notice.progressRefused');
    refuse = false;
    send([{ type: 'feedback.continued' }]);
    expect(lms.suspendData).not.toBe(accepted);
    expect(keys()).not.toContain('notice.progressRefused');
  });

  it('asks to try again until what a resumed course needs arrives, and a failed scenario fetch is a notice', async () => {
    let failures = 2;
    const retries: number[] = [];
    const loadWhole = () => (failures-- > 0 ? Promise.reject(new Error('offline')) : Promise.resolve(twoScenarioCourse));
    const lms = fakeLms({ entry: 'resume', suspendData: '3m~linear!;' });
    const { runtime } = runtimeFor(lms, { loadWhole, retries });
    await runtime.start();
    expect(retries).toHaveLength(2);
    expect(progressOf(runtime.actor).linear?.attempts[0]?.skipped).toBe(true);

    let online = false;
    const later = runtimeFor(fakeLms(), { loadWhole: () => (online ? Promise.resolve(twoScenarioCourse) : Promise.reject(new Error('offline'))) });
    await later.runtime.start();
    expect(await later.runtime.prepare('linear')).toBe(false);
    expect(later.keys()).toEqual(['notice.loadFailed']);
    online = true;
    expect(await later.runtime.prepare('linear')).toBe(true);
    expect(later.keys()).toEqual([]);
  });

  it('the dev tools jump: a fresh course sent the events, tracked and saved', async () => {
    const lms = fakeLms();
    const { runtime } = runtimeFor(lms, {});
    await runtime.start();
    await runtime.prepare('branching');
    lms.calls.length = 0;
    runtime.replaceActor(twoScenarioCourse, { events: [{ type: 'course.started' }, ...playScenario('branching', ['calm'], { ending: false })] });
    expect(screenOf(runtime.actor!.getSnapshot())).toMatchObject({ screen: 'situation', nodeId: 'b' });
    expect(lms.calls.at(-1)).toBe('commit');
  });

  it('a session that ends before the course has started still terminates, once', async () => {
    const lms = fakeLms({ entry: 'resume', suspendData: '3m;' });
    const { runtime } = runtimeFor(lms, { loadWhole: () => new Promise(() => undefined) });
    void runtime.start();
    runtime.exit();
    runtime.exit();
    expect(lms.calls).toEqual(['time', 'exit(false)', 'commit', 'terminate']);
  });
});
