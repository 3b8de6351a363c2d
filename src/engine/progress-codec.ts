/**
 * suspend_data as a compact, versioned decision log:
 *
 *   4fq7k2mz~mejlstorm!~akuten_vantetid.k3f9a.0120~hemtjanst.x81bz.;
 *   ││└ the attempt's choice-order seed (version 4; see `choiceOrder`)
 *   │└ where the learner is: i intro, m scenario list, d deciding, f reading feedback, e at an ending, z summary
 *   └ codec version
 *
 * then one `<id>!` per scenario skipped and not finished since (version 2; version 1 had none
 * and still decodes), then one segment per attempt kept (the attempt that counts and, for the
 * scenario in play, the current one), in replay order: id, structure hash (see
 * `structureHash`) and one base-36 digit per decision (the index of the choice taken), and
 * `;` at the end (version 3). About 25 characters per attempt, so a whole course stays far
 * below SCORM 1.2's 4,096.
 *
 * The end mark is there for an LMS that cuts what it stores short: a log cut between two
 * choice digits is still a well-formed, shorter log, and replaying it would ask the learner
 * for a decision the LMS has already recorded. Without the mark the last segment is not
 * trusted, so its scenario starts over instead.
 */

export const CODEC_VERSION = '4';
/** Versions this decoder reads: the first had no skips, the first two no end mark, the first three no seed. */
const READABLE = new Set(['1', '2', '3', '4']);
const END = ';';

export type SavedAt = 'i' | 'm' | 'd' | 'f' | 'e' | 'z';

export interface SavedScenario {
  readonly id: string;
  readonly hash: string;
  /** A play-through of the short version (written `*` before the choice digits, version 4). */
  readonly alternative?: true;
  /** Index of the choice taken at each decision, in order. */
  readonly choices: readonly number[];
}

export interface SavedProgress {
  readonly at: SavedAt;
  /**
   * The seed of the order the attempt shows choices in, so a resumed, replayed or reviewed attempt
   * shows them as before; absent in logs written before version 4 (the runtime then draws one).
   */
  readonly seed?: string;
  /** Ids of the scenarios skipped and not finished since; replayed first. */
  readonly skipped: readonly string[];
  readonly scenarios: readonly SavedScenario[];
}

export type DecodeResult =
  /** `truncated`: the log lacks its end mark, so whatever came after the cut is lost. */
  | { readonly ok: true; readonly progress: SavedProgress; readonly truncated?: true }
  | { readonly ok: false; readonly reason: 'empty' | 'version' | 'malformed' };

const MAX_CHOICES = 36;
const SEGMENT = /^([a-z0-9_]+)\.([a-z0-9]{1,8})\.(\*?)([a-z0-9]*)$/;
const SKIP = /^([a-z0-9_]+)!$/;
const SEGMENT_ID = /^[a-z0-9_]+/;
const AT = new Set<string>(['i', 'm', 'd', 'f', 'e', 'z']);
const SEED = /^[a-z0-9]{0,8}$/;

export function encodeProgress(progress: SavedProgress): string {
  const segments = progress.scenarios.map((s) => {
    const digits = s.choices.map((c) => {
      if (!Number.isInteger(c) || c < 0 || c >= MAX_CHOICES) throw new RangeError(`choice index ${c}`);
      return c.toString(36);
    });
    return `${s.id}.${s.hash}.${s.alternative ? '*' : ''}${digits.join('')}`;
  });
  const seed = progress.seed ?? '';
  if (!SEED.test(seed)) throw new RangeError(`seed ${seed}`);
  return [CODEC_VERSION + progress.at + seed, ...progress.skipped.map((id) => `${id}!`), ...segments].join('~') + END;
}

/** Never throws: anything it cannot read is reported, and the caller starts afresh. */
export function decodeProgress(text: unknown): DecodeResult {
  if (typeof text !== 'string' || text === '') return { ok: false, reason: 'empty' };
  const version = text[0] ?? '';
  if (!READABLE.has(version)) return { ok: false, reason: 'version' };
  const marked = version === '3' || version === '4';
  const cut = marked && !text.endsWith(END);
  const [head = '', ...segments] = (marked && !cut ? text.slice(0, -END.length) : text).split('~');
  // Cut right after a separator: the segments before it are whole, the rest is lost.
  const atSeparator = cut && segments.at(-1) === '';
  if (atSeparator) segments.pop();
  const at = head.slice(1, 2);
  const seed = version === '4' ? head.slice(2) : '';
  if (head.length < 2 || (version !== '4' && head.length !== 2) || !AT.has(at) || !SEED.test(seed)) return { ok: false, reason: 'malformed' };
  const skipped: string[] = [];
  const scenarios: SavedScenario[] = [];
  for (const segment of segments) {
    const skip = version !== '1' && scenarios.length === 0 ? SKIP.exec(segment) : null;
    if (skip) {
      skipped.push(skip[1] as string);
      continue;
    }
    const match = SEGMENT.exec(segment);
    if (!match) {
      // A damaged segment (cut short by an LMS, edited): kept with a hash no scenario has, so
      // that scenario alone starts over and the learner is told; without even an id, nothing is trusted.
      const id = SEGMENT_ID.exec(segment)?.[0];
      if (!id) return { ok: false, reason: 'malformed' };
      scenarios.push({ id, hash: '', choices: [] });
      continue;
    }
    const choices = [...(match[4] as string)].map((d) => parseInt(d, 36));
    scenarios.push({ id: match[1] as string, hash: match[2] as string, ...(match[3] ? { alternative: true as const } : {}), choices });
  }
  // Cut short inside the last segment or just after it (skips only come before segments, so
  // a last scenario means the last part was a segment): it may have lost decisions.
  const last = scenarios.at(-1);
  if (cut && !atSeparator && last) scenarios[scenarios.length - 1] = { id: last.id, hash: '', choices: [] };
  const progress: SavedProgress = { at: at as SavedAt, ...(seed ? { seed } : {}), skipped, scenarios };
  return { ok: true, progress, ...(cut ? { truncated: true as const } : {}) };
}
