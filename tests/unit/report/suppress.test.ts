import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protect, protectPartition, type Figure } from '../../../src/report/suppress.ts';
import { buildReport, importAll } from '../../../src/report/report.ts';
import { exportFiles, theCourse } from './helpers.ts';

/**
 * An independent check, in exact rational arithmetic: a hidden figure can be derived from the
 * shown ones exactly when its vector lies in their span, i.e. when no change of the unknowns
 * keeps every shown figure but moves the hidden one.
 */
function derivable(hidden: readonly number[], shown: readonly (readonly number[])[]): boolean {
  type Q = [bigint, bigint];
  const norm = ([n, d]: Q): Q => {
    if (d < 0n) [n, d] = [-n, -d];
    const g = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : g(b, a % b));
    const k = g(n, d) || 1n;
    return [n / k, d / k];
  };
  const sub = (a: Q, b: Q, f: Q): Q => norm([a[0] * b[1] * f[1] - b[0] * f[0] * a[1], a[1] * b[1] * f[1]]);
  const rank = (rows: (readonly number[])[]): number => {
    const m: Q[][] = rows.map((r) => r.map((x): Q => [BigInt(x), 1n]));
    let r = 0;
    for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
      const p = m.findIndex((row, i) => i >= r && row[c]![0] !== 0n);
      if (p < 0) continue;
      [m[r], m[p]] = [m[p]!, m[r]!];
      for (let i = 0; i < m.length; i++) {
        if (i === r || m[i]![c]![0] === 0n) continue;
        const f = norm([m[i]![c]![0] * m[r]![c]![1], m[i]![c]![1] * m[r]![c]![0]]);
        m[i] = m[i]!.map((x, j) => sub(x, m[r]![j]!, f));
      }
      r++;
    }
    return r;
  };
  return rank([...shown]) === rank([...shown, hidden]);
}

describe('complementary suppression', () => {
  it('no hidden figure is in the span of the shown ones (random tables, graphs and fixed facts)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            rows: fc.array(fc.record({ vector: fc.array(fc.integer({ min: -1, max: 1 }), { minLength: n, maxLength: n }), primary: fc.boolean(), fixed: fc.boolean(), cost: fc.nat(20) }), { minLength: 1, maxLength: 10 }),
          }),
        ),
        ({ rows }) => {
          const figures: Figure[] = rows.map((r, i) => ({ id: `f${i}`, vector: r.vector, primary: r.primary && !r.fixed, fixed: r.fixed && !r.primary, cost: r.cost }));
          const hidden = protect(figures);
          const shown = figures.filter((f) => !hidden.has(f.id)).map((f) => f.vector);
          const fixed = figures.filter((f) => f.fixed).map((f) => f.vector);
          for (const f of figures) {
            if (f.primary) expect(hidden.has(f.id)).toBe(true);
            if (f.fixed) expect(hidden.has(f.id)).toBe(false);
            // Only what follows from the fixed facts alone (or is zero) cannot be protected.
            const inherent = f.vector.every((x) => x === 0) || (fixed.length > 0 && derivable(f.vector, fixed));
            if (hidden.has(f.id) && !inherent) expect(derivable(f.vector, shown)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('no hidden count can be pinned down by any assignment of counts that shows the same figures (zeros included)', () => {
    // Unknowns are counts; shown figures have non-negative coefficients (choices, endings), the
    // fixed facts may subtract (flow through a decision). Every assignment in 0..6 is tried.
    const LIMIT = 6;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((n) =>
          fc.record({
            values: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
            rows: fc.array(fc.record({ vector: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }), primary: fc.boolean(), cost: fc.nat(9) }), { minLength: 1, maxLength: 6 }),
            facts: fc.array(fc.array(fc.integer({ min: -1, max: 1 }), { minLength: n, maxLength: n }), { maxLength: 2 }),
          }),
        ),
        ({ values, rows, facts }) => {
          const dot = (v: readonly number[], x: readonly number[]) => v.reduce((s, c, j) => s + c * x[j]!, 0);
          const figures: Figure[] = [
            ...rows.map((r, i) => ({ id: `f${i}`, vector: r.vector, primary: r.primary, cost: r.cost, value: dot(r.vector, values) })),
            ...facts.map((v, i) => ({ id: `fact${i}`, vector: v, primary: false, fixed: true, cost: 0, value: dot(v, values) })),
          ];
          const hidden = protect(figures);
          const shown = figures.filter((f) => !hidden.has(f.id));
          const seen = new Map<string, Set<number>>(figures.filter((f) => hidden.has(f.id)).map((f) => [f.id, new Set<number>()]));
          const walk = (x: number[]) => {
            if (x.length === values.length) {
              if (shown.every((f) => dot(f.vector, x) === f.value)) for (const f of figures) seen.get(f.id)?.add(dot(f.vector, x));
              return;
            }
            for (let v = 0; v <= LIMIT; v++) walk([...x, v]);
          };
          walk([]);
          for (const f of figures) {
            if (f.primary) expect(hidden.has(f.id)).toBe(true);
            // What the fixed facts alone decide cannot be protected by hiding anything.
            const decidedByFacts = (() => {
              const byFacts = new Set<number>();
              const walkFacts = (x: number[]) => {
                if (x.length === values.length) {
                  if (figures.filter((g) => g.fixed).every((g) => dot(g.vector, x) === g.value)) byFacts.add(dot(f.vector, x));
                  return;
                }
                for (let v = 0; v <= LIMIT; v++) walkFacts([...x, v]);
              };
              walkFacts([]);
              return byFacts.size <= 1;
            })();
            if (hidden.has(f.id) && !decidedByFacts) expect(seen.get(f.id)!.size, f.id).toBeGreaterThan(1);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a hidden unit\'s passed count cannot be worked out from the shown units and the total, by subtraction or by bounds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 8 }).chain((n) => fc.record({ n: fc.constant(n), value: fc.integer({ min: 0, max: n }) })), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 3, max: 6 }),
        (units, minGroup) => {
          const groups = units.map((u, i) => ({ id: `u${i}`, ...u }));
          const total = { id: 'total', n: groups.reduce((s, g) => s + g.n, 0), value: groups.reduce((s, g) => s + g.value, 0) };
          const { hidden, totalHidden } = protectPartition(groups, total, minGroup);
          // Nothing under the threshold is shown.
          for (const g of groups) if (g.n > 0 && g.n < minGroup) expect(hidden.has(g.id)).toBe(true);
          if (total.n < minGroup) expect(totalHidden).toBe(true);
          // Brute force: every assignment of passed counts within each hidden unit's size that
          // matches what is shown; a hidden unit is safe if it can take two values.
          const hiddenGroups = groups.filter((g) => hidden.has(g.id) && g.n > 0);
          const shownSum = groups.filter((g) => !hidden.has(g.id)).reduce((s, g) => s + g.value, 0);
          const possible = hiddenGroups.map(() => new Set<number>());
          const walk = (i: number, values: number[]) => {
            if (i === hiddenGroups.length) {
              if (totalHidden || shownSum + values.reduce((s, v) => s + v, 0) === total.value) values.forEach((v, j) => possible[j]!.add(v));
              return;
            }
            for (let v = 0; v <= hiddenGroups[i]!.n; v++) walk(i + 1, [...values, v]);
          };
          walk(0, []);
          possible.forEach((values) => expect(values.size).toBeGreaterThan(1));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('on the real exports, no unit result, decision or ending under the threshold is shown', async () => {
    const course = theCourse();
    const imported = await importAll(exportFiles(), course);
    for (const [minGroup, period] of [[3, {}], [5, {}], [8, {}], [3, { from: '2027-01' }]] as const) {
      const { data } = buildReport(imported, course, { minGroup, target: 0.9, ...period });
      // The indicator table shows the results table's figures, never others that could be subtracted.
      for (const r of data.indicators.rows) expect(r.passed).toBe(data.units.find((u) => u.unit === r.unit)?.results?.passed ?? null);
      for (const u of data.units) if (u.results && u.results.assessed > 0) expect(u.results.assessed).toBeGreaterThanOrEqual(minGroup);
      for (const d of data.decisions) if (d.choices) expect(d.answered).toBeGreaterThanOrEqual(minGroup);
      for (const d of data.decisions) if (d.answered !== null) expect(d.answered).toBeGreaterThanOrEqual(minGroup);
      for (const s of data.scenarios) if (s.endings) expect(s.played).toBeGreaterThanOrEqual(minGroup);
    }
    // With the default of 5, every unit has fewer than 5 assessed: all hidden, and the total still shown.
    const { data } = buildReport(imported, course, { minGroup: 5, target: 0.9 });
    expect(data.units.every((u) => u.results === null)).toBe(true);
    expect(data.total.passed).toBe(13);
  });
});
