import type { Quality } from '../model/scenario.ts';

/**
 * SCORM value formats, written strictly: scorm-again (our preview LMS) accepts far more than
 * real LMSs do, so every value leaves the course already in the narrowest form any of them takes.
 * No DOM, no Node, no dependencies: this ships in the course bundle.
 */

export type ScormVersion = '1.2' | '2004';

/** The 1.2 spec's limit; Moodle in "SCORM standards mode" and other LMSs truncate or reject beyond it. */
export const SUSPEND_DATA_LIMIT_12 = 4096;
export const SUSPEND_DATA_LIMIT_2004 = 64000;
export const LOCATION_LIMIT_12 = 255;
export const LOCATION_LIMIT_2004 = 1000;
export const DESCRIPTION_LIMIT_2004 = 250;
/** Our own cap on interactions written, so a looping learner cannot grow the LMS record without bound. */
export const INTERACTION_LIMIT = 250;

/** 9999:59:59.99, the largest 1.2 CMITimespan (at most 4 hour digits); 2004 uses the same cap. */
const MAX_CENTISECONDS = 10000 * 360000 - 1;
/** 2038-01-19T03:14:07Z, the end of the SCORM 2004 time range (1970 on); Moodle rejects years after 2038. */
const MAX_TIMESTAMP_MS = 2 ** 31 * 1000 - 1000;
const ID_PART = /^[A-Za-z0-9_]+$/;
const ID_MAX = 255;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Drops trailing fraction zeros and a bare dot: "70.00" → "70", "0.50" → "0.5". */
const trimFraction = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);

/** NaN falls to `min`: a broken clock or a 0/0 must still yield a value the LMS accepts. */
const clamp = (n: number, min: number, max: number): number => (n > min ? Math.min(n, max) : min);

/**
 * Rounds once, to whole centiseconds, before splitting into fields, so a carry can never
 * produce SS=60 (scorm-again accepts `00:61:00`; the spec and stricter LMSs do not).
 * NaN and negatives (a clock that went backwards) count as 0; huge values hit the cap.
 */
function durationParts(ms: number) {
  const cs = clamp(Math.round(ms / 10), 0, MAX_CENTISECONDS);
  return {
    h: Math.floor(cs / 360000),
    m: Math.floor(cs / 6000) % 60,
    s: Math.floor(cs / 100) % 60,
    cs: cs % 100,
  };
}

/** CMITimespan for 1.2 `session_time` and `latency`: `HHHH:MM:SS.SS`, 2 to 4 hour digits. */
export function scorm12Duration(ms: number): string {
  const { h, m, s, cs } = durationParts(ms);
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(cs)}`;
}

/**
 * timeinterval for 2004: `PT#H#M#S`. Hours instead of days and no weeks (scorm-again accepts
 * `P1W`, the ADL checker and Moodle do not); fractions only on seconds, at most 2 digits.
 */
export function scorm2004Duration(ms: number): string {
  const { h, m, s, cs } = durationParts(ms);
  const seconds = s || cs ? `${trimFraction(`${s}.${pad(cs)}`)}S` : '';
  const body = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${seconds}`;
  return `PT${body || '0S'}`;
}

/** Milliseconds since the epoch; an invalid Date or NaN counts as the epoch, so the value stays valid. */
function epochMs(date: Date | number): number {
  const t = typeof date === 'number' ? date : date.getTime();
  return Number.isFinite(t) ? t : 0;
}

/** CMITime for 1.2 `interactions.n.time`: the learner's local wall-clock time, 24 h. */
export function scorm12Time(date: Date | number): string {
  const d = new Date(epochMs(date));
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * 2004 `time (second,10,0)`, always UTC as `YYYY-MM-DDThh:mm:ss.ssZ`. Moodle and scorm-again accept
 * a zone designator only after a fraction, Moodle rejects `toISOString()`'s 3 digits and years after
 * 2038. The fraction is truncated (never rounded) so it cannot carry into the next second.
 */
export function scorm2004Timestamp(date: Date | number): string {
  const d = new Date(clamp(epochMs(date), 0, MAX_TIMESTAMP_MS));
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${day}T${time}.${pad(Math.floor(d.getUTCMilliseconds() / 10))}Z`;
}

/**
 * An interaction or objective id from parts joined with `.`. Each part is `[A-Za-z0-9_]+`: 1.2
 * forbids whitespace, 2004 ids are URIs, and Moodle's choice tokens (`^[\w.]{1,250}$`) forbid `-`.
 * Throws: a bad id is an authoring bug, better caught at build time than as a rejected SetValue.
 */
export function scormId(...parts: string[]): string {
  if (parts.length === 0) throw new Error('scormId: no parts given');
  parts.forEach((part, i) => {
    if (!ID_PART.test(part)) {
      throw new Error(`scormId: part ${i} ${JSON.stringify(part)} must match ${ID_PART.source} (SCORM-safe id)`);
    }
  });
  const id = parts.join('.');
  if (id.length > ID_MAX) throw new Error(`scormId: ${id.length} characters, at most ${ID_MAX} allowed: ${id.slice(0, 40)}…`);
  return id;
}

/**
 * 1.2 says `wrong`, 2004 `incorrect`; strict LMSs reject the other version's word, while scorm-again's
 * 1.2 API silently turns `incorrect` into `wrong` and would hide the bug in preview.
 */
const RESULTS: Readonly<Record<ScormVersion, Readonly<Record<Quality, string>>>> = {
  '1.2': { good: 'correct', acceptable: 'neutral', poor: 'wrong' },
  '2004': { good: 'correct', acceptable: 'neutral', poor: 'incorrect' },
};

export function interactionResult(version: ScormVersion, quality: Quality): string {
  return RESULTS[version][quality];
}

/** Score raw/min/max: 1.2 requires 0–100 and LMSs parse at most 2 decimals; never an exponent. */
export function scoreValue(n: number): string {
  return trimFraction(clamp(n, 0, 100).toFixed(2));
}

/** A score the LMS holds, read back: a number from 0 to 100, or null when it has none or it is not one. */
export function scoreRead(value: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= 0 && n <= 100 ? n : null;
}

/** `score.scaled` = raw / max in [0, 1], 4 decimals; max 0 (no points to earn) gives 0. */
export function scaledScore(raw: number, max: number): string {
  const ratio = max > 0 ? raw / max : 0;
  return trimFraction(clamp(ratio, 0, 1).toFixed(4));
}

/** Collapses line breaks and runs of spaces: scorm-again (and LMSs that check like it) rejects 2004 descriptions with a line break. */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Cuts text to at most `max` UTF-16 code units (what LMSs count), ending in `…` when cut.
 * Never leaves half a surrogate pair, which would be invalid UTF-16 in the LMS's database.
 */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  let end = Math.floor(max) - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}
