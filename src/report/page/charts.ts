import * as Plot from '@observablehq/plot';
import type { ReportData } from '../summary.ts';
import type { ReportText } from '../text.ts';

/**
 * The report's charts, as SVG from Observable Plot. Each is decorative beside the table that
 * holds the same figures (the table is what a screen reader reads), so each is aria-hidden.
 */
const COLOURS = { notStarted: '#8a96a3', inProgress: '#a66b00', completed: '#005ab5' };

const KEYS = ['completed', 'inProgress', 'notStarted'] as const;

function quiet(node: SVGSVGElement | HTMLElement): Element {
  node.setAttribute('aria-hidden', 'true');
  return node;
}

export function participationChart(data: ReportData, t: ReportText, unitName: (u: string) => string): Element {
  const parts = KEYS.flatMap((key) =>
    data.units.map((u) => ({ unit: unitName(u.unit), key: t(`participation.${key}`), share: u.learners ? u[key] / u.learners : 0, colour: COLOURS[key] })),
  );
  return quiet(
    Plot.plot({
      marginLeft: 200,
      width: 760,
      height: 40 + data.units.length * 34,
      x: { label: null, percent: true, domain: [0, 100], tickFormat: (d: number) => `${d} %` },
      y: { label: null, domain: data.units.map((u) => unitName(u.unit)) },
      color: { domain: KEYS.map((k) => t(`participation.${k}`)), range: KEYS.map((k) => COLOURS[k]), legend: true },
      marks: [Plot.barX(parts, Plot.stackX({ x: 'share', y: 'unit', fill: 'key', order: null })), Plot.ruleX([data.settings.target], { stroke: '#1f2328', strokeWidth: 2, strokeDasharray: '4 3' })],
    }),
  );
}

export function scoreChart(bins: readonly number[], t: ReportText, passMark: number): Element {
  const rows = bins.map((count, i) => ({ bin: `${i * 10}–${i === 9 ? 100 : i * 10 + 9}`, count, passed: i * 10 >= passMark }));
  return quiet(
    Plot.plot({
      width: 640,
      height: 240,
      x: { label: t('results.bin'), domain: rows.map((r) => r.bin) },
      y: { label: t('results.count'), grid: true },
      marks: [Plot.barY(rows, { x: 'bin', y: 'count', fill: (r: (typeof rows)[number]) => (r.passed ? '#005ab5' : '#c2185b') }), Plot.ruleY([0])],
    }),
  );
}

export function monthChart(data: ReportData, t: ReportText): Element {
  const rows = data.months.flatMap((m) => [
    { month: m.month, what: t('participation.started'), count: m.started },
    { month: m.month, what: t('participation.completed'), count: m.completed },
  ]);
  return quiet(
    Plot.plot({
      width: 640,
      height: 200,
      x: { label: null, axis: null },
      fx: { label: t('participation.month') },
      y: { label: null, grid: true },
      color: { legend: true, range: ['#a66b00', '#005ab5'] },
      marks: [Plot.barY(rows, { fx: 'month', x: 'what', y: 'count', fill: 'what' }), Plot.ruleY([0])],
    }),
  );
}
