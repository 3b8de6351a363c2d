import { describe, expect, it } from 'vitest';
import { scorm12 } from '../../src/lms/dialect-12.ts';
import { scorm2004 } from '../../src/lms/dialect-2004.ts';
import { findApi } from '../../src/lms/discovery.ts';
import { ScormAdapter } from '../../src/lms/scorm-adapter.ts';

/** A SCORM API that stores values and logs every call, answering like a strict LMS. */
function fakeApi(names: 'LMS' | '', preset: Record<string, string> = {}) {
  const values = new Map(Object.entries(preset));
  const log: string[] = [];
  let error = '0';
  const api: Record<string, (...a: string[]) => string> = {
    [`${names}Initialize`]: () => (log.push('init'), 'true'),
    [names === 'LMS' ? 'LMSFinish' : 'Terminate']: () => (log.push('terminate'), 'true'),
    [`${names}Commit`]: () => (log.push('commit'), 'true'),
    [`${names}GetValue`]: (k = '') => ((error = values.has(k) ? '0' : '403'), values.get(k) ?? ''),
    [`${names}SetValue`]: (k = '', v = '') => (log.push(`${k}=${v}`), values.set(k, v), 'true'),
    [`${names}GetLastError`]: () => error,
  };
  return { api, values, log };
}

const decision = {
  id: 'akuten.vantrummet',
  objectiveId: 'akuten',
  response: 'lugnt',
  quality: 'poor' as const,
  correctResponse: 'bekrafta',
  latencyMs: 12_340,
  at: new Date(Date.UTC(2026, 10, 22, 9, 30, 5, 120)),
  description: 'Väntrummet.\n\nEn  anhörig   kommer fram.',
};

describe('SCORM adapters', () => {
  it('1.2: reads launch data, appends interactions after existing ones, writes the version formats', () => {
    const { api, log } = fakeApi('LMS', {
      'cmi.core.entry': 'resume',
      'cmi.core.lesson_mode': 'normal',
      'cmi.core.credit': 'credit',
      'cmi.suspend_data': '1d~x.abc.0',
      'cmi.core.lesson_status': 'incomplete',
      'cmi.interactions._count': '2',
      'cmi.objectives._count': '1',
      'cmi.objectives.0.id': 'akuten',
    });
    const port = new ScormAdapter(api, scorm12);
    expect(port.initialize()).toBe(true);
    expect(port.launchData()).toMatchObject({ entry: 'resume', mode: 'normal', credit: 'credit', suspendData: '1d~x.abc.0', completed: false });
    port.recordDecision(decision);
    expect(log).toContain('cmi.interactions.2.id=akuten.vantrummet');
    expect(log).toContain('cmi.interactions.2.result=wrong');
    expect(log).toContain('cmi.interactions.2.latency=00:00:12.34');
    expect(log).toContain('cmi.interactions.2.student_response=lugnt');
    expect(log.indexOf('cmi.interactions.2.id=akuten.vantrummet')).toBeLessThan(log.indexOf('cmi.interactions.2.type=choice'));
    // An existing objective is updated in place, never given a second entry.
    port.setObjective({ id: 'akuten', description: 'x', completed: true, passed: true, score: 80 });
    expect(log).toContain('cmi.objectives.0.status=passed');
    expect(log).not.toContain('cmi.objectives.1.id=akuten');
    // The final status is committed before the score is written (Moodle completes the learner only then).
    port.setStatus({ completed: true, passed: false, score: 66.667 });
    expect(log.slice(-5)).toEqual(['cmi.core.lesson_status=failed', 'commit', 'cmi.core.score.min=0', 'cmi.core.score.max=100', 'cmi.core.score.raw=66.67']);
    port.setExit(false);
    port.setExit(true);
    expect(log.slice(-2)).toEqual(['cmi.core.exit=suspend', 'cmi.core.exit=']);
    port.setSessionTime(3_723_450);
    expect(log.at(-1)).toBe('cmi.core.session_time=01:02:03.45');
  });

  it('2004: writes completion and success separately, scaled score, timestamps Moodle accepts', () => {
    const { api, log } = fakeApi('', { 'cmi.objectives._count': '1', 'cmi.objectives.0.id': 'course.passed' });
    const port = new ScormAdapter(api, scorm2004);
    port.initialize();
    expect(port.launchData()).toMatchObject({ entry: '', mode: 'normal', credit: 'credit', suspendData: '', completed: false });
    port.recordDecision(decision);
    expect(log).toContain('cmi.interactions.0.result=incorrect');
    expect(log).toContain('cmi.interactions.0.timestamp=2026-11-22T09:30:05.12Z');
    expect(log).toContain('cmi.interactions.0.latency=PT12.34S');
    expect(log).toContain('cmi.interactions.0.description=Väntrummet. En anhörig kommer fram.');
    // The manifest's primary objective keeps index 0; the scenario gets its own.
    port.setObjective({ id: 'akuten', description: 'Akuten', completed: false, passed: null, score: null });
    expect(log).toContain('cmi.objectives.1.id=akuten');
    expect(log).toContain('cmi.objectives.1.success_status=unknown');
    port.setStatus({ completed: true, passed: true, score: 85 });
    expect(log.slice(-7)).toEqual([
      'cmi.success_status=passed', 'cmi.completion_status=completed', 'commit',
      'cmi.score.scaled=0.85', 'cmi.score.min=0', 'cmi.score.max=100', 'cmi.score.raw=85',
    ]);
    // Finished or not, the attempt is suspended, so the LMS hands its data to the next launch.
    port.setExit(true);
    expect(log.at(-1)).toBe('cmi.exit=suspend');
  });

  it('refuses 1.2 suspend data over 4,096 characters instead of letting an LMS truncate it', () => {
    const { api, log } = fakeApi('LMS');
    const port = new ScormAdapter(api, scorm12);
    port.initialize();
    expect(port.setProgress('x'.repeat(4097), 'a')).toBe(false);
    expect(log.some((l) => l.startsWith('cmi.suspend_data'))).toBe(false);
    expect(port.setProgress('x'.repeat(4096), 'a')).toBe(true);
  });

  it('keeps writes the LMS failed to take and sends them, in order, before the next commit', () => {
    const { api, values, log } = fakeApi('');
    const port = new ScormAdapter(api, scorm2004);
    port.initialize();
    let down = true;
    const set = api['SetValue']!;
    api['SetValue'] = (k = '', v = '') => (down ? (api['GetLastError'] = () => '351', 'false') : set(k, v));
    api['Commit'] = () => (down ? 'false' : (log.push('commit'), 'true'));
    expect(port.recordDecision(decision)).toBe(false);
    expect(port.setProgress('1d~akuten.abc.0', 'akuten.vantrummet')).toBe(false);
    expect(port.commit()).toBe(false);
    down = false;
    api['GetLastError'] = () => '0';
    expect(port.commit()).toBe(true);
    const sets = log.filter((l) => l.includes('='));
    expect(sets[0]).toBe('cmi.interactions.0.id=akuten.vantrummet');
    expect(sets.indexOf('cmi.interactions.0.type=choice')).toBe(1);
    expect(values.get('cmi.suspend_data')).toBe('1d~akuten.abc.0');
    expect(log.at(-1)).toBe('commit');
  });

  it('drops a value the LMS judges wrong instead of holding up the rest', () => {
    const { api, values } = fakeApi('');
    const set = api['SetValue']!;
    api['SetValue'] = (k = '', v = '') => (k.endsWith('.description') ? (api['GetLastError'] = () => '406', 'false') : ((api['GetLastError'] = () => '0'), set(k, v)));
    const port = new ScormAdapter(api, scorm2004);
    port.initialize();
    expect(port.recordDecision(decision)).toBe(false);
    port.setProgress('1d~akuten.abc.0', 'x');
    expect(values.get('cmi.suspend_data')).toBe('1d~akuten.abc.0');
  });

  it('writes the status again when the LMS wiped it after a commit', () => {
    const { api, values } = fakeApi('LMS');
    const commit = api['LMSCommit']!;
    api['LMSCommit'] = () => (values.set('cmi.core.lesson_status', 'not attempted'), commit());
    const port = new ScormAdapter(api, scorm12);
    port.initialize();
    port.setStatus({ completed: true, passed: true, score: 90 });
    port.commit();
    expect(values.get('cmi.core.lesson_status')).toBe('not attempted');
    port.terminate();
    expect(values.get('cmi.core.lesson_status')).toBe('passed');
  });

  it('calls nothing after Terminate: a late step is dropped, and a second terminate does nothing', () => {
    const { api, log } = fakeApi('LMS');
    const port = new ScormAdapter(api, scorm12);
    port.initialize();
    expect(port.terminate()).toBe(true);
    const before = log.length;
    expect(port.recordDecision(decision)).toBe(false);
    expect(port.setProgress('3m;', 'menu')).toBe(false);
    expect(port.commit()).toBe(false);
    expect(port.terminate()).toBe(true);
    expect(log.slice(before)).toEqual([]);
  });

  it('tries a throwing call again', () => {
    const { api, values } = fakeApi('');
    const set = api['SetValue']!;
    let throws = 2;
    api['SetValue'] = (k = '', v = '') => {
      if (throws-- > 0) throw new Error('busy');
      return set(k, v);
    };
    const port = new ScormAdapter(api, scorm2004);
    port.initialize();
    expect(port.setExit(false)).toBe(true);
    expect(values.get('cmi.exit')).toBe('suspend');
  });

  it('survives an API whose methods throw', () => {
    const throwing = { LMSInitialize: () => { throw new Error('boom'); }, LMSGetLastError: () => '101' };
    const port = new ScormAdapter(throwing, scorm12);
    expect(port.initialize()).toBe(false);
    expect(port.lastError).toBe('101');
  });
});

describe('API discovery', () => {
  type FakeWin = Record<string, unknown> & { parent?: FakeWin; top?: FakeWin; opener?: FakeWin | null };
  const win = (props: Record<string, unknown> = {}): FakeWin => {
    const w: FakeWin = { ...props };
    w.parent = w;
    w.top = w;
    return w;
  };

  it('finds the API in a parent frame, the version asked for', () => {
    const lms = win({ API: { v: 12 }, API_1484_11: { v: 2004 } });
    const middle = win();
    const course = win();
    middle.parent = lms;
    course.parent = middle;
    course.top = lms;
    expect(findApi(course as unknown as Window, '1.2')).toEqual({ v: 12 });
    expect(findApi(course as unknown as Window, '2004')).toEqual({ v: 2004 });
  });

  it('looks in the opener when the course has its own window', () => {
    const lms = win({ API_1484_11: { found: true } });
    const course = win();
    course.opener = lms;
    expect(findApi(course as unknown as Window, '2004')).toEqual({ found: true });
    expect(findApi(course as unknown as Window, '1.2')).toBeNull();
  });

  it('steps past cross-origin frames that throw, and gives up on endless chains', () => {
    const course = win();
    course.parent = new Proxy({}, { get: () => { throw new DOMException('cross-origin'); } }) as FakeWin;
    expect(findApi(course as unknown as Window, '1.2')).toBeNull();
    let depth = 0;
    // Every window has a fresh parent and none has the API.
    const endless = (): FakeWin => new Proxy({}, { get: (_t, key) => (key === 'parent' ? (depth++, endless()) : undefined) }) as FakeWin;
    expect(findApi(endless() as unknown as Window, '1.2')).toBeNull();
    expect(depth).toBeLessThanOrEqual(501);
  });
});
