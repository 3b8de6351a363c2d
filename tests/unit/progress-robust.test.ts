import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createCourseMachine } from '../../src/engine/course-machine.ts';
import { CODEC_VERSION, decodeProgress, encodeProgress, type SavedAt, type SavedProgress } from '../../src/engine/progress-codec.ts';
import { progressOf, replayProgress } from '../../src/engine/progress.ts';
import { screenOf } from '../../src/engine/screen.ts';
import { structureHash } from '../../src/model/analysis.ts';
import { twoScenarioCourse } from './fixture-specs.ts';

const AT: readonly SavedAt[] = ['i', 'm', 'd', 'f', 'e', 'z'];
const scenarioId = fc.stringMatching(/^[a-z0-9_]{1,40}$/);
const validProgress: fc.Arbitrary<SavedProgress> = fc.record({
  at: fc.constantFrom(...AT),
  skipped: fc.array(scenarioId, { maxLength: 4 }),
  scenarios: fc.array(
    fc.record({
      id: scenarioId,
      hash: fc.stringMatching(/^[a-z0-9]{1,8}$/),
      choices: fc.array(fc.integer({ min: 0, max: 35 }), { maxLength: 60 }),
    }),
    { maxLength: 12 },
  ),
});

/** Resumes the fixture course from suspend data the way the player does: decode, then replay if readable. */
function resume(text: string) {
  const actor = createActor(createCourseMachine(twoScenarioCourse)).start();
  const saved = decodeProgress(text);
  const restarted = saved.ok ? replayProgress(actor, twoScenarioCourse, saved.progress).restarted : [];
  return { saved, restarted, screen: screenOf(actor.getSnapshot()).screen, actor };
}

const hashOf = (id: string) => structureHash(twoScenarioCourse.scenarios.find((s) => s.id === id)!);
const finishedLinear = `${CODEC_VERSION}m~linear.${hashOf('linear')}.0`;

describe('progress codec, property-based', () => {
  it('decode(encode(x)) = x for any valid progress', () => {
    fc.assert(fc.property(validProgress, (p) => {
      expect(decodeProgress(encodeProgress(p))).toEqual({ ok: true, progress: p });
    }), { numRuns: 500 });
  });

  it('decoding any string never throws, and what it reads resumes the course without throwing', () => {
    const near = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: fc.constantFrom(...'1dfmz~._abc0123xyz'.split('')), maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 100 }),
      validProgress.map(encodeProgress).map((s) => s.slice(0, Math.floor(s.length / 2))),
    );
    fc.assert(fc.property(near, (text) => { resume(text); }), { numRuns: 1000 });
  });

  it('any progress naming the course\'s own scenarios, with the right hashes and random choices, replays without throwing', () => {
    const ids = twoScenarioCourse.scenarios.map((s) => s.id);
    const own = fc.record({
      at: fc.constantFrom(...AT),
      skipped: fc.subarray(ids),
      scenarios: fc.array(fc.constantFrom(...ids).chain((id) => fc.record({ id: fc.constant(id), hash: fc.constant(hashOf(id)), choices: fc.array(fc.integer({ min: 0, max: 35 }), { maxLength: 8 }) })), { maxLength: 5 }),
    });
    fc.assert(fc.property(own, (p) => { resume(encodeProgress(p)); }), { numRuns: 500 });
  });
});

describe('corrupt suspend data', () => {
  it('truncated inside a segment: the damaged scenario starts over, the rest resumes', () => {
    const full = `${finishedLinear}~branching.${hashOf('branching')}.00;`;
    const hashAt = full.indexOf('~branching.') + '~branching.'.length;
    for (const cut of [hashAt - 1, hashAt, hashAt + 2]) {
      const { restarted, saved } = resume(full.slice(0, cut));
      expect(saved.ok).toBe(true);
      expect(restarted, full.slice(0, cut)).toEqual(['branching']);
    }
  });

  it('cut anywhere, it never reads as a shorter log of the same attempt: the last scenario starts over instead of asking again for a decision already recorded', () => {
    fc.assert(
      fc.property(validProgress, fc.nat(), (p, n) => {
        const full = encodeProgress(p);
        const cut = decodeProgress(full.slice(0, n % full.length));
        if (!cut.ok) return;
        cut.progress.scenarios.forEach((s, i) => {
          // Each scenario read back is either whole, or marked damaged so that it starts over.
          if (s.hash !== '') expect(s).toEqual(p.scenarios[i]);
        });
      }),
      { numRuns: 1000 },
    );
    // The case that was wrong before the end mark: cut between two choice digits.
    const whole = `${finishedLinear}~branching.${hashOf('branching')}.00;`;
    expect(resume(whole).restarted).toEqual([]);
    expect(resume(whole.slice(0, -2)).restarted).toEqual(['branching']);
    // Cut just after a separator: the segment before it is whole and kept; the log says it was cut.
    expect(decodeProgress(whole)).not.toHaveProperty('truncated');
    const atSeparator = decodeProgress(`${finishedLinear}~`);
    expect(atSeparator).toMatchObject({ ok: true, truncated: true, progress: { scenarios: [{ id: 'linear', hash: hashOf('linear'), choices: [0] }] } });
    expect(resume(`${finishedLinear}~`).restarted).toEqual([]);
  });

  it('foreign data (another course\'s JSON, a cmi5 state, HTML) is reported unreadable and the course starts afresh', () => {
    for (const text of ['{"progress":[1,2,3]}', 'a:2:{i:0;s:1:"x";}', '<script>alert(1)</script>', 'null']) {
      const { saved, screen } = resume(text);
      expect(saved.ok).toBe(false);
      expect(screen).toBe('intro');
    }
  });

  it('logs of the older codec versions migrate; an unknown version is not misread', () => {
    expect(decodeProgress(`1m~linear.${hashOf('linear')}.0`)).toEqual({
      ok: true,
      progress: { at: 'm', skipped: [], scenarios: [{ id: 'linear', hash: hashOf('linear'), choices: [0] }] },
    });
    expect(resume(`1m~linear.${hashOf('linear')}.0`).restarted).toEqual([]);
    // Version 2 had no end mark: its last segment is trusted as it is.
    expect(resume(`2m~linear.${hashOf('linear')}.0`).restarted).toEqual([]);
    expect(decodeProgress('0m~linear.abc.0')).toEqual({ ok: false, reason: 'version' });
    expect(decodeProgress('9m~linear.abc.0')).toEqual({ ok: false, reason: 'version' });
  });

  it('tampered: a wrong structure hash, a choice index the node does not have, an unknown scenario start that scenario over', () => {
    expect(resume(`${CODEC_VERSION}m~linear.zzzz.0;`).restarted).toEqual(['linear']);
    expect(resume(`${CODEC_VERSION}m~linear.${hashOf('linear')}.z;`).restarted).toEqual(['linear']);
    expect(resume(`${finishedLinear}~nope.abc.0;`).restarted).toEqual(['nope']);
  });

  it('oversized (a megabyte of segments) is read without throwing, and only the course\'s scenarios count', () => {
    const huge = `${finishedLinear}${`~linear.${hashOf('linear')}.${'0'.repeat(50)}`.repeat(16_000)};`;
    expect(huge.length).toBeGreaterThan(1_000_000);
    const { restarted, actor } = resume(huge);
    expect(restarted).toEqual(['linear']);
    // What is written back is the course's own compact log, not the oversized one.
    expect(encodeProgress(progressOf(twoScenarioCourse, actor.getSnapshot())).length).toBeLessThan(100);
  });
});
