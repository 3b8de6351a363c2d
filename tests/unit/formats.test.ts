import { describe, expect, it } from 'vitest';
import {
  DESCRIPTION_LIMIT_2004,
  INTERACTION_LIMIT,
  LOCATION_LIMIT_12,
  LOCATION_LIMIT_2004,
  SUSPEND_DATA_LIMIT_12,
  SUSPEND_DATA_LIMIT_2004,
  clampText,
  interactionResult,
  scaledScore,
  scorm12Duration,
  scorm12Time,
  scorm2004Duration,
  scorm2004Timestamp,
  scormId,
  scoreValue,
} from '../../src/lms/formats.ts';
import type { ScormVersion } from '../../src/lms/formats.ts';
import { QUALITIES } from '../../src/model/scenario.ts';
import type { Quality } from '../../src/model/scenario.ts';

// Strict checkers, stricter than scorm-again (which takes `00:61:00`, `P1W`, 6 fraction digits).
const CMI_TIMESPAN_12 = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const CMI_TIMESPAN_2004 = /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/;
const CMI_TIME_12 = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
// Moodle's range (1970–2038) with our fixed shape: exactly 2 fraction digits, then Z.
const CMI_TIMESTAMP_2004 =
  /^(19[7-9]\d|20[0-2]\d|203[0-8])-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{2}Z$/;
const SCORM_ID = /^[A-Za-z0-9_.]+$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** 9999:59:59.99 */
const CAP_MS = 10000 * HOUR - 10;

function parse12(value: string): number {
  const m = /^(\d+):(\d\d):(\d\d)(?:\.(\d{1,2}))?$/.exec(value);
  if (!m) throw new Error(`not a 1.2 timespan: ${value}`);
  const [, h = '', min = '', s = '', frac = ''] = m;
  return Number(h) * HOUR + Number(min) * MINUTE + Number(s) * SECOND + Number(frac.padEnd(2, '0')) * 10;
}

function parse2004(value: string): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d{1,2}))?S)?$/.exec(value);
  if (!m) throw new Error(`not a 2004 timespan: ${value}`);
  const [, h = '0', min = '0', s = '0', frac = ''] = m;
  return Number(h) * HOUR + Number(min) * MINUTE + Number(s) * SECOND + Number(frac.padEnd(2, '0')) * 10;
}

/** Numerical Recipes LCG: deterministic across runs and platforms, no dependency. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('limits', () => {
  it('exports the SCORM limits and our interaction cap', () => {
    expect(SUSPEND_DATA_LIMIT_12).toBe(4096);
    expect(SUSPEND_DATA_LIMIT_2004).toBe(64000);
    expect(LOCATION_LIMIT_12).toBe(255);
    expect(LOCATION_LIMIT_2004).toBe(1000);
    expect(DESCRIPTION_LIMIT_2004).toBe(250);
    expect(INTERACTION_LIMIT).toBe(250);
  });
});

describe('scorm12Duration', () => {
  it.each([
    [0, '00:00:00.00'],
    [3723450, '01:02:03.45'],
    [1, '00:00:00.00'],
    [4, '00:00:00.00'],
    [4.999, '00:00:00.00'],
    [5, '00:00:00.01'],
    [10, '00:00:00.01'],
    [990, '00:00:00.99'],
    [994, '00:00:00.99'],
    [995, '00:00:01.00'],
    [999, '00:00:01.00'],
    [1995, '00:00:02.00'],
    [59 * SECOND, '00:00:59.00'],
    [59990, '00:00:59.99'],
    [59994, '00:00:59.99'],
    [59995, '00:01:00.00'],
    [59999, '00:01:00.00'],
    [MINUTE, '00:01:00.00'],
    [HOUR - 5, '01:00:00.00'],
    [HOUR - 6, '00:59:59.99'],
    [HOUR, '01:00:00.00'],
    [23 * HOUR + 59 * MINUTE + 59990, '23:59:59.99'],
    [24 * HOUR, '24:00:00.00'],
    [99 * HOUR, '99:00:00.00'],
    [100 * HOUR - 10, '99:59:59.99'],
    [100 * HOUR - 6, '99:59:59.99'],
    [100 * HOUR - 5, '100:00:00.00'],
    [100 * HOUR, '100:00:00.00'],
    [999 * HOUR + 59 * MINUTE + 59990, '999:59:59.99'],
    [1000 * HOUR, '1000:00:00.00'],
    [9999 * HOUR, '9999:00:00.00'],
  ])('%d ms → %s', (ms, expected) => {
    expect(scorm12Duration(ms)).toBe(expected);
  });

  it.each([
    [CAP_MS, 'the largest value'],
    [CAP_MS + 4, 'just below the rounding edge'],
    [CAP_MS + 5, 'what would round up to 10000 h'],
    [10000 * HOUR, '10000 h'],
    [123456 * HOUR, 'more hours than 4 digits'],
    [1e15, 'a huge value'],
    [Number.MAX_VALUE, 'Number.MAX_VALUE'],
    [Infinity, 'Infinity'],
  ])('caps %d ms (%s) at 9999:59:59.99', (ms) => {
    expect(scorm12Duration(ms)).toBe('9999:59:59.99');
  });

  it.each([-1, -0.4, -0, -1000, -HOUR, -Infinity, NaN])('treats %d as 0', (ms) => {
    expect(scorm12Duration(ms)).toBe('00:00:00.00');
  });
});

describe('scorm2004Duration', () => {
  it.each([
    [0, 'PT0S'],
    [3723450, 'PT1H2M3.45S'],
    [MINUTE, 'PT1M'],
    [HOUR, 'PT1H'],
    [HOUR + MINUTE, 'PT1H1M'],
    [HOUR + SECOND, 'PT1H1S'],
    [HOUR + 10, 'PT1H0.01S'],
    [MINUTE + 500, 'PT1M0.5S'],
    [4, 'PT0S'],
    [5, 'PT0.01S'],
    [10, 'PT0.01S'],
    [50, 'PT0.05S'],
    [500, 'PT0.5S'],
    [3400, 'PT3.4S'],
    [994, 'PT0.99S'],
    [995, 'PT1S'],
    [999, 'PT1S'],
    [59994, 'PT59.99S'],
    [59995, 'PT1M'],
    [59999, 'PT1M'],
    [HOUR - 5, 'PT1H'],
    [25 * HOUR, 'PT25H'],
    [7 * 24 * HOUR, 'PT168H'],
    [99 * HOUR, 'PT99H'],
    [100 * HOUR - 10, 'PT99H59M59.99S'],
    [100 * HOUR - 5, 'PT100H'],
    [9999 * HOUR, 'PT9999H'],
  ])('%d ms → %s', (ms, expected) => {
    expect(scorm2004Duration(ms)).toBe(expected);
  });

  it('never uses days or weeks, and fractions only on seconds', () => {
    for (const ms of [24 * HOUR, 7 * 24 * HOUR, 400 * 24 * HOUR, 1.5 * HOUR, 1.5 * MINUTE]) {
      const value = scorm2004Duration(ms);
      expect(value).not.toMatch(/[DW]/);
      expect(value).not.toMatch(/\.\d+[HM]/);
    }
  });

  it.each([CAP_MS, CAP_MS + 5, 10000 * HOUR, 1e15, Number.MAX_VALUE, Infinity])(
    'caps %d ms at 9999 h like 1.2',
    (ms) => {
      expect(scorm2004Duration(ms)).toBe('PT9999H59M59.99S');
    },
  );

  it.each([-1, -0.4, -0, -1000, -HOUR, -Infinity, NaN])('treats %d as 0', (ms) => {
    expect(scorm2004Duration(ms)).toBe('PT0S');
  });
});

describe('durations, property check', () => {
  it('10,000 pseudo-random durations match the strict formats and parse back within 10 ms', () => {
    const random = lcg(20261122);
    for (let i = 0; i < 10_000; i++) {
      // Spread over magnitudes from sub-millisecond to ~2,800 h, with fractional milliseconds.
      const ms = random() * 10 ** Math.floor(random() * 11);
      const v12 = scorm12Duration(ms);
      const v2004 = scorm2004Duration(ms);
      expect(v12, `${ms}`).toMatch(CMI_TIMESPAN_12);
      expect(v2004, `${ms}`).toMatch(CMI_TIMESPAN_2004);
      expect(v2004, `${ms}`).not.toBe('PT');
      expect(Math.abs(parse12(v12) - ms), `${ms} → ${v12}`).toBeLessThanOrEqual(10);
      expect(Math.abs(parse2004(v2004) - ms), `${ms} → ${v2004}`).toBeLessThanOrEqual(10);
      expect(parse2004(v2004), `${v12} vs ${v2004}`).toBe(parse12(v12));
    }
  });

  it('is monotonic: a longer duration never reads as shorter', () => {
    const random = lcg(7);
    const inputs = Array.from({ length: 2_000 }, () => random() * 10 ** Math.floor(random() * 11)).sort((a, b) => a - b);
    let previous = -1;
    for (const ms of inputs) {
      const parsed = parse12(scorm12Duration(ms));
      expect(parsed).toBeGreaterThanOrEqual(previous);
      previous = parsed;
    }
  });

  it('rounds whole centiseconds near every carry without ever writing 60', () => {
    for (let base = 0; base <= 2 * HOUR; base += MINUTE) {
      for (const ms of [base - 6, base - 5, base - 1, base, base + 4, base + 5]) {
        const v12 = scorm12Duration(ms);
        expect(v12).toMatch(CMI_TIMESPAN_12);
        expect(scorm2004Duration(ms)).toMatch(CMI_TIMESPAN_2004);
        expect(v12).not.toMatch(/:60/);
        expect(scorm2004Duration(ms)).not.toMatch(/(^|\D)60[MS]/);
      }
    }
  });
});

describe('scorm12Time', () => {
  // Built with the local-time constructor, so the expectation holds in every time zone.
  it.each([
    [new Date(2026, 10, 22, 8, 5, 3), '08:05:03'],
    [new Date(2026, 10, 22, 0, 0, 0), '00:00:00'],
    [new Date(2026, 10, 22, 12, 0, 0), '12:00:00'],
    [new Date(2026, 10, 22, 13, 7, 9), '13:07:09'],
    [new Date(2026, 10, 22, 23, 59, 59, 999), '23:59:59'],
    [new Date(2028, 1, 29, 17, 30, 0), '17:30:00'],
  ])('%s → %s', (date, expected) => {
    expect(scorm12Time(date)).toBe(expected);
    expect(scorm12Time(date.getTime())).toBe(expected);
  });

  it('truncates milliseconds instead of rolling into the next second', () => {
    expect(scorm12Time(new Date(2026, 0, 15, 9, 59, 59, 999))).toBe('09:59:59');
  });

  it('gives a valid time for an invalid Date or NaN', () => {
    expect(scorm12Time(new Date(Number.NaN))).toMatch(CMI_TIME_12);
    expect(scorm12Time(Number.NaN)).toMatch(CMI_TIME_12);
  });

  it('always matches HH:MM:SS, 24 h', () => {
    const random = lcg(12);
    for (let i = 0; i < 1_000; i++) {
      expect(scorm12Time(Date.UTC(2020, 0, 1) + random() * 20 * 365 * 24 * HOUR)).toMatch(CMI_TIME_12);
    }
  });
});

describe('scorm2004Timestamp', () => {
  it.each([
    [Date.UTC(2026, 10, 22, 8, 5, 3, 400), '2026-11-22T08:05:03.40Z'],
    [Date.UTC(2026, 10, 22, 8, 5, 3, 405), '2026-11-22T08:05:03.40Z'],
    [Date.UTC(2026, 10, 22, 8, 5, 3, 409), '2026-11-22T08:05:03.40Z'],
    [Date.UTC(2026, 10, 22, 8, 5, 3, 0), '2026-11-22T08:05:03.00Z'],
    [Date.UTC(2026, 10, 22, 8, 5, 3, 7), '2026-11-22T08:05:03.00Z'],
    [Date.UTC(2026, 10, 22, 8, 5, 3, 10), '2026-11-22T08:05:03.01Z'],
    [Date.UTC(2026, 0, 1, 0, 0, 0, 0), '2026-01-01T00:00:00.00Z'],
    [Date.UTC(2026, 11, 31, 23, 59, 59, 999), '2026-12-31T23:59:59.99Z'],
  ])('%d → %s', (ms, expected) => {
    expect(scorm2004Timestamp(new Date(ms))).toBe(expected);
    expect(scorm2004Timestamp(ms)).toBe(expected);
  });

  it('writes UTC regardless of the local zone, across both European DST switches', () => {
    // 2026: summer time starts 29 March 01:00 UTC and ends 25 October 01:00 UTC.
    expect(scorm2004Timestamp(new Date(Date.UTC(2026, 2, 29, 0, 59, 59, 990)))).toBe('2026-03-29T00:59:59.99Z');
    expect(scorm2004Timestamp(new Date(Date.UTC(2026, 2, 29, 1, 0, 0, 0)))).toBe('2026-03-29T01:00:00.00Z');
    expect(scorm2004Timestamp(new Date(Date.UTC(2026, 9, 25, 0, 59, 59, 990)))).toBe('2026-10-25T00:59:59.99Z');
    expect(scorm2004Timestamp(new Date(Date.UTC(2026, 9, 25, 1, 0, 0, 0)))).toBe('2026-10-25T01:00:00.00Z');
  });

  it('handles leap days', () => {
    expect(scorm2004Timestamp(new Date(Date.UTC(2028, 1, 29, 12, 0, 0, 120)))).toBe('2028-02-29T12:00:00.12Z');
    expect(scorm2004Timestamp(new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 990)))).toBe('2024-02-29T23:59:59.99Z');
    expect(scorm2004Timestamp(new Date(Date.UTC(2000, 1, 29, 0, 0, 0, 0)))).toBe('2000-02-29T00:00:00.00Z');
    expect(scorm2004Timestamp(new Date(Date.UTC(2028, 1, 29, 23, 59, 59, 999) + 1))).toBe('2028-03-01T00:00:00.00Z');
    // 2027 is not a leap year: 28 February is followed by 1 March.
    expect(scorm2004Timestamp(new Date(Date.UTC(2027, 1, 28, 23, 59, 59, 999) + 1))).toBe('2027-03-01T00:00:00.00Z');
  });

  it('never uses toISOString’s 3 fraction digits, never omits the fraction before Z', () => {
    const date = new Date(Date.UTC(2026, 10, 22, 8, 5, 3, 456));
    expect(date.toISOString()).toBe('2026-11-22T08:05:03.456Z');
    expect(scorm2004Timestamp(date)).toBe('2026-11-22T08:05:03.45Z');
    expect(scorm2004Timestamp(new Date(Date.UTC(2026, 10, 22, 12, 0, 0)))).not.toMatch(/:\d\dZ$/);
  });

  it('keeps the last second of the 32-bit range and clamps everything after it', () => {
    const last = '2038-01-19T03:14:07.00Z';
    expect(scorm2004Timestamp(new Date(Date.UTC(2038, 0, 19, 3, 14, 7, 0)))).toBe(last);
    expect(scorm2004Timestamp(new Date(Date.UTC(2038, 0, 19, 3, 14, 6, 990)))).toBe('2038-01-19T03:14:06.99Z');
    expect(scorm2004Timestamp(new Date(Date.UTC(2038, 0, 19, 3, 14, 8, 0)))).toBe(last);
    expect(scorm2004Timestamp(new Date(Date.UTC(2038, 6, 1)))).toBe(last);
    expect(scorm2004Timestamp(new Date(Date.UTC(2039, 0, 1, 0, 0, 0, 0)))).toBe(last);
    expect(scorm2004Timestamp(new Date(Date.UTC(2039, 5, 15, 10, 20, 30, 400)))).toBe(last);
    expect(scorm2004Timestamp(new Date(8.64e15))).toBe(last);
  });

  it('clamps dates before 1970 and invalid dates to the epoch', () => {
    const epoch = '1970-01-01T00:00:00.00Z';
    expect(scorm2004Timestamp(new Date(0))).toBe(epoch);
    expect(scorm2004Timestamp(new Date(Date.UTC(1969, 11, 31, 23, 59, 59, 990)))).toBe(epoch);
    expect(scorm2004Timestamp(new Date(Number.NaN))).toBe(epoch);
    expect(scorm2004Timestamp(Number.NaN)).toBe(epoch);
    expect(scorm2004Timestamp(-1)).toBe(epoch);
    expect(scorm2004Timestamp(Infinity)).toBe(epoch);
  });

  it('always matches the strict 2004 timestamp, agreeing with toISOString to the centisecond', () => {
    const random = lcg(2038);
    for (let i = 0; i < 2_000; i++) {
      const ms = Math.floor(random() * 2 ** 31 * 1000);
      const value = scorm2004Timestamp(new Date(ms));
      expect(value, `${ms}`).toMatch(CMI_TIMESTAMP_2004);
      expect(value).toBe(`${new Date(ms).toISOString().slice(0, 22)}Z`);
    }
  });
});

describe('scormId', () => {
  it('joins valid parts with dots', () => {
    expect(scormId('reception')).toBe('reception');
    expect(scormId('reception', 'n1', 'calm_voice')).toBe('reception.n1.calm_voice');
    expect(scormId('A', 'z', '0', '_')).toBe('A.z.0._');
    expect(scormId('reception', 'n1')).toMatch(SCORM_ID);
  });

  it.each([
    ['a space', ['bad part']],
    ['a leading space', [' lead']],
    ['a trailing space', ['trail ']],
    ['a tab', ['a\tb']],
    ['a newline', ['a\nb']],
    ['a hyphen (Moodle choice tokens forbid it)', ['scenario', 'node-1']],
    ['å', ['scenario', 'hälsa']],
    ['Å', ['Åsa']],
    ['ö', ['möte']],
    ['a non-ASCII letter that \\w in some engines would allow', ['naïve']],
    ['an emoji', ['a😀']],
    ['a dot inside a part', ['a.b']],
    ['a colon (URI-ish)', ['urn:x']],
    ['a slash', ['a/b']],
    ['an empty part in the middle', ['a', '', 'b']],
    ['an empty first part', ['', 'a']],
    ['an empty last part', ['a', '']],
    ['only an empty part', ['']],
  ])('rejects %s', (_label, parts) => {
    expect(() => scormId(...parts)).toThrow(Error);
    expect(() => scormId(...parts)).toThrow(/scormId: part \d+ .* must match/);
  });

  it('names the offending part in the message', () => {
    expect(() => scormId('ok', 'not ok')).toThrow('scormId: part 1 "not ok" must match ^[A-Za-z0-9_]+$');
  });

  it('rejects a call with no parts', () => {
    expect(() => scormId()).toThrow(/no parts/);
  });

  it('accepts 255 characters and rejects 256', () => {
    expect(scormId('a'.repeat(255))).toHaveLength(255);
    expect(scormId('a'.repeat(127), 'b'.repeat(127))).toHaveLength(255);
    expect(() => scormId('a'.repeat(256))).toThrow(/256 characters, at most 255/);
    expect(() => scormId('a'.repeat(127), 'b'.repeat(128))).toThrow(/256 characters, at most 255/);
    expect(() => scormId(...Array.from({ length: 200 }, () => 'ab'))).toThrow(/599 characters/);
  });
});

describe('interactionResult', () => {
  const expected: Record<ScormVersion, Record<Quality, string>> = {
    '1.2': { good: 'correct', acceptable: 'neutral', poor: 'wrong' },
    '2004': { good: 'correct', acceptable: 'neutral', poor: 'incorrect' },
  };
  const cases = (['1.2', '2004'] as const).flatMap((version) =>
    QUALITIES.map((quality) => [version, quality, expected[version][quality]] as const),
  );

  it('covers every quality in both versions', () => {
    expect(cases).toHaveLength(6);
  });

  it.each(cases)('%s %s → %s', (version, quality, result) => {
    expect(interactionResult(version, quality)).toBe(result);
  });

  it('never writes the other version’s word for a poor choice', () => {
    expect(QUALITIES.map((q) => interactionResult('1.2', q))).not.toContain('incorrect');
    expect(QUALITIES.map((q) => interactionResult('2004', q))).not.toContain('wrong');
  });
});

describe('scoreValue', () => {
  it.each([
    [70, '70'],
    [66.666, '66.67'],
    [66.664, '66.66'],
    [0, '0'],
    [-0, '0'],
    [100, '100'],
    [50.5, '50.5'],
    [12.1, '12.1'],
    [33.33333, '33.33'],
    [99.994, '99.99'],
    [99.996, '100'],
    [0.004, '0'],
    [0.006, '0.01'],
    [1e-7, '0'],
    [100.001, '100'],
    [150, '100'],
    [1e21, '100'],
    [Infinity, '100'],
    [-0.001, '0'],
    [-5, '0'],
    [-Infinity, '0'],
    [NaN, '0'],
  ])('%d → %s', (n, expected) => {
    expect(scoreValue(n)).toBe(expected);
  });

  it('never has trailing zeros, an exponent or more than 2 decimals', () => {
    const random = lcg(100);
    for (let i = 0; i < 5_000; i++) {
      const n = random() * 200 - 50;
      const value = scoreValue(n);
      expect(value, `${n}`).toMatch(/^(100|[1-9]?\d)(\.\d?[1-9])?$/);
      expect(Math.abs(Number(value) - Math.min(100, Math.max(0, n))), `${n}`).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });
});

describe('scaledScore', () => {
  it.each([
    [0, 100, '0'],
    [80, 100, '0.8'],
    [100, 100, '1'],
    [1, 3, '0.3333'],
    [2, 3, '0.6667'],
    [7, 8, '0.875'],
    [1, 1e9, '0'],
    [150, 100, '1'],
    [-1, 100, '0'],
    [5, 0, '0'],
    [0, 0, '0'],
    [5, -10, '0'],
    [NaN, 100, '0'],
    [5, NaN, '0'],
    [Infinity, 100, '1'],
    [5, Infinity, '0'],
  ])('%d / %d → %s', (raw, max, expected) => {
    expect(scaledScore(raw, max)).toBe(expected);
  });

  it('stays in [0, 1] with at most 4 decimals and no trailing zeros', () => {
    const random = lcg(4);
    for (let i = 0; i < 5_000; i++) {
      const max = Math.floor(random() * 200);
      const raw = random() * 1.2 * max;
      const value = scaledScore(raw, max);
      expect(value, `${raw}/${max}`).toMatch(/^(1|0(\.\d{0,3}[1-9])?)$/);
      if (max > 0) expect(Math.abs(Number(value) - Math.min(1, raw / max))).toBeLessThanOrEqual(0.00005 + 1e-12);
    }
  });
});

describe('clampText', () => {
  it('leaves text within the limit untouched', () => {
    expect(clampText('', 10)).toBe('');
    expect(clampText('kort', 10)).toBe('kort');
    expect(clampText('exakt', 5)).toBe('exakt');
    expect(clampText('a'.repeat(DESCRIPTION_LIMIT_2004), DESCRIPTION_LIMIT_2004)).toHaveLength(DESCRIPTION_LIMIT_2004);
  });

  it('cuts to exactly the limit with an ellipsis', () => {
    expect(clampText('abcdef', 5)).toBe('abcd…');
    expect(clampText('abcdef', 2)).toBe('a…');
    expect(clampText('abcdef', 1)).toBe('…');
    expect(clampText('abcdef', 0)).toBe('');
    expect(clampText('abcdef', -3)).toBe('');
  });

  it.each([
    ['2004 description', DESCRIPTION_LIMIT_2004],
    ['1.2 location', LOCATION_LIMIT_12],
    ['2004 location', LOCATION_LIMIT_2004],
  ])('fits a long Swedish text into the %s limit', (_label, limit) => {
    const text = 'Hotfull besökare på vårdcentralen, vad gör du först? '.repeat(40);
    const value = clampText(text, limit);
    expect(value).toHaveLength(limit);
    expect(value.endsWith('…')).toBe(true);
    expect(text.startsWith(value.slice(0, -1))).toBe(true);
  });

  it('does not leave a space before the ellipsis', () => {
    expect(clampText('hello world', 7)).toBe('hello…');
  });

  it('never splits a surrogate pair', () => {
    const text = 'ab😀cd'; // 😀 is 2 UTF-16 code units, at index 2 and 3
    expect(clampText(text, 6)).toBe(text);
    expect(clampText(text, 5)).toBe('ab😀…');
    expect(clampText(text, 4)).toBe('ab…');
    expect(clampText(text, 3)).toBe('ab…');
    expect(clampText('😀😀😀', 4)).toBe('😀…');
    expect(clampText('😀😀😀', 2)).toBe('…');
  });

  it('never exceeds the limit or leaves a lone surrogate', () => {
    const random = lcg(250);
    const pieces = ['a', 'å', ' ', '😀', '👩‍⚕️', 'Ö', '.'];
    for (let i = 0; i < 2_000; i++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let j = 0; j < length; j++) text += pieces[Math.floor(random() * pieces.length)] ?? '';
      const max = Math.floor(random() * 45);
      const value = clampText(text, max);
      expect(value.length, `${JSON.stringify(text)} @ ${max}`).toBeLessThanOrEqual(max);
      expect(value, `${JSON.stringify(text)} @ ${max}`).not.toMatch(LONE_SURROGATE);
      if (text.length <= max) expect(value).toBe(text);
      else if (max > 0) expect(value.endsWith('…')).toBe(true);
    }
  });
});
