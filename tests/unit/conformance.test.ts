import { describe, expect, it } from 'vitest';
import { Scorm12API, Scorm2004API } from '../../scorm/preview/scorm-again.ts';
import { API_METHODS, wrapApi, type CheckedApi, type ScormVersion, type Violation } from '../../scorm/preview/conformance.ts';
import { isDuration2004, isTimespan12, isTimestamp2004 } from '../../scorm/preview/conformance-values.ts';
import { LEARNERS, type LaunchOptions } from '../../scorm/preview/launch-options.ts';
import type { PackageInfo } from '../../scorm/preview/package-info.ts';
import { buildPreload, flattenStrings, type StoredAttempt } from '../../scorm/preview/stored-attempt.ts';

interface FakeOptions {
  /** Error code a SetValue answers with ("0" = accepted). */
  setError?: (element: string, value: string) => string;
  /** Error code a GetValue answers with. */
  getError?: (element: string) => string;
}

/** A lenient LMS like scorm-again's 1.2 mode: accepts every call, in any order, unless told otherwise. */
function fakeApi(version: ScormVersion, options: FakeOptions = {}): object {
  const n = API_METHODS[version];
  let error = '0';
  const answer = (code: string): string => ((error = code), code === '0' ? 'true' : 'false');
  return {
    [n.initialize]: () => answer('0'),
    [n.terminate]: () => answer('0'),
    [n.commit]: () => answer('0'),
    [n.get]: (element: string) => ((error = options.getError?.(element) ?? '0'), ''),
    [n.set]: (element: string, value: string) => answer(options.setError?.(element, value) ?? '0'),
    [n.lastError]: () => error,
    [n.errorString]: () => '',
    [n.diagnostic]: () => '',
  };
}

/** Runs calls through a wrapped fake and returns every violation, including the end-of-session ones. */
function run(version: ScormVersion, steps: (n: (typeof API_METHODS)[ScormVersion]) => [string, ...string[]][], options?: FakeOptions): Violation[] {
  const n = API_METHODS[version];
  const api = wrapApi(fakeApi(version, options), version);
  for (const [method, ...args] of steps(n)) (api[method] as (...a: string[]) => string)(...args);
  api.finish();
  return api.violations;
}

const rules = (violations: Violation[], severity?: Violation['severity']): string[] =>
  violations.filter((v) => !severity || v.severity === severity).map((v) => v.rule);

const EL = {
  '1.2': { status: ['cmi.core.lesson_status', 'incomplete'], exit: 'cmi.core.exit', time: 'cmi.core.session_time', goodTime: '00:01:02.50', response: 'student_response', wrongResult: 'incorrect' },
  '2004': { status: ['cmi.completion_status', 'incomplete'], exit: 'cmi.exit', time: 'cmi.session_time', goodTime: 'PT1M2.5S', response: 'learner_response', wrongResult: 'wrong' },
} as const;

/** A SCO doing everything right: the silent baseline each bad sequence departs from. */
function session(version: ScormVersion, middle: [string, ...string[]][] = [], end = true): (n: (typeof API_METHODS)[ScormVersion]) => [string, ...string[]][] {
  const e = EL[version];
  return (n) => [
    [n.initialize, ''],
    [n.get, version === '1.2' ? 'cmi.core.entry' : 'cmi.entry'],
    [n.set, ...e.status],
    [n.set, 'cmi.suspend_data', 'v1;a.b'],
    ...middle.map(([m, ...args]) => [(n as Record<string, string>)[m] ?? m, ...args] as [string, ...string[]]),
    [n.set, e.exit, 'suspend'],
    [n.set, e.time, e.goodTime],
    [n.commit, ''],
    ...(end ? [[n.terminate, ''] as [string, string]] : []),
  ];
}

for (const version of ['1.2', '2004'] as const) {
  const e = EL[version];
  describe(`conformance checker, SCORM ${version}`, () => {
    it('stays silent on a well-behaved session with interactions and objectives', () => {
      const i = 'cmi.interactions.0';
      const found = run(version, session(version, [
        ['set', `${i}.id`, 'scenario_a.n1'],
        ['set', `${i}.type`, 'choice'],
        ['set', `${i}.${e.response}`, 'call_security'],
        ['set', `${i}.result`, 'correct'],
        ['set', `${i}.result`, '0.5'],
        ['set', 'cmi.objectives.0.id', 'scenario_a'],
        ['get', 'cmi.interactions._count'],
      ]));
      expect(found).toEqual([]);
    });

    it('fails any call before Initialize', () => {
      const found = run(version, (n) => [[n.set, ...e.status], ...session(version)(n)]);
      expect(rules(found)).toEqual(['before-initialize']);
      expect(found[0]!.call?.method).toBe(API_METHODS[version].set);
    });

    it('lets GetLastError through before Initialize', () => {
      expect(run(version, (n) => [[n.lastError], ...session(version)(n)])).toEqual([]);
    });

    it('fails GetValue, SetValue and Commit after Terminate even when the LMS says "true"', () => {
      const found = run(version, (n) => [...session(version)(n), [n.get, 'cmi.suspend_data'], [n.set, ...e.status], [n.commit, '']]);
      expect(rules(found)).toEqual(['after-terminate', 'after-terminate', 'after-terminate']);
    });

    it('warns on a second Initialize', () => {
      const found = run(version, (n) => [[n.initialize, ''], ...session(version)(n)]);
      expect(rules(found, 'warning')).toEqual(['initialize-twice']);
      expect(rules(found, 'error')).toEqual([]);
    });

    it('fails Initialize after Terminate', () => {
      expect(rules(run(version, (n) => [...session(version)(n), [n.initialize, '']]))).toEqual(['initialize-after-terminate']);
    });

    it('warns on a second Terminate', () => {
      expect(rules(run(version, (n) => [...session(version)(n), [n.terminate, '']]))).toEqual(['terminate-twice']);
    });

    for (const role of ['initialize', 'commit', 'terminate'] as const) {
      it(`fails a non-empty argument to ${API_METHODS[version][role]}`, () => {
        const found = run(version, (n) => session(version)(n).map(([m, ...args]) => (m === n[role] ? [m, 'now'] : [m, ...args])));
        expect(rules(found)).toEqual(['non-empty-argument']);
      });
    }

    it('fails a SetValue the LMS rejects', () => {
      const found = run(version, session(version, [['set', 'cmi.nonsense', 'x']]), { setError: (el) => (el === 'cmi.nonsense' ? '401' : '0') });
      expect(rules(found)).toEqual(['set-failed']);
      expect(found[0]!.message).toMatch(/401/);
    });

    it('fails a GetValue of an undefined element', () => {
      const found = run(version, session(version, [['get', 'cmi.nonsense']]), { getError: (el) => (el === 'cmi.nonsense' ? '401' : '0') });
      expect(rules(found)).toEqual(['get-error']);
    });

    it('fails a session that never terminates, and one that never initializes', () => {
      expect(rules(run(version, session(version, [], false)))).toEqual(['terminate-missing']);
      expect(rules(run(version, () => []))).toEqual(['initialize-missing']);
    });

    it('warns on exit "logout" without failing', () => {
      const found = run(version, session(version, [['set', e.exit, 'logout']]));
      expect(rules(found, 'warning')).toEqual(['exit-logout']);
      expect(rules(found, 'error')).toEqual([]);
    });

    it('fails a malformed session time', () => {
      const bad = version === '1.2' ? '00:61:00' : 'P1W';
      expect(rules(run(version, session(version, [['set', e.time, bad]])))).toEqual(['malformed-value']);
    });

    it("fails the other version's result vocabulary and accepts a decimal", () => {
      const i = 'cmi.interactions.0';
      const found = run(version, session(version, [['set', `${i}.id`, 'q1'], ['set', `${i}.result`, e.wrongResult], ['set', `${i}.result`, '-1.5']]));
      expect(found.map((v) => [v.rule, v.call?.args[1]])).toEqual([['malformed-value', e.wrongResult]]);
    });

    it('fails ids with spaces or dashes', () => {
      const found = run(version, session(version, [['set', 'cmi.interactions.0.id', 'scenario a'], ['set', 'cmi.objectives.0.id', 'scenario-a']]));
      expect(rules(found)).toEqual(['malformed-value', 'malformed-value']);
    });

    it('fails a choice response token with a dash, but not a fill-in with one', () => {
      const i = 'cmi.interactions';
      const found = run(version, session(version, [
        ['set', `${i}.0.id`, 'q1'], ['set', `${i}.0.type`, 'choice'], ['set', `${i}.0.${e.response}`, 'call-security'],
        ['set', `${i}.1.id`, 'q2'], ['set', `${i}.1.type`, 'fill-in'], ['set', `${i}.1.${e.response}`, 'free-text'],
      ]));
      expect(found.map((v) => v.call?.args[0])).toEqual([`${i}.0.${e.response}`]);
    });

    it('fails a score set before a final status was committed, and accepts it in a later commit', () => {
      const raw = version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw';
      const final = version === '1.2' ? ['cmi.core.lesson_status', 'passed'] : ['cmi.success_status', 'passed'];
      const together = run(version, session(version, [['set', final[0]!, final[1]!], ['set', raw, '85'], ['commit', '']]));
      expect(rules(together)).toEqual(['score-before-status']);
      const apart = run(version, session(version, [['set', final[0]!, final[1]!], ['commit', ''], ['set', raw, '85'], ['commit', '']]));
      expect(apart).toEqual([]);
    });

    it('reports each violation to onViolation and each call to onCall, with its error code', () => {
      const heard: Violation[] = [];
      const seen: string[] = [];
      const n = API_METHODS[version];
      const api = wrapApi(fakeApi(version, { getError: () => '401' }), version, (v) => heard.push(v), {
        onCall: (call) => seen.push(`${call.method}:${call.result}:${call.error}`),
      });
      (api[n.get] as (el: string) => string)('cmi.x');
      expect(heard.map((v) => v.rule)).toEqual(['before-initialize']);
      expect(seen).toEqual([`${n.get}::401`]);
      expect(api.calls[0]).toMatchObject({ seq: 1, method: n.get, args: ['cmi.x'], error: '401' });
    });
  });
}

describe('SCORM 1.2 only', () => {
  const at = (steps: [string, ...string[]][]) => run('1.2', session('1.2', steps));

  it('fails lesson_status "not attempted"', () => {
    expect(rules(at([['set', 'cmi.core.lesson_status', 'not attempted']]))).toEqual(['lesson-status-not-attempted']);
  });

  it('fails suspend_data over 4,096 characters and accepts exactly 4,096', () => {
    expect(rules(at([['set', 'cmi.suspend_data', 'x'.repeat(4097)]]))).toEqual(['suspend-data-too-long']);
    expect(at([['set', 'cmi.suspend_data', 'x'.repeat(4096)]])).toEqual([]);
  });

  it('fails scores out of 0–100 or with more than 2 decimals', () => {
    const found = at([
      ['set', 'cmi.core.lesson_status', 'passed'], ['commit', ''],
      ['set', 'cmi.core.score.raw', '101'], ['set', 'cmi.core.score.raw', '50.123'], ['set', 'cmi.core.score.raw', '-1'],
      ['set', 'cmi.core.score.raw', '99.99'], ['set', 'cmi.core.score.raw', '100'], ['set', 'cmi.objectives.0.score.raw', 'abc'],
    ]);
    expect(found.map((v) => v.call?.args[1])).toEqual(['101', '50.123', '-1', 'abc']);
  });

  it('fails a GetValue of a write-only element (404), which 1.2 LMSs answer with an error', () => {
    expect(rules(at([['get', 'cmi.core.exit']]), 'error')).toEqual([]);
    const found = run('1.2', session('1.2', [['get', 'cmi.core.exit']]), { getError: (el) => (el === 'cmi.core.exit' ? '404' : '0') });
    expect(found.map((v) => v.message)).toEqual([expect.stringMatching(/404 \(element is write only\)/)]);
  });

  it('checks interaction time as HH:MM:SS(.SS) and exit "normal" as not 1.2', () => {
    const i = 'cmi.interactions.0';
    const found = at([['set', `${i}.id`, 'q1'], ['set', `${i}.time`, '12:00:00'], ['set', `${i}.time`, '24:00:00'], ['set', `${i}.time`, '2024-01-01T12:00:00'], ['set', 'cmi.core.exit', 'normal']]);
    expect(found.map((v) => v.call?.args[1])).toEqual(['24:00:00', '2024-01-01T12:00:00', 'normal']);
  });

  it('times: 2–4 hour digits, minutes and seconds below 60, at most 2 fraction digits', () => {
    expect(['00:00:00', '0000:59:59.99', '9999:00:00.5'].every(isTimespan12)).toBe(true);
    expect(['0:00:00', '00000:00:00', '00:60:00', '00:00:60', '00:00:00.123', 'PT1S'].some(isTimespan12)).toBe(false);
  });
});

describe('SCORM 2004 only', () => {
  const at = (steps: [string, ...string[]][], options?: FakeOptions) => run('2004', session('2004', steps), options);

  it('accepts GetValue error 403 (value not initialized)', () => {
    expect(at([['get', 'cmi.location']], { getError: () => '403' })).toEqual([]);
  });

  it('fails a GetValue of a write-only element (405)', () => {
    expect(rules(at([['get', 'cmi.exit']], { getError: (el) => (el === 'cmi.exit' ? '405' : '0') }))).toEqual(['get-error']);
  });

  it('timestamps: zone only after a fraction, at most 2 fraction digits, years up to 2038', () => {
    expect(['2024-05-01T12:00:00', '2024-05-01T12:00:00.1', '2024-05-01T12:00:00.12Z', '2038-01-19T03:14:07.00+01:00'].every(isTimestamp2004)).toBe(true);
    expect(['2024-05-01T12:00:00Z', '2024-05-01T12:00:00.123Z', '2039-01-01T00:00:00', '2024-02-30T12:00:00', '2024-05-01 12:00:00', '2024-05-01T24:00:00']
      .some(isTimestamp2004)).toBe(false);
    expect(rules(at([['set', 'cmi.interactions.0.id', 'q1'], ['set', 'cmi.interactions.0.timestamp', new Date(0).toISOString()]]))).toEqual(['malformed-value']);
  });

  it('durations: no weeks, fractions only on seconds and at most 2 digits', () => {
    expect(['PT0S', 'PT1H2M3.45S', 'P1DT2H', 'PT10M'].every(isDuration2004)).toBe(true);
    expect(['P1W', 'PT1.5H', 'PT1.5M', 'PT1.123S', 'PT', 'P', 'P1DT', '1S', 'PT-1S'].some(isDuration2004)).toBe(false);
  });

  it('fails a scaled score outside −1..1 and accepts the ends', () => {
    const found = at([['set', 'cmi.score.scaled', '1.5'], ['set', 'cmi.score.scaled', '-1'], ['set', 'cmi.score.scaled', '1'], ['set', 'cmi.objectives.0.id', 'o1'], ['set', 'cmi.objectives.0.score.scaled', '-2']]);
    expect(found.map((v) => v.call?.args[1])).toEqual(['1.5', '-2']);
  });

  it('fails status values outside their vocabularies and suspend_data over 64,000', () => {
    const found = at([['set', 'cmi.completion_status', 'passed'], ['set', 'cmi.success_status', 'completed'], ['set', 'cmi.suspend_data', 'x'.repeat(64001)]]);
    expect(rules(found)).toEqual(['malformed-value', 'malformed-value', 'suspend-data-too-long']);
  });

  it('fails a description over 250 characters or with a line break', () => {
    const i = 'cmi.interactions.0';
    const found = at([['set', `${i}.id`, 'q1'], ['set', `${i}.description`, 'x'.repeat(251)], ['set', `${i}.description`, 'one\n\ntwo'], ['set', `${i}.description`, 'Lördag kväll, klockan 22.40.']]);
    expect(found.map((v) => v.call?.args[1]?.length)).toEqual([251, 8]);
  });

  it('reads choice responses as [,]-separated tokens', () => {
    const i = 'cmi.interactions.0';
    const base: [string, ...string[]][] = [['set', `${i}.id`, 'q1'], ['set', `${i}.type`, 'choice']];
    expect(at([...base, ['set', `${i}.learner_response`, 'a[,]b_c']])).toEqual([]);
    expect(rules(at([...base, ['set', `${i}.learner_response`, 'a,b c']]))).toEqual(['malformed-value']);
  });
});

describe('against the real scorm-again', () => {
  it('1.2: a good session is silent; LMSFinish twice and calls after it are caught although 1.2 lets them through', () => {
    const lms = new Scorm12API({ autocommit: false, logLevel: 5, mastery_override: false });
    const api = wrapApi(lms, '1.2') as unknown as Record<string, (...a: string[]) => string> & CheckedApi;
    api.LMSInitialize!('');
    expect(api.LMSGetValue!('cmi.core.lesson_location')).toBe('');
    api.LMSSetValue!('cmi.core.lesson_status', 'incomplete');
    api.LMSSetValue!('cmi.interactions.0.id', 'q1');
    api.LMSSetValue!('cmi.interactions.0.type', 'choice');
    api.LMSSetValue!('cmi.interactions.0.student_response', 'a1');
    api.LMSSetValue!('cmi.core.session_time', '00:00:05');
    api.LMSCommit!('');
    api.LMSFinish!('');
    expect(api.violations).toEqual([]);
    expect(api.LMSGetValue!('cmi.core.lesson_status')).toBe('incomplete'); // scorm-again: still answers after LMSFinish
    api.LMSSetValue!('cmi.suspend_data', 'x'.repeat(5000));
    expect(rules(api.violations)).toEqual(['after-terminate', 'after-terminate', 'suspend-data-too-long']);
  });

  it('2004: a good session is silent and a rejected value is a set-failed', () => {
    const lms = new Scorm2004API({ autocommit: false, logLevel: 5, mastery_override: false });
    const api = wrapApi(lms, '2004') as unknown as Record<string, (...a: string[]) => string> & CheckedApi;
    api.Initialize!('');
    api.GetValue!('cmi.location'); // 403: not set yet, allowed
    api.SetValue!('cmi.completion_status', 'incomplete');
    api.SetValue!('cmi.exit', 'suspend');
    api.SetValue!('cmi.session_time', 'PT5S');
    api.Commit!('');
    api.Terminate!('');
    api.finish();
    expect(api.violations).toEqual([]);

    const again = wrapApi(new Scorm2004API({ autocommit: false, logLevel: 5, mastery_override: false }), '2004');
    (again.Initialize as (p: string) => string)('');
    (again.SetValue as (e: string, v: string) => string)('cmi.learner_id', 'me');
    expect(again.violations.map((v) => [v.rule, v.call?.error])).toEqual([['set-failed', '404']]);
  });
});

describe('preview LMS: a stored attempt survives into the next session', () => {
  const settings = { autocommit: false, logLevel: 5, mastery_override: false } as const;
  const learner = LEARNERS[1]!;
  const options = (pkg: string): LaunchOptions => ({ pkg, learner: learner.id, lang: 'en', mode: 'normal', credit: 'credit' });
  const info = (version: ScormVersion): PackageInfo => ({
    name: 'p', version, launch: 'index.html', title: 'p', completionThreshold: null,
    masteryScore: version === '1.2' ? '80' : null, scaledPassingScore: version === '2004' ? '0.8' : null,
  });
  const stored = (version: ScormVersion, rendered: unknown): StoredAttempt =>
    ({ format: 1, version, savedAt: '', trigger: 'terminate', cmi: flattenStrings(rendered) });

  it('1.2: suspend_data, location, status, interactions, objectives and total time come back with entry=resume', () => {
    const first = new Scorm12API({ ...settings });
    first.loadFromFlattenedJSON(buildPreload(info('1.2'), options('p'), learner, null).cmi);
    const s = (el: string, v: string) => expect(first.LMSSetValue(el, v)).toBe('true');
    expect(first.LMSInitialize('')).toBe('true');
    expect(first.LMSGetValue('cmi.core.entry')).toBe('ab-initio');
    expect(first.LMSGetValue('cmi.student_data.mastery_score')).toBe('80');
    s('cmi.core.lesson_status', 'incomplete'); s('cmi.core.lesson_location', 'n2'); s('cmi.suspend_data', 'v1;a');
    s('cmi.interactions.0.id', 's.n1'); s('cmi.interactions.0.type', 'choice'); s('cmi.interactions.0.student_response', 'c1'); s('cmi.interactions.0.result', 'wrong');
    s('cmi.objectives.0.id', 's'); s('cmi.objectives.0.status', 'incomplete');
    s('cmi.core.exit', 'suspend'); s('cmi.core.session_time', '00:01:00');
    expect(first.LMSFinish('')).toBe('true');

    const preload = buildPreload(info('1.2'), options('p'), learner, stored('1.2', first.renderCommitCMI(true, true)));
    const next = new Scorm12API({ ...settings });
    next.loadFromFlattenedJSON(preload.cmi);
    next.LMSInitialize('');
    const get = (el: string) => next.LMSGetValue(el);
    expect([get('cmi.core.entry'), get('cmi.suspend_data'), get('cmi.core.lesson_location'), get('cmi.core.lesson_status')]).toEqual(['resume', 'v1;a', 'n2', 'incomplete']);
    expect([get('cmi.interactions._count'), get('cmi.objectives._count'), get('cmi.objectives.0.id'), get('cmi.core.total_time')]).toEqual(['1', '1', 's', '00:01:00']);
    expect(get('cmi.student_preference.language')).toBe('en');
    expect(flattenStrings(next.renderCMIToJSONObject())['cmi.interactions.0.student_response']).toBe('c1');
  });

  it('2004: a suspended attempt resumes whole; one that exited normally starts a new, empty attempt', () => {
    const first = new Scorm2004API({ ...settings });
    first.loadFromFlattenedJSON(buildPreload(info('2004'), options('p'), learner, null).cmi);
    const s = (el: string, v: string) => expect(first.SetValue(el, v)).toBe('true');
    first.Initialize('');
    expect(first.GetValue('cmi.scaled_passing_score')).toBe('0.8');
    s('cmi.completion_status', 'incomplete'); s('cmi.location', 'n2'); s('cmi.suspend_data', 'v1;a');
    s('cmi.interactions.0.id', 's.n1'); s('cmi.interactions.0.type', 'choice'); s('cmi.interactions.0.learner_response', 'c1');
    s('cmi.interactions.0.result', 'incorrect'); s('cmi.interactions.0.correct_responses.0.pattern', 'c2');
    s('cmi.objectives.0.id', 's'); s('cmi.objectives.0.success_status', 'unknown');
    s('cmi.exit', 'suspend'); s('cmi.session_time', 'PT1M');
    first.Terminate('');

    const next = new Scorm2004API({ ...settings });
    next.loadFromFlattenedJSON(buildPreload(info('2004'), options('p'), learner, stored('2004', first.renderCommitCMI(true, true))).cmi);
    next.Initialize('');
    const get = (el: string) => next.GetValue(el);
    expect([get('cmi.entry'), get('cmi.suspend_data'), get('cmi.location'), get('cmi.completion_status')]).toEqual(['resume', 'v1;a', 'n2', 'incomplete']);
    expect([get('cmi.interactions._count'), get('cmi.interactions.0.learner_response'), get('cmi.interactions.0.correct_responses.0.pattern')]).toEqual(['1', 'c1', 'c2']);
    expect([get('cmi.objectives._count'), get('cmi.objectives.0.id'), get('cmi.total_time')]).toEqual(['1', 's', 'PT1M']);

    next.SetValue('cmi.exit', 'normal');
    next.Terminate('');
    const after = buildPreload(info('2004'), options('p'), learner, stored('2004', next.renderCommitCMI(true, true)));
    expect(after.cmi['cmi.entry']).toBe('ab-initio');
    expect(Object.keys(after.cmi).filter((k) => /suspend_data|interactions|objectives|location/.test(k))).toEqual([]);
  });
});
