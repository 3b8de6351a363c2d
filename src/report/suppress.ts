/**
 * Small-group suppression with complementary suppression, as a statistics office does it.
 *
 * Every figure the report could show is a linear sum over unknowns (a unit's passed count is
 * the sum over its learners; a choice's count at a decision is one edge of the scenario's
 * graph). A figure for fewer learners than the threshold is hidden (primary suppression). A
 * hidden figure must also not be derivable from what is shown: if its coefficient vector lies
 * in the span of the shown figures' vectors (plus what anyone knows anyway, such as flow through
 * a scenario's graph), more figures are hidden (complementary suppression), cheapest first.
 */

import { wholeRange } from './linear-program.ts';

export interface Figure {
  readonly id: string;
  /** Coefficients over the unknowns. */
  readonly vector: readonly number[];
  /** Hidden from the start: it describes fewer learners than the threshold. */
  readonly primary: boolean;
  /** Known whatever is shown (never hidden, always usable for deriving). */
  readonly fixed?: boolean;
  /** Figures shown or hidden together (a decision's choices). Defaults to the id. */
  readonly group?: string;
  /** Which to hide first as a complement: the smallest. */
  readonly cost: number;
  /**
   * The figure's value, where known. Unknowns are whole counts, never negative, so shown values
   * can pin a hidden figure by bounds (a shown 0, or flow through a decision): checked when
   * every figure has its value.
   */
  readonly value?: number;
}

const EPS = 1e-9;

/** A row-echelon basis of vectors, to test whether another lies in their span. */
class Basis {
  readonly #rows: { pivot: number; row: number[] }[] = [];
  constructor(vectors: Iterable<readonly number[]>) {
    for (const v of vectors) this.add(v);
  }

  #reduce(vector: readonly number[]): number[] {
    const v = [...vector];
    for (const { pivot, row } of this.#rows) {
      const f = v[pivot] ?? 0;
      if (Math.abs(f) < EPS) continue;
      for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) - f * (row[i] ?? 0);
    }
    return v;
  }

  add(vector: readonly number[]): void {
    const v = this.#reduce(vector);
    const pivot = v.findIndex((x) => Math.abs(x) > EPS);
    if (pivot < 0) return;
    const scale = v[pivot] ?? 1;
    this.#rows.push({ pivot, row: v.map((x) => x / scale) });
  }

  spans(vector: readonly number[]): boolean {
    return this.#reduce(vector).every((x) => Math.abs(x) < EPS);
  }
}

const isZero = (v: readonly number[]) => v.every((x) => x === 0);

/** Whether a hidden figure can take only one value, given the shown figures' values and counts ≥ 0. */
function pinned(f: Figure, shown: readonly Figure[]): boolean {
  const r = wholeRange(f.vector, shown.map((g) => g.vector), shown.map((g) => g.value ?? 0));
  return r !== null && r.max - r.min < 1;
}

/**
 * Ids of the figures to hide: every primary one, and enough others that none of them can be
 * derived: not as a linear combination of the shown ones, and, when every figure's value is
 * given, not by bounds either (counts are never negative: a shown 0, or flow through a
 * decision, can pin a hidden count), which a small linear program checks.
 */
export function protect(figures: readonly Figure[]): Set<string> {
  const groupOf = (f: Figure) => f.group ?? f.id;
  const hiddenGroups = new Set(figures.filter((f) => f.primary && !f.fixed).map(groupOf));
  const isHidden = (f: Figure) => !f.fixed && hiddenGroups.has(groupOf(f));
  const fixed = figures.filter((f) => f.fixed);
  const withValues = figures.every((f) => f.value !== undefined);
  const fixedBasis = new Basis(fixed.map((f) => f.vector));
  // A figure that is zero, or that follows from what anyone knows, has nothing to protect.
  const protectable = figures.filter((f) => !f.fixed && !isZero(f.vector) && !fixedBasis.spans(f.vector) && !(withValues && pinned(f, fixed)));
  for (let round = 0; round <= figures.length; round++) {
    const shown = figures.filter((f) => !isHidden(f));
    const basis = new Basis(shown.map((f) => f.vector));
    const hidden = protectable.filter(isHidden);
    const linear = hidden.find((f) => basis.spans(f.vector));
    const exposed = linear ?? (withValues ? hidden.find((f) => pinned(f, shown)) : undefined);
    if (!exposed) break;
    const candidates = [...new Set(shown.filter((f) => !f.fixed && !isZero(f.vector)).sort((a, b) => a.cost - b.cost).map(groupOf))];
    const without = (group: string) => shown.filter((f) => groupOf(f) !== group);
    const helps = (group: string) => !new Basis(without(group).map((f) => f.vector)).spans(exposed.vector) && !(withValues && pinned(exposed, without(group)));
    const pick = candidates.find(helps) ?? candidates[0];
    if (pick === undefined) break;
    hiddenGroups.add(pick);
  }
  return new Set(figures.filter(isHidden).map((f) => f.id));
}

/** A group's count and one figure (say, how many passed) over its learners. */
export interface GroupValue {
  readonly id: string;
  /** Learners the figure is about. */
  readonly n: number;
  readonly value: number;
}

/**
 * A partition (units) and its total: primary and complementary suppression by subtraction,
 * and also by bounds. When the hidden groups' remainder is 0 or all of them (everyone hidden
 * failed, or everyone passed), each hidden group's figure follows from its size; then more
 * groups are hidden, and the total when nothing else helps.
 */
export function protectPartition(groups: readonly GroupValue[], total: GroupValue, minGroup: number): { hidden: Set<string>; totalHidden: boolean } {
  const live = groups.filter((g) => g.n > 0);
  const figures: Figure[] = [
    ...live.map((g, i) => ({ id: g.id, vector: live.map((_, j) => (i === j ? 1 : 0)), primary: g.n < minGroup, cost: g.n })),
    { id: '\0total', vector: live.map(() => 1), primary: total.n < minGroup, cost: Number.MAX_SAFE_INTEGER },
  ];
  const hidden = protect(figures);
  let totalHidden = hidden.delete('\0total');
  for (;;) {
    const hiddenGroups = live.filter((g) => hidden.has(g.id));
    if (totalHidden || hiddenGroups.length === 0) break;
    const remainder = hiddenGroups.reduce((s, g) => s + g.value, 0);
    const size = hiddenGroups.reduce((s, g) => s + g.n, 0);
    if (remainder > 0 && remainder < size) break;
    const next = live.filter((g) => !hidden.has(g.id)).sort((a, b) => a.n - b.n)[0];
    if (next) hidden.add(next.id);
    else totalHidden = true;
  }
  for (const g of groups) if (g.n < minGroup && g.n > 0) hidden.add(g.id);
  return { hidden, totalHidden };
}
