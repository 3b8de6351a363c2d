import { LitElement, html, nothing } from 'lit';
import { course } from './course.ts';
import { layoutScenario } from '../../dev/map-layout.ts';
import '../../dev/scenario-map.ts';
import { textIn, type ReportDecision } from '../course-model.ts';
import { GENERIC_COLUMNS } from '../import/columns.ts';
import type { ColumnMapping } from '../import/import-file.ts';
import { indicatorCsv, indicatorXlsx, outstandingCsv } from '../indicator-files.ts';
import { embedData, reportPageName } from '../page-file.ts';
import { DEFAULT_SETTINGS, MIN_GROUP_FLOOR, type ReportData, type ReportSettings } from '../summary.ts';
import { percent, reportText, type ReportText } from '../text.ts';
import ReportWorker from './worker.ts?worker&inline';
import type { FromWorker } from './messages.ts';
import { appStyles } from './styles.ts';
import { decisionTable, indicatorsView, outstandingView, participationView, resultsView, scenariosView, type ViewContext } from './views.ts';

const MAPPINGS = 'trygg-rapport:kolumner';
/** The page as it was served, before any rendering: "save the report" puts the data into it. */
const pristine = `<!doctype html>\n${document.documentElement.outerHTML}`;

/** The follow-up report: pick or drop exports, read them in a worker, show the report. */
export class ReportApp extends LitElement {
  static override styles = appStyles;
  static override properties = {
    _t: { state: true },
    _data: { state: true },
    _progress: { state: true },
    _status: { state: true },
    _scenario: { state: true },
    _over: { state: true },
  };
  declare _t: ReportText | null;
  declare _data: ReportData | null;
  declare _progress: { done: number; total: number } | null;
  declare _status: string;
  declare _scenario: string;
  declare _over: boolean;
  #lng = 'sv';
  #settings: ReportSettings = DEFAULT_SETTINGS;
  #audiences: Record<string, string> = {};
  #mappings: Record<string, ColumnMapping> = {};
  #worker: Worker | null = null;
  #pending: File[] = [];

  constructor() {
    super();
    this._t = null;
    this._data = null;
    this._progress = null;
    this._status = '';
    this._scenario = '';
    this._over = false;
    const embedded = document.getElementById('report-data')?.textContent;
    if (embedded && embedded !== 'null') {
      this._data = JSON.parse(embedded) as ReportData;
      this.#settings = this._data.settings;
    }
    void this.#language('sv');
  }

  async #language(lng: string): Promise<void> {
    this.#lng = lng;
    document.documentElement.lang = lng;
    this._t = await reportText(lng);
    document.title = this._t('title', { course: textIn(course.title, lng) });
  }

  get #workerReady(): Worker {
    if (!this.#worker) {
      this.#worker = new ReportWorker();
      this.#worker.addEventListener('message', (e: MessageEvent<FromWorker>) => this.#message(e.data));
      this.#worker.addEventListener('error', (e: ErrorEvent) => this.#message({ type: 'failed', message: e.message }));
    }
    return this.#worker;
  }

  #message(m: FromWorker): void {
    const t = this._t;
    if (!t) return;
    if (m.type === 'progress') {
      const p = m.progress;
      this._progress = p.totalBytes > 0 ? { done: p.bytes, total: p.totalBytes } : { done: p.done, total: p.total };
      this._status = t('reading', { file: p.file, done: Math.min(p.done + 1, p.total), total: p.total });
    } else if (m.type === 'report') {
      this._data = m.data;
      this._progress = null;
      this._status = t('readingDone', { count: m.data.files.length });
    } else {
      this._progress = null;
      this._status = m.message;
    }
  }

  #read(files: readonly File[]): void {
    if (files.length === 0) return;
    this.#pending = [...this.#pending.filter((f) => !files.some((g) => g.name === f.name)), ...files];
    this._progress = { done: 0, total: files.length };
    this.#workerReady.postMessage({ type: 'files', files, settings: this.#settings, mappings: this.#mappings });
  }

  #update(): void {
    // A saved report holds its figures, not the files: there is nothing to recount from.
    if (this.#pending.length === 0) {
      this._status = this._t?.('settings.saved') ?? '';
      return;
    }
    this.#workerReady.postMessage({ type: 'settings', settings: this.#settings, audiences: this.#audiences });
  }

  #download(name: string, bytes: Uint8Array, type: string): void {
    const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  #applySettings(form: HTMLFormElement): void {
    const get = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const minGroup = Math.max(MIN_GROUP_FLOOR, Number(get('minGroup')) || DEFAULT_SETTINGS.minGroup);
    this.#settings = { minGroup, target: (Number(get('target')) || 90) / 100, ...(get('from') ? { from: get('from') } : {}), ...(get('to') ? { to: get('to') } : {}) };
    this.#update();
  }

  #applyMapping(form: HTMLFormElement, file: string): void {
    const data = new FormData(form);
    const mapping = Object.fromEntries(GENERIC_COLUMNS.flatMap((c) => (data.get(c) ? [[c, String(data.get(c))]] : [])));
    this.#mappings[file] = mapping;
    try {
      const saved = JSON.parse(localStorage.getItem(MAPPINGS) ?? '{}') as Record<string, ColumnMapping>;
      localStorage.setItem(MAPPINGS, JSON.stringify({ ...saved, [String(data.get('lms') || 'LMS')]: mapping }));
    } catch {
      // Storage blocked (a file page in some browsers): the mapping holds for this visit.
    }
    const again = this.#pending.filter((f) => f.name === file);
    this.#read(again);
  }

  override render() {
    const t = this._t;
    if (!t) return nothing;
    const data = this._data;
    const c: ViewContext | null = data ? { data, course, t, lng: this.#lng } : null;
    return html`<header>
        <button class="lang" lang=${this.#lng === 'sv' ? 'en' : 'sv'} @click=${() => void this.#language(this.#lng === 'sv' ? 'en' : 'sv')}>${t('language')}</button>
        <h1>${t('title', { course: textIn(course.title, this.#lng) })}</h1>
        <p class="privacy">${t('privacy')}</p>
      </header>
      <main>
        <div class="drop ${this._over ? 'over' : ''}" @dragover=${(e: DragEvent) => { e.preventDefault(); this._over = true; }}
          @dragleave=${() => (this._over = false)}
          @drop=${(e: DragEvent) => { e.preventDefault(); this._over = false; this.#read([...(e.dataTransfer?.files ?? [])]); }}>
          <p>${t('lead')}</p>
          <label class="pick">${t('pick')}<input type="file" multiple accept=".txt,.csv,.xlsx,.tsv"
            @change=${(e: Event) => this.#read([...((e.target as HTMLInputElement).files ?? [])])} /></label>
          <span>${t('drop')}</span>
        </div>
        ${this._progress ? html`<progress max=${this._progress.total} value=${this._progress.done} aria-label=${this._status}></progress>` : nothing}
        <p role="status" aria-live="polite">${this._status}</p>
        ${c ? this.#report(c) : nothing}
      </main>`;
  }

  #report(c: ViewContext) {
    const { data, t } = c;
    return html`${this.#files(c)}
      ${data.problems.length > 0
        ? html`<h2>${t('problem.heading')}</h2><ul class="problems">${data.problems.map((p) => html`<li>${t(`problem.${p.code}`, { ...p.values, file: p.file, row: p.row, column: p.column })}</li>`)}</ul>`
        : nothing}
      ${this.#mappingForms(c)}
      <form class="row controls" @submit=${(e: Event) => { e.preventDefault(); this.#applySettings(e.target as HTMLFormElement); }} aria-label=${t('settings.heading')}>
        <label>${t('settings.minGroup')}<input name="minGroup" type="number" min=${MIN_GROUP_FLOOR} .value=${String(data.settings.minGroup)} aria-describedby="min-help" /></label>
        <label>${t('settings.target')}<input name="target" type="number" min="1" max="100" .value=${String(Math.round(data.settings.target * 100))} /></label>
        <label>${t('settings.from')}<input name="from" type="month" .value=${data.settings.from ?? ''} /></label>
        <label>${t('settings.to')}<input name="to" type="month" .value=${data.settings.to ?? ''} /></label>
        <button class="primary" type="submit">${t('settings.apply')}</button>
      </form>
      <p id="min-help" class="note">${t('settings.minGroupHelp')}</p>
      <nav aria-label=${t('views.label')}><ul>${['participation', 'results', 'scenarios', 'decisions', 'indicators'].map((v) => html`<li><a href=${`#${v}`} @click=${(e: Event) => this.#jump(e, v)}>${t(`views.${v}`)}</a></li>`)}</ul></nav>
      ${participationView(c)}
      ${outstandingView(c, () => this.#download('ej-slutfort.csv', outstandingCsv(data, t), 'text/csv'))}
      ${resultsView(c)}
      ${scenariosView(c)}
      ${this.#decisions(c)}
      ${indicatorsView(c, {
        csv: () => this.#download('indikatorer.csv', indicatorCsv(data, t), 'text/csv'),
        xlsx: () => void indicatorXlsx(data, t).then((b) => this.#download('indikatorer.xlsx', b, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
        print: () => print(),
        save: () => this.#download(reportPageName(course.id), new TextEncoder().encode(embedData(pristine, data)), 'text/html'),
      })}`;
  }

  #jump(e: Event, id: string): void {
    e.preventDefault();
    const heading = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    heading?.scrollIntoView();
    heading?.focus();
  }

  #files(c: ViewContext) {
    const { data, t } = c;
    return html`<section class="files"><h2>${t('files.heading')}</h2>
      <table id="files-table">
        <thead><tr><th scope="col">${t('files.file')}</th><th scope="col">${t('files.kind')}</th><th scope="col" class="n">${t('files.rows')}</th>
          <th scope="col">${t('files.audience')}</th><th scope="col">${t('files.scorm')}</th></tr></thead>
        <tbody>${data.files.map((f) => html`<tr><td>${f.file}</td><td>${t(`kind.${f.kind}`)}</td><td class="n">${f.rows}</td>
          <td>${f.audience && !this.#audiences[f.file]
            ? textIn(course.audiences.find((a) => a.id === f.audience)?.title ?? {}, c.lng)
            : html`<select aria-label=${t('files.chooseAudience', { file: f.file })} @change=${(e: Event) => { this.#audiences[f.file] = (e.target as HTMLSelectElement).value; this.#update(); }}>
                <option value="">${t('files.unknownAudience')}</option>
                ${course.audiences.map((a) => html`<option value=${a.id} ?selected=${(this.#audiences[f.file] ?? f.audience) === a.id}>${textIn(a.title, c.lng)}</option>`)}
              </select>`}</td>
          <td>${f.scorm ?? ''}</td></tr>`)}</tbody>
      </table></section>`;
  }

  #mappingForms(c: ViewContext) {
    const { t } = c;
    let saved: Record<string, ColumnMapping> = {};
    try {
      saved = JSON.parse(localStorage.getItem(MAPPINGS) ?? '{}') as Record<string, ColumnMapping>;
    } catch {
      saved = {};
    }
    return c.data.files.filter((f) => f.kind === 'unknown' && f.headers.length > 0).map((f) => {
      const remembered = Object.entries(saved).find(([, m]) => Object.values(m).every((h) => f.headers.includes(h)));
      return html`<form class="controls" @submit=${(e: Event) => { e.preventDefault(); this.#applyMapping(e.target as HTMLFormElement, f.file); }}>
        <h3>${t('mapping.heading', { file: f.file })}</h3>
        <div class="row">
          <label>${t('mapping.lms')}<input name="lms" .value=${remembered?.[0] ?? ''} /></label>
          ${GENERIC_COLUMNS.map((col) => html`<label>${t('mapping.column', { field: col })}<select name=${col}>
            <option value="">${t('mapping.none')}</option>
            ${f.headers.map((h) => html`<option value=${h} ?selected=${remembered?.[1][col] === h}>${h}</option>`)}
          </select></label>`)}
          <button class="primary" type="submit">${t('mapping.apply')}</button>
        </div>
      </form>`;
    });
  }

  #decisions(c: ViewContext) {
    const { data, t } = c;
    const missing = data.missingDecisions;
    const shown = data.decisions.filter((d) => d.answered !== null && (!this._scenario || d.scenario === this._scenario));
    const ranked = [...shown].sort((a, b) => (b.poorShare ?? -1) - (a.poorShare ?? -1) || (b.acceptableShare ?? -1) - (a.acceptableShare ?? -1));
    const played = data.scenarios.filter((s) => s.played > 0);
    return html`<section aria-labelledby="decisions">
      <h2 id="decisions" tabindex="-1">${t('decisions.heading')}</h2>
      ${missing.scorm2004 > 0 ? html`<p class="note">${t('decisions.missing2004', { count: missing.scorm2004 })}</p>` : nothing}
      ${missing.notExported > 0 ? html`<p class="note">${t('decisions.missingNotExported', { count: missing.notExported })}</p>` : nothing}
      ${data.unknownAnswers > 0 ? html`<p class="note">${t('decisions.unknown', { count: data.unknownAnswers })}</p>` : nothing}
      <label class="row controls">${t('decisions.filter')}
        <select @change=${(e: Event) => (this._scenario = (e.target as HTMLSelectElement).value)}>
          <option value="">${t('decisions.all')}</option>
          ${played.map((s) => html`<option value=${s.scenario} ?selected=${this._scenario === s.scenario}>${textIn(course.scenarios[s.scenario]?.title ?? {}, c.lng)}</option>`)}
        </select>
      </label>
      ${this._scenario ? this.#map(c, this._scenario) : nothing}
      ${ranked.map((d) => decisionTable(d, c))}
    </section>`;
  }

  #map(c: ViewContext, id: string) {
    const scenario = course.scenarios[id];
    if (!scenario) return nothing;
    const notes: Record<string, string> = {};
    for (const d of c.data.decisions) {
      if (d.scenario !== id || !d.choices) continue;
      for (const choice of d.choices) notes[`${d.node}.${choice.id}`] = percent(choice.share, c.lng);
    }
    // The dev map draws the engine's structure; the report's scenario has the same shape.
    const spec = {
      id, version: 1, estimatedMinutes: 0, hasContentNote: false, start: scenario.start,
      nodes: Object.fromEntries(Object.values(scenario.nodes).map((n) => [n.id, n.kind === 'ending'
        ? { kind: 'ending' as const, id: n.id, outcome: n.outcome, takeaways: 0 }
        : { kind: 'situation' as const, id: n.id, question: (n as ReportDecision).kind === 'question', choices: n.choices.map((ch) => ({ id: ch.id, points: ch.points, quality: ch.quality, next: ch.next })) }])),
    };
    const measure = (text: string, bold: boolean) => text.length * (bold ? 9 : 7.5) + (bold ? 0 : 48);
    const layout = layoutScenario(spec, measure, (n) => (n.kind === 'ending' ? c.t('map.caption.ending', { outcome: c.t(`map.outcome.${n.outcome}`) }) : c.t(`map.caption.${n.question ? 'question' : 'situation'}`, { count: n.choices.length })));
    return html`<h3>${c.t('decisions.onMap')}</h3><scenario-map readonly .t=${c.t} .layout=${layout} .notes=${notes} .scale=${0.8} aria-hidden="true"></scenario-map>`;
  }
}

customElements.define('report-app', ReportApp);
declare global {
  interface HTMLElementTagNameMap {
    'report-app': ReportApp;
  }
}
