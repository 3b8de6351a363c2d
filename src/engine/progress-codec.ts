/**
 * suspend_data as a compact, versioned decision log:
 *
 *   1f~akuten_vantetid.k3f9a.0120~hemtjanst.x81bz.
 *   │└ where the learner is: i intro, m scenario list, d deciding, f reading feedback, e at an ending, z summary
 *   └ codec version
 *
 * then one segment per attempt kept (the attempt that counts and, for the scenario in play,
 * the current one), in replay order: id, structure hash (see `structureHash`) and one
 * base-36 digit per decision (the index of the choice taken). About 25 characters per
 * attempt, so a whole course stays far below SCORM 1.2's 4,096.
 */

export const CODEC_VERSION = '1';

export type SavedAt = 'i' | 'm' | 'd' | 'f' | 'e' | 'z';

export interface SavedScenario {
  readonly id: string;
  readonly hash: string;
  /** Index of the choice taken at each decision, in order. */
  readonly choices: readonly number[];
}

export interface SavedProgress {
  readonly at: SavedAt;
  readonly scenarios: readonly SavedScenario[];
}

export type DecodeResult =
  | { readonly ok: true; readonly progress: SavedProgress }
  | { readonly ok: false; readonly reason: 'empty' | 'version' | 'malformed' };

const MAX_CHOICES = 36;
const SEGMENT = /^([a-z0-9_]+)\.([a-z0-9]{1,8})\.([a-z0-9]*)$/;
const AT = new Set<string>(['i', 'm', 'd', 'f', 'e', 'z']);

export function encodeProgress(progress: SavedProgress): string {
  const segments = progress.scenarios.map((s) => {
    const digits = s.choices.map((c) => {
      if (!Number.isInteger(c) || c < 0 || c >= MAX_CHOICES) throw new RangeError(`choice index ${c}`);
      return c.toString(36);
    });
    return `${s.id}.${s.hash}.${digits.join('')}`;
  });
  return [CODEC_VERSION + progress.at, ...segments].join('~');
}

/** Never throws: anything it cannot read is reported, and the caller starts afresh. */
export function decodeProgress(text: unknown): DecodeResult {
  if (typeof text !== 'string' || text === '') return { ok: false, reason: 'empty' };
  const [head = '', ...segments] = text.split('~');
  if (head[0] !== CODEC_VERSION) return { ok: false, reason: 'version' };
  const at = head.slice(1);
  if (head.length !== 2 || !AT.has(at)) return { ok: false, reason: 'malformed' };
  const scenarios: SavedScenario[] = [];
  for (const segment of segments) {
    const match = SEGMENT.exec(segment);
    if (!match) return { ok: false, reason: 'malformed' };
    const choices = [...(match[3] as string)].map((d) => parseInt(d, 36));
    scenarios.push({ id: match[1] as string, hash: match[2] as string, choices });
  }
  return { ok: true, progress: { at: at as SavedAt, scenarios } };
}
