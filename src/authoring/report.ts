import type { TFunction } from 'i18next';
import { audienceFigures, scenarioFigures } from './figures.ts';
import type { Project } from './load.ts';

/** A plain-text table: left-aligned first column, the rest right-aligned, a rule under the heading. */
export function table(headings: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headings.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(headings), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

/**
 * The closing tables of `npm run check`: per scenario its size, score range and number of
 * paths; per audience whether the pass mark can be reached and the worst-case suspend data.
 */
export function summaryTables(project: Project, t: TFunction): string[] {
  const h = (key: string) => t(`tables.${key}`);
  const scenarios = [...project.scenarios.values()].map(scenarioFigures).map((f) => [
    f.id,
    String(f.nodes),
    String(f.decisions),
    String(f.endings),
    `${f.min}–${f.max}`,
    f.paths === Infinity ? h('infinite') : String(f.paths),
  ]);
  const lines = [h('scenarios'), ...table([h('scenario'), h('nodes'), h('decisions'), h('endings'), h('score'), h('paths')], scenarios)];
  if (project.course) {
    const audiences = audienceFigures(project.course, project.scenarios).map((f) => [
      f.audience,
      String(f.scenarios),
      String(f.maxScore),
      `${f.passMark} %`,
      f.reachable ? h('yes') : h('no'),
      `${f.growing.length ? t('tables.growing', { length: f.suspendData }) : f.suspendData} / ${f.suspendDataLimit}`,
    ]);
    const headings = [h('audience'), h('scenarioCount'), h('maxScore'), h('passMark'), h('reachable'), h('suspendData')];
    lines.push('', h('audiences'), ...table(headings, audiences));
  }
  return lines;
}
