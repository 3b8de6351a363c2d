/**
 * The smallest value of `c·x` over counts `x ≥ 0` with `A x = b`: a dense two-phase simplex
 * with Bland's rule (no cycling), for the small systems of one scenario or one table. Returns
 * `null` when no `x` fits, `-Infinity` when the value has no lower bound.
 */
const EPS = 1e-9;

export function minimise(c: readonly number[], a: readonly (readonly number[])[], b: readonly number[]): number | null {
  return solve(c, a, b)?.value ?? null;
}

/** The minimum and a point where it is reached (`x` is empty when unbounded). */
function solve(c: readonly number[], a: readonly (readonly number[])[], b: readonly number[]): { value: number; x: number[] } | null {
  const n = c.length;
  const m = a.length;
  // Tableau rows: [coefficients (n) | artificials (m) | right-hand side]; b made non-negative.
  const rows = a.map((row, i) => {
    const sign = (b[i] ?? 0) < 0 ? -1 : 1;
    return [...row.map((x) => x * sign), ...Array.from({ length: m }, (_, k) => (k === i ? 1 : 0)), (b[i] ?? 0) * sign];
  });
  const basis = rows.map((_, i) => n + i);
  const width = n + m + 1;
  const pivot = (r: number, col: number) => {
    const row = rows[r] as number[];
    const p = row[col] as number;
    for (let j = 0; j < width; j++) row[j] = (row[j] as number) / p;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const other = rows[i] as number[];
      const f = other[col] as number;
      if (Math.abs(f) < EPS) continue;
      for (let j = 0; j < width; j++) other[j] = (other[j] as number) - f * (row[j] as number);
    }
    basis[r] = col;
  };
  /** Runs the simplex for costs `cost` over the allowed columns; false when unbounded. */
  const run = (cost: readonly number[], allowed: (j: number) => boolean): boolean => {
    for (let guard = 0; guard < 10_000; guard++) {
      // Reduced cost of column j: cost[j] − Σ cost[basis[i]] · rows[i][j].
      let enter = -1;
      for (let j = 0; j < n + m && enter < 0; j++) {
        if (!allowed(j) || basis.includes(j)) continue;
        let reduced = cost[j] ?? 0;
        for (let i = 0; i < rows.length; i++) reduced -= (cost[basis[i] as number] ?? 0) * ((rows[i] as number[])[j] as number);
        if (reduced < -EPS) enter = j;
      }
      if (enter < 0) return true;
      let leave = -1;
      let best = Infinity;
      for (let i = 0; i < rows.length; i++) {
        const x = (rows[i] as number[])[enter] as number;
        if (x <= EPS) continue;
        const ratio = ((rows[i] as number[])[width - 1] as number) / x;
        if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && (basis[i] as number) < (basis[leave] ?? Infinity))) {
          best = ratio;
          leave = i;
        }
      }
      if (leave < 0) return false;
      pivot(leave, enter);
    }
    throw new Error('simplex did not finish');
  };
  const value = (cost: readonly number[]) => rows.reduce((s, row, i) => s + (cost[basis[i] as number] ?? 0) * (row[width - 1] as number), 0);
  // Phase 1: drive the artificials to zero.
  const phase1 = [...Array<number>(n).fill(0), ...Array<number>(m).fill(1)];
  run(phase1, () => true);
  if (value(phase1) > 1e-7) return null;
  // Artificials still in the basis sit at zero: swap them out, or drop their (redundant) rows.
  for (let i = rows.length - 1; i >= 0; i--) {
    if ((basis[i] as number) < n) continue;
    const col = (rows[i] as number[]).findIndex((x, j) => j < n && Math.abs(x) > EPS);
    if (col >= 0) pivot(i, col);
    else {
      rows.splice(i, 1);
      basis.splice(i, 1);
    }
  }
  const phase2 = [...c, ...Array<number>(m).fill(0)];
  if (!run(phase2, (j) => j < n)) return { value: -Infinity, x: [] };
  const x = Array<number>(n).fill(0);
  rows.forEach((row, i) => {
    if ((basis[i] as number) < n) x[basis[i] as number] = row[width - 1] as number;
  });
  return { value: value(phase2), x };
}

/**
 * The smallest value of `c·x` over whole counts `x ≥ 0` with `A x = b` (branch and bound on
 * the simplex), or `null` when none fits. Past `budget` branches it gives the relaxation's
 * bound, which only ever makes a range look wider: callers treat a narrow range as exposed.
 */
export function minimiseWhole(c: readonly number[], a: readonly (readonly number[])[], b: readonly number[], budget = 200): number | null {
  let left = budget;
  const branch = (bounds: readonly { j: number; upper: boolean; at: number }[]): number | null => {
    // Each bound is a row with a slack column of its own: x_j + s = at (upper) or x_j − s = at.
    const k = bounds.length;
    const rows = [
      ...a.map((row) => [...row, ...Array<number>(k).fill(0)]),
      ...bounds.map(({ j, upper }, i) => c.map((_, col): number => (col === j ? 1 : 0)).concat(Array.from({ length: k }, (_, s) => (s === i ? (upper ? 1 : -1) : 0)))),
    ];
    const sol = solve([...c, ...Array<number>(k).fill(0)], rows, [...b, ...bounds.map((x) => x.at)]);
    if (!sol || sol.value === -Infinity) return sol ? -Infinity : null;
    const j = sol.x.findIndex((v, col) => col < c.length && Math.abs(v - Math.round(v)) > 1e-6);
    if (j < 0) return Math.round(sol.value * 1e6) / 1e6;
    if (--left < 0) return sol.value;
    const v = sol.x[j] as number;
    const down = branch([...bounds, { j, upper: true, at: Math.floor(v) }]);
    const up = branch([...bounds, { j, upper: false, at: Math.ceil(v) }]);
    if (down === null) return up;
    if (up === null) return down;
    return Math.min(down, up);
  };
  return branch([]);
}

/** The least and greatest whole value `c·x` can take over whole counts with `A x = b`. */
export function wholeRange(c: readonly number[], a: readonly (readonly number[])[], b: readonly number[]): { min: number; max: number } | null {
  const min = minimiseWhole(c, a, b);
  const negMax = minimiseWhole(c.map((x) => -x), a, b);
  if (min === null || negMax === null) return null;
  return { min: Math.ceil(min - 1e-7) + 0, max: Math.floor(-negMax + 1e-7) + 0 };
}

/** The least and greatest value `c·x` can take over counts with `A x = b`. */
export function range(c: readonly number[], a: readonly (readonly number[])[], b: readonly number[]): { min: number; max: number } | null {
  const min = minimise(c, a, b);
  const negMax = minimise(c.map((x) => -x), a, b);
  if (min === null || negMax === null) return null;
  return { min, max: -negMax };
}
