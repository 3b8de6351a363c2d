import { html, nothing, type TemplateResult } from 'lit';
import { textIn, type ReportCourse, type ReportDecision } from '../course-model.ts';
import type { DecisionRow, ReportData, Results, Spread } from '../summary.ts';
import { percent, type ReportText } from '../text.ts';
import { monthChart, participationChart, scoreChart } from './charts.ts';

/** The report's sections as templates; the app element holds the state. */
export interface ViewContext {
  readonly data: ReportData;
  readonly course: ReportCourse;
  readonly t: ReportText;
  readonly lng: string;
}

const num = (n: number | null | undefined, t: ReportText, lng = 'sv') => (n === null || n === undefined ? t('suppressed') : n.toLocaleString(lng === 'sv' ? 'sv-SE' : 'en-GB'));
const pct = (part: number | null | undefined, whole: number, c: ViewContext) => (part === null || part === undefined || whole === 0 ? c.t('suppressed') : percent(part / whole, c.lng));
const spread = (s: Spread | null | undefined, c: ViewContext) => (s ? `${num(s.q1, c.t, c.lng)}–${num(s.q3, c.t, c.lng)}` : c.t('suppressed'));
export const unitName = (unit: string, t: ReportText) => unit || t('participation.noUnit');
const audienceName = (id: string | null, c: ViewContext) => {
  const a = c.course.audiences.find((x) => x.id === id);
  return a ? textIn(a.title, c.lng) : c.t('participation.noAudience');
};

export function participationView(c: ViewContext): TemplateResult {
  const { data, t } = c;
  const target = data.settings.target;
  const row = (label: string, r: { learners: number; notStarted: number; inProgress: number; completed: number }, header = false) => {
    const share = r.learners ? r.completed / r.learners : 0;
    const cells = html`<td class="n">${r.learners}</td><td class="n">${r.notStarted}</td><td class="n">${r.inProgress}</td><td class="n">${r.completed}</td>
      <td class="n">${percent(share, c.lng)}</td><td>${share >= target ? t('participation.reached') : t('participation.notReached')}</td>`;
    return header ? html`<tr><th scope="row">${label}</th>${cells}</tr>` : html`<tr><th scope="row">${label}</th>${cells}</tr>`;
  };
  const head = (first: string) => html`<thead><tr><th scope="col">${first}</th><th scope="col" class="n">${t('participation.learners')}</th>
    <th scope="col" class="n">${t('participation.notStarted')}</th><th scope="col" class="n">${t('participation.inProgress')}</th>
    <th scope="col" class="n">${t('participation.completed')}</th><th scope="col" class="n">${t('participation.completedShare')}</th>
    <th scope="col">${t('participation.target', { target: Math.round(target * 100) })}</th></tr></thead>`;
  return html`<section aria-labelledby="participation">
    <h2 id="participation" tabindex="-1">${t('participation.heading')}</h2>
    <figure>${participationChart(data, t, (u) => unitName(u, t))}</figure>
    <table id="units-table">
      ${head(t('participation.unit'))}
      <tbody>${data.units.map((u) => row(unitName(u.unit, t), u))}</tbody>
      <tfoot>${row(t('participation.total'), data.total)}</tfoot>
    </table>
    ${data.ambiguous > 0 ? html`<p class="note">${t('participation.ambiguous', { count: data.ambiguous })}</p>` : nothing}
    <h3>${t('participation.byAudience')}</h3>
    <table>
      ${head(t('participation.audience'))}
      <tbody>${data.audiences.map((a) => row(audienceName(a.audience, c), a))}</tbody>
    </table>
    <h3>${t('participation.byMonth')}</h3>
    <figure>${monthChart(data, t)}</figure>
    <table>
      <thead><tr><th scope="col">${t('participation.month')}</th><th scope="col" class="n">${t('participation.started')}</th><th scope="col" class="n">${t('participation.completed')}</th></tr></thead>
      <tbody>${data.months.map((m) => html`<tr><th scope="row">${m.month}</th><td class="n">${m.started}</td><td class="n">${m.completed}</td></tr>`)}</tbody>
    </table>
  </section>`;
}

export function outstandingView(c: ViewContext, download: () => void): TemplateResult {
  const { data, t } = c;
  return html`<h3 id="outstanding">${t('participation.outstanding', { count: data.outstanding.length })}</h3>
    <p class="note">${t('participation.outstandingHelp')}</p>
    <button @click=${download}>${t('participation.downloadOutstanding')}</button>
    <details>
      <summary>${t('participation.outstanding', { count: data.outstanding.length })}</summary>
      <table>
        <thead><tr><th scope="col">${t('participation.name')}</th><th scope="col">${t('participation.email')}</th><th scope="col">${t('participation.unit')}</th>
          <th scope="col">${t('participation.status')}</th><th scope="col">${t('participation.lastAccessed')}</th></tr></thead>
        <tbody>${data.outstanding.map((o) => html`<tr><td>${o.name}</td><td>${o.email}</td><td>${unitName(o.unit, t)}</td><td>${t(`status.${o.participation}`)}</td><td>${o.lastAccessed?.replace('T', ' ') ?? ''}</td></tr>`)}</tbody>
      </table>
    </details>`;
}

export function resultsView(c: ViewContext): TemplateResult {
  const { data, t } = c;
  const cells = (r: Results | null) => html`<td class="n">${num(r?.assessed, t)}</td><td class="n">${num(r?.passed, t)}</td><td class="n">${num(r?.failed, t)}</td>
    <td class="n">${r ? pct(r.passed, r.assessed, c) : t('suppressed')}</td><td class="n">${num(r?.score?.median, t, c.lng)}</td><td class="n">${spread(r?.score, c)}</td>
    <td class="n">${num(r?.minutes?.median, t, c.lng)}</td><td class="n">${spread(r?.minutes, c)}</td>`;
  return html`<section aria-labelledby="results">
    <h2 id="results" tabindex="-1">${t('results.heading')}</h2>
    <p class="note">${t('results.passMark', { passMark: data.course.passMark })} ${t('suppressedNote', { minGroup: data.settings.minGroup })}</p>
    ${data.settings.from || data.settings.to ? html`<p>${t('results.period', { from: data.settings.from ?? '', to: data.settings.to ?? '' })}</p>` : nothing}
    <table id="results-table">
      <thead><tr><th scope="col">${t('participation.unit')}</th><th scope="col" class="n">${t('results.assessed')}</th><th scope="col" class="n">${t('participation.passed')}</th>
        <th scope="col" class="n">${t('participation.failed')}</th><th scope="col" class="n">${t('results.passRate')}</th><th scope="col" class="n">${t('results.scoreMedian')}</th>
        <th scope="col" class="n">${t('results.scoreSpread')}</th><th scope="col" class="n">${t('results.minutesMedian')}</th><th scope="col" class="n">${t('results.minutesSpread')}</th></tr></thead>
      <tbody>${data.units.map((u) => html`<tr><th scope="row">${unitName(u.unit, t)}</th>${cells(u.results)}</tr>`)}</tbody>
      <tfoot><tr><th scope="row">${t('participation.total')}</th>${cells(data.total.results)}</tr></tfoot>
    </table>
    <p class="note">${t('results.minutesNote')}</p>
    ${data.scoreBins
      ? html`<h3>${t('results.distribution')}</h3>
          <figure>${scoreChart(data.scoreBins, t, data.course.passMark)}</figure>
          <table>
            <thead><tr><th scope="col">${t('results.bin')}</th><th scope="col" class="n">${t('results.count')}</th></tr></thead>
            <tbody>${data.scoreBins.map((n, i) => html`<tr><th scope="row">${i * 10}–${i === 9 ? 100 : i * 10 + 9}</th><td class="n">${n}</td></tr>`)}</tbody>
          </table>`
      : nothing}
  </section>`;
}

export function scenariosView(c: ViewContext): TemplateResult {
  const { data, t, course } = c;
  const rows = data.scenarios.filter((s) => s.played > 0 || s.skipped > 0);
  return html`<section aria-labelledby="scenarios">
    <h2 id="scenarios" tabindex="-1">${t('scenarios.heading')}</h2>
    <table>
      <thead><tr><th scope="col">${t('scenarios.scenario')}</th><th scope="col" class="n">${t('scenarios.played')}</th><th scope="col" class="n">${t('scenarios.skipped')}</th>
        <th scope="col" class="n">${t('scenarios.short')}</th><th scope="col" class="n">${t('scenarios.finished')}</th><th scope="col">${t('scenarios.endings')}</th></tr></thead>
      <tbody>${rows.map((s) => {
        const scenario = course.scenarios[s.scenario];
        return html`<tr><th scope="row">${scenario ? textIn(scenario.title, c.lng) : s.scenario}</th><td class="n">${s.played}</td><td class="n">${s.skipped}</td><td class="n">${s.short}</td><td class="n">${s.finished}</td>
          <td>${s.endings
            ? html`<ul>${s.endings.map((e) => {
                const node = scenario?.nodes[e.id];
                const title = node?.kind === 'ending' ? `${textIn(node.title, c.lng)} (${t(`outcome.${node.outcome}`)})` : e.id;
                return html`<li>${title}: ${num(e.count, t)}</li>`;
              })}</ul>`
            : t('suppressed')}</td></tr>`;
      })}</tbody>
    </table>
  </section>`;
}

export function decisionTable(d: DecisionRow, c: ViewContext): TemplateResult {
  const { t, course } = c;
  const scenario = course.scenarios[d.scenario];
  const node = scenario?.nodes[d.node] as ReportDecision | undefined;
  const label = node ? textIn(node.label, c.lng) : d.node;
  return html`<details><summary>${label} <span class="note">(${scenario ? textIn(scenario.title, c.lng) : d.scenario} · ${t('decisions.answered')}: ${num(d.answered, t)} · ${t('decisions.poor')}: ${d.poorShare === null ? t('suppressed') : percent(d.poorShare, c.lng)})</span></summary>
  <table data-decision=${`${d.scenario}.${d.node}`}>
    <caption>${label} <span class="note">(${d.scenario}.${d.node})</span></caption>
    <thead><tr><th scope="col">${t('decisions.choice')}</th><th scope="col">${t('decisions.quality')}</th><th scope="col" class="n">${t('decisions.share')}</th></tr></thead>
    <tbody>${(node?.choices ?? []).map((choice) => {
      const share = d.choices?.find((x) => x.id === choice.id)?.share;
      return html`<tr data-choice=${choice.id}><td>${textIn(choice.text, c.lng)} <span class="note">(${choice.id})</span></td>
        <td class=${choice.quality}>${t(`quality.${choice.quality}`)}</td><td class="n">${share === undefined ? t('suppressed') : percent(share, c.lng)}</td></tr>`;
    })}</tbody>
  </table></details>`;
}

export function indicatorsView(c: ViewContext, actions: { csv: () => void; xlsx: () => void; print: () => void; save: () => void }): TemplateResult {
  const { data, t } = c;
  const ind = data.indicators;
  const row = (label: string, r: { learners: number; completed: number; passed: number | null }) => html`<tr><th scope="row">${label}</th><td class="n">${r.learners}</td>
    <td class="n">${r.completed}</td><td class="n">${pct(r.completed, r.learners, c)}</td><td class="n">${num(r.passed, t)}</td><td class="n">${pct(r.passed, r.learners, c)}</td></tr>`;
  return html`<section aria-labelledby="indicators">
    <h2 id="indicators" tabindex="-1">${t('indicators.heading')}</h2>
    <p>${ind.from || ind.to ? t('indicators.period', { from: ind.from ?? '', to: ind.to ?? '' }) : `${t('indicators.period', { from: t('indicators.allTime'), to: '' }).replace(/\s*–\s*$/, '')}`}</p>
    <table id="indicator-table">
      <thead><tr><th scope="col">${t('participation.unit')}</th><th scope="col" class="n">${t('participation.learners')}</th><th scope="col" class="n">${t('participation.completed')}</th>
        <th scope="col" class="n">${t('indicators.completedShare')}</th><th scope="col" class="n">${t('participation.passed')}</th><th scope="col" class="n">${t('indicators.passedShare')}</th></tr></thead>
      <tbody>${ind.rows.map((r) => row(unitName(r.unit, t), r))}</tbody>
      <tfoot>${row(t('participation.total'), ind.total)}</tfoot>
    </table>
    <p class="note">${t('suppressedNote', { minGroup: data.settings.minGroup })}</p>
    <div class="row controls">
      <button @click=${actions.csv}>${t('indicators.csv')}</button>
      <button @click=${actions.xlsx}>${t('indicators.xlsx')}</button>
      <button @click=${actions.print}>${t('indicators.print')}</button>
      <button @click=${actions.save}>${t('indicators.save')}</button>
    </div>
  </section>`;
}
