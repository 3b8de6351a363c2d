/** Reading the values LMS exports write: dates, scores, durations, in English and Swedish. */

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  januari: 1, februari: 2, mars: 3, maj: 5, juni: 6, juli: 7, augusti: 8, oktober: 10,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, okt: 10, nov: 11, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as Moodle and other LMSs write it, to `YYYY-MM-DDTHH:MM` in the site's time: ISO
 * (`2026-12-05 18:10:07`), Moodle's `Saturday, 5 December 2026, 6:10 PM` (the .xlsx leaves out
 * the weekday) and the Swedish `lördag, 5 december 2026, 18:10`. `null` for `-` or empty,
 * `undefined` when the text is not a date.
 */
export function parseDate(text: string): string | null | undefined {
  const s = text.trim();
  if (s === '' || s === '-') return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?/.exec(s);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}T${pad(Number(iso[4] ?? 0))}:${iso[5] ?? '00'}`;
  const long = /(\d{1,2})\.?\s+([A-Za-zåäöÅÄÖ]+)\.?\s+(\d{4}),?\s+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})\s*([AaPp][Mm])?/.exec(s);
  if (long) {
    const month = MONTHS[(long[2] ?? '').toLowerCase()];
    if (!month) return undefined;
    let hour = Number(long[4]);
    const ampm = long[6]?.toLowerCase();
    if (ampm === 'pm' && hour < 12) hour += 12;
    if (ampm === 'am' && hour === 12) hour = 0;
    return `${long[3]}-${pad(month)}-${pad(Number(long[1]))}T${pad(hour)}:${long[5]}`;
  }
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:\s+(\d{1,2}):(\d{2}))?/.exec(s);
  if (dmy) return `${dmy[3]}-${pad(Number(dmy[2]))}-${pad(Number(dmy[1]))}T${pad(Number(dmy[4] ?? 0))}:${dmy[5] ?? '00'}`;
  return undefined;
}

/** A number written with a decimal point or comma (`51.9`, `51,9`, `92 %`); `null` for `-` or empty. */
export function parseNumber(text: string): number | null | undefined {
  const s = text.trim().replace(/\s*%$/, '').replace(/\u00a0/g, '');
  if (s === '' || s === '-') return null;
  if (!/^-?\d+(?:[.,]\d+)?$/.test(s)) return undefined;
  return Number(s.replace(',', '.'));
}

/**
 * A duration in seconds: SCORM 2004's `PT1M10.74S`, SCORM 1.2's `00:01:13.74`, or plain
 * seconds. Moodle's `P` (a 2004 total time it overwrote) is no time at all: `null`.
 */
export function parseDuration(text: string): number | null | undefined {
  const s = text.trim();
  if (s === '' || s === '-' || s === 'P') return null;
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(s);
  if (iso) return Number(iso[1] ?? 0) * 86400 + Number(iso[2] ?? 0) * 3600 + Number(iso[3] ?? 0) * 60 + Number(iso[4] ?? 0);
  const hms = /^(\d{1,4}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(s);
  if (hms) return Number(hms[1]) * 3600 + Number(hms[2]) * 60 + Number(hms[3]);
  const n = parseNumber(s);
  return n === null ? null : n;
}

/** Minutes between two `YYYY-MM-DDTHH:MM` times, or null. */
export function minutesBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const ms = Date.parse(`${to}:00Z`) - Date.parse(`${from}:00Z`);
  return Number.isFinite(ms) && ms >= 0 ? ms / 60000 : null;
}
