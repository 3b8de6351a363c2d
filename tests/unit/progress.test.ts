import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { structureHash } from '../../src/model/analysis.ts';
import { createCourseMachine } from '../../src/engine/course-machine.ts';
import type { CourseEvent } from '../../src/engine/events.ts';
import { decodeProgress, encodeProgress, type SavedProgress } from '../../src/engine/progress-codec.ts';
import { progressOf, replayProgress } from '../../src/engine/progress.ts';
import { screenOf } from '../../src/engine/screen.ts';
import { branching, linear, playScenario, twoScenarioCourse } from './fixture-specs.ts';
import { courseResult } from '../../src/engine/scoring.ts';

const fresh = () => createActor(createCourseMachine(twoScenarioCourse)).start();

function play(events: CourseEvent[]) {
  const actor = fresh();
  for (const e of events) actor.send(e);
  return actor;
}

/** Every prefix of a full course run with a replay, so each resume point is covered. */
const fullRun: CourseEvent[] = [
  { type: 'course.started' },
  ...playScenario('branching', ['argue', 'retry', 'calm', 'alarm']),
  ...playScenario('linear', ['ok']),
  { type: 'menu.opened' },
  ...playScenario('branching', ['calm', 'alarm']),
  { type: 'menu.opened' },
];

/** What resuming must restore: the screen, and per scenario the attempt that counts and the one in play. */
function essentials(actor: ReturnType<typeof fresh>) {
  const snapshot = actor.getSnapshot();
  const result = courseResult(twoScenarioCourse, snapshot.context);
  const screen = screenOf(snapshot);
  const current = 'scenarioId' in screen ? snapshot.context.progress[screen.scenarioId]?.attempts.at(-1) : undefined;
  return { screen, result, current };
}

describe('progress codec', () => {
  it('round-trips and stays compact', () => {
    const progress: SavedProgress = {
      at: 'f',
      skipped: [],
      scenarios: [
        { id: 'branching', hash: 'k3f9a', choices: [1, 1, 0, 0] },
        { id: 'linear', hash: '00001', choices: [] },
      ],
    };
    const text = encodeProgress(progress);
    expect(text).toBe('4f~branching.k3f9a.1100~linear.00001.;');
    expect(decodeProgress(text)).toEqual({ ok: true, progress });
  });

  it('keeps the attempt\'s choice-order seed in the head, and reads version 3 logs without one', () => {
    const progress: SavedProgress = { at: 'd', seed: 'q7k2mz', skipped: [], scenarios: [{ id: 'linear', hash: '00001', choices: [] }] };
    expect(encodeProgress(progress)).toBe('4dq7k2mz~linear.00001.;');
    expect(decodeProgress('4dq7k2mz~linear.00001.;')).toEqual({ ok: true, progress });
    expect(decodeProgress('3d~linear.00001.;')).toEqual({ ok: true, progress: { at: 'd', skipped: [], scenarios: [{ id: 'linear', hash: '00001', choices: [] }] } });
    expect(decodeProgress('4dQ7~linear.00001.;')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('records skipped scenarios compactly, and still reads version 1 (which had no skips)', () => {
    const progress: SavedProgress = { at: 'm', skipped: ['linear'], scenarios: [{ id: 'branching', hash: 'k3f9a', choices: [0, 0] }] };
    const text = encodeProgress(progress);
    expect(text).toBe('4m~linear!~branching.k3f9a.00;');
    expect(decodeProgress(text)).toEqual({ ok: true, progress });
    expect(decodeProgress('1m~branching.k3f9a.00')).toEqual({ ok: true, progress: { ...progress, skipped: [] } });
    // A skip where none can be (version 1, after a segment) is not taken as one: a damaged segment, so that scenario starts over.
    const damaged = { id: 'linear', hash: '', choices: [] };
    expect(decodeProgress('1m~linear!')).toEqual({ ok: true, progress: { at: 'm', skipped: [], scenarios: [damaged] } });
    expect(decodeProgress('2m~branching.k3f9a.00~linear!')).toEqual({ ok: true, progress: { ...progress, skipped: [], scenarios: [...progress.scenarios, damaged] } });
  });

  it.each([
    ['', 'empty'],
    [undefined, 'empty'],
    ['5d~x.abc.0;', 'version'],
    ['1q', 'malformed'],
    ['1d~X.abc.0', 'malformed'],
    ['1d~x.abc.0~~', 'malformed'],
    ['{"lesson":3}', 'version'],
  ])('reports %j as %s without throwing', (text, reason) => {
    expect(decodeProgress(text)).toEqual({ ok: false, reason });
  });

  it.each(['1d~x.abc', '1d~x.abc.0-'])('keeps the damaged segment of %j as one no scenario matches, so only that scenario starts over', (text) => {
    expect(decodeProgress(text)).toEqual({ ok: true, progress: { at: 'd', skipped: [], scenarios: [{ id: 'x', hash: '', choices: [] }] } });
  });

  it('refuses to encode a choice index it cannot store', () => {
    expect(() => encodeProgress({ at: 'd', skipped: [], scenarios: [{ id: 'x', hash: 'a', choices: [36] }] })).toThrow(RangeError);
  });
});

describe('resume by replay', () => {
  it.each(fullRun.map((_, i) => i + 1))('restores the same screen, attempt and result after %i events', (n) => {
    const original = play(fullRun.slice(0, n));
    const saved = decodeProgress(encodeProgress(progressOf(twoScenarioCourse, original.getSnapshot())));
    expect(saved.ok).toBe(true);
    const resumed = fresh();
    const outcome = replayProgress(resumed, twoScenarioCourse, (saved as { progress: SavedProgress }).progress);
    expect(outcome.restarted).toEqual([]);
    expect(essentials(resumed)).toEqual(essentials(original));
  });

  const skipRun: CourseEvent[] = [
    { type: 'course.started' },
    { type: 'scenario.skipped', scenarioId: 'linear' },
    { type: 'scenario.selected', scenarioId: 'branching' },
    { type: 'choice.selected', choiceId: 'argue' },
    { type: 'scenario.skipped', scenarioId: 'branching' },
    { type: 'scenario.selected', scenarioId: 'linear' },
    { type: 'choice.selected', choiceId: 'ok' },
    { type: 'feedback.continued' },
    { type: 'ending.continued' },
  ];
  it.each(skipRun.map((_, i) => i + 1))('restores skips too after %i events of a run with skips', (n) => {
    const original = play(skipRun.slice(0, n));
    const saved = decodeProgress(encodeProgress(progressOf(twoScenarioCourse, original.getSnapshot())));
    const resumed = fresh();
    replayProgress(resumed, twoScenarioCourse, (saved as { progress: SavedProgress }).progress);
    expect(essentials(resumed)).toEqual(essentials(original));
  });

  it('keeps at most the counted and the current attempt of a scenario', () => {
    const replays = [...fullRun, ...fullRun.slice(16, 23), ...fullRun.slice(16, 20)];
    const progress = progressOf(twoScenarioCourse, play(replays).getSnapshot());
    expect(progress.scenarios.map((s) => s.id)).toEqual(['linear', 'branching', 'branching']);
  });

  it('restarts only the scenario whose structure changed', () => {
    const original = play(fullRun.slice(0, 15));
    const saved = progressOf(twoScenarioCourse, original.getSnapshot());
    const tampered = { ...saved, scenarios: saved.scenarios.map((s) => ({ ...s, hash: s.id === 'branching' ? 'zzzzz' : s.hash })) };
    const resumed = fresh();
    expect(replayProgress(resumed, twoScenarioCourse, tampered).restarted).toEqual(['branching']);
    expect(resumed.getSnapshot().context.progress.branching).toBeUndefined();
    expect(resumed.getSnapshot().context.progress.linear?.attempts[0]?.endingId).toBe('done');
  });

  it('restarts a scenario whose log walks off its graph, without half-replaying it', () => {
    const resumed = fresh();
    const outcome = replayProgress(resumed, twoScenarioCourse, {
      at: 'd',
      skipped: [],
      scenarios: [{ id: 'branching', hash: structureHash(branching), choices: [0, 0, 1] }],
    });
    expect(outcome.restarted).toEqual(['branching']);
    expect(resumed.getSnapshot().context.progress.branching).toBeUndefined();
    expect(screenOf(resumed.getSnapshot())).toEqual({ screen: 'menu' });
  });

  it('drops an unfinished attempt that is not the last, and scenarios the course no longer has', () => {
    const resumed = fresh();
    const outcome = replayProgress(resumed, twoScenarioCourse, {
      at: 'm',
      skipped: [],
      scenarios: [
        { id: 'gone', hash: 'abcde', choices: [0] },
        { id: 'branching', hash: structureHash(branching), choices: [0] },
        { id: 'linear', hash: structureHash(linear), choices: [0] },
      ],
    });
    expect(outcome.restarted).toEqual(['gone', 'branching']);
    expect(resumed.getSnapshot().context.progress.linear?.attempts[0]?.endingId).toBe('done');
    expect(screenOf(resumed.getSnapshot())).toEqual({ screen: 'menu' });
  });
});
