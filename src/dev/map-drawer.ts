import { LitElement, css, html, type PropertyValues } from 'lit';
import type { Subscription } from 'xstate';
import type { Screen } from '../engine/events.ts';
import { eventsToNode } from '../engine/jump.ts';
import { screenOf } from '../engine/screen.ts';
import type { ScenarioSpec } from '../model/scenario.ts';
import { viewStyles, type Translate } from '../ui/shared.ts';
import { kindOf, layoutScenario, type MapLayout } from './map-layout.ts';
import './map-legend.ts';
import { loadSettings, saveSettings, type MapSettings } from './map-settings.ts';
import type { Preview } from './preview.ts';
import './scenario-map.ts';
import { canvasMeasure } from './text-measure.ts';

const ZOOM_STEP = 1.25;
const clampScale = (s: number) => Math.min(2.5, Math.max(0.25, s));

/**
 * The map beside the preview: a toggle, then a side panel with the scenario's map, zoom,
 * a scenario picker and the legend. Choosing a node restarts the preview at that node.
 * Its settings survive the reload that follows every save.
 */
export class MapDrawer extends LitElement {
  static override styles = [
    viewStyles,
    css`
      :host {
        font-size: 0.9375rem;
      }
      .toggle {
        position: fixed;
        right: var(--space-4);
        bottom: var(--space-4);
        z-index: 10;
        box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
        border-radius: 999px;
      }
      aside {
        position: fixed;
        inset: 0 0 0 auto;
        z-index: 10;
        width: var(--dev-drawer-width);
        display: flex;
        flex-direction: column;
        background: var(--color-surface);
        border-left: 1px solid var(--color-border);
        box-shadow: -4px 0 16px rgb(0 0 0 / 0.08);
      }
      header,
      .tools,
      map-legend,
      [role='status'] {
        padding: var(--space-2) var(--space-4);
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        border-bottom: 1px solid var(--color-border);
      }
      h2 {
        margin: 0;
        font-size: 1.0625rem;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--space-2);
      }
      .tools button,
      header button,
      select {
        font: inherit;
        min-height: 36px;
        background: var(--color-surface);
        color: var(--color-text);
        border: 1px solid var(--color-border);
        border-radius: var(--radius);
        padding: 0 var(--space-3);
      }
      select:focus-visible {
        outline: 3px solid var(--color-focus);
      }
      .zoom {
        min-width: 3.5rem;
        text-align: center;
        color: var(--color-muted);
        font-variant-numeric: tabular-nums;
      }
      label {
        display: flex;
        align-items: center;
        gap: var(--space-2);
        margin-right: auto;
      }
      scenario-map {
        flex: 1;
        border-top: 1px solid var(--color-border);
        border-bottom: 1px solid var(--color-border);
      }
      [role='status'] {
        margin: 0;
        min-height: 1.5em;
        color: var(--color-muted);
      }
    `,
  ];
  static override properties = {
    t: { attribute: false },
    preview: { attribute: false },
    _settings: { state: true },
    _screen: { state: true },
    _status: { state: true },
  };

  declare t: Translate;
  declare preview: Preview;
  declare _settings: MapSettings;
  declare _screen: Screen | null;
  declare _status: string;
  #subscription?: Subscription;
  #layouts = new Map<string, MapLayout>();
  #measure = canvasMeasure();

  constructor() {
    super();
    this._settings = loadSettings();
    this._screen = null;
    this._status = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#watch();
    this.#pushPage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#subscription?.unsubscribe();
  }

  /** Follows the actor shown, which a jump replaces. */
  #watch(): void {
    this.#subscription?.unsubscribe();
    const actor = this.preview.actor();
    this._screen = screenOf(actor.getSnapshot());
    this.#subscription = actor.subscribe((snapshot) => (this._screen = screenOf(snapshot)));
  }

  #set(change: Partial<MapSettings>): void {
    this._settings = { ...this._settings, ...change };
    saveSettings(this._settings);
    this.#pushPage();
  }

  /** The open panel takes its width from the page rather than covering the preview. */
  #pushPage(): void {
    document.body.classList.toggle('dev-map-open', this._settings.open);
  }

  get #scenario(): ScenarioSpec | undefined {
    const { scenarios } = this.preview.course;
    const following = this._screen && 'scenarioId' in this._screen ? this._screen.scenarioId : undefined;
    const id = this._settings.scenarioId ?? following;
    return scenarios.find((s) => s.id === id) ?? scenarios[0];
  }

  // Captions are in the dev language, so a language change lays the maps out again.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('t')) this.#layouts.clear();
  }

  #layout(spec: ScenarioSpec): MapLayout {
    const key = spec.id;
    let layout = this.#layouts.get(key);
    if (!layout) {
      layout = layoutScenario(spec, this.#measure, (node) =>
        node.kind === 'ending'
          ? this.t('map.caption.ending', { outcome: this.t(`map.outcome.${node.outcome}`) })
          : this.t(`map.caption.${kindOf(node)}`, { count: node.choices.length }),
      );
      this.#layouts.set(key, layout);
    }
    return layout;
  }

  /** The map's width over the graph's: small graphs at full size, large ones still legible. */
  #fitScale(layout: MapLayout): number {
    const width = this.renderRoot.querySelector('scenario-map')?.clientWidth ?? 600;
    return clampScale(Math.min(1, (width - 8) / Math.max(1, layout.width)));
  }

  #jump(spec: ScenarioSpec, nodeId: string): void {
    const events = eventsToNode(this.preview.course, spec.id, nodeId);
    if (!events) {
      this._status = this.t('map.unreachable', { node: nodeId });
      return;
    }
    this.preview.restart(events);
    this.#watch();
    this._status = this.t('map.jumped', { node: nodeId });
  }

  override render() {
    if (!this._settings.open) {
      return html`<button class="toggle primary" aria-expanded="false" @click=${() => this.#set({ open: true })}>
        ${this.t('map.open')}
      </button>`;
    }
    const spec = this.#scenario;
    const layout = spec ? this.#layout(spec) : null;
    const screen = this._screen;
    const here = screen && spec && 'scenarioId' in screen && screen.scenarioId === spec.id ? screen : null;
    const current = here ? ('nodeId' in here ? here.nodeId : 'endingId' in here ? here.endingId : null) : null;
    const scale = this._settings.scale ?? (layout ? Math.max(0.75, this.#fitScale(layout)) : 1);
    const zoom = (s: number) => this.#set({ scale: clampScale(s) });
    return html`<aside aria-labelledby="map-title" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#set({ open: false })}>
      <header>
        <h2 id="map-title">${this.t('map.title')}</h2>
        <button aria-label=${this.t('map.close')} @click=${() => this.#set({ open: false })}>✕</button>
      </header>
      <div class="tools">
        <label>${this.t('map.scenario')}
          <select @change=${(e: Event) => this.#set({ scenarioId: (e.target as HTMLSelectElement).value })}>
            ${this.preview.course.scenarios.map(
              (s) => html`<option value=${s.id} ?selected=${s.id === spec?.id}>${this.preview.text(`scenario.${s.id}:title`)}</option>`,
            )}
          </select>
        </label>
        <button aria-label=${this.t('map.zoomOut')} title=${this.t('map.zoomOut')} @click=${() => zoom(scale / ZOOM_STEP)}>−</button>
        <span class="zoom" aria-live="polite">${Math.round(scale * 100)} %</span>
        <button aria-label=${this.t('map.zoomIn')} title=${this.t('map.zoomIn')} @click=${() => zoom(scale * ZOOM_STEP)}>+</button>
        <button @click=${() => layout && zoom(this.#fitScale(layout))}>${this.t('map.fit')}</button>
      </div>
      <map-legend .t=${this.t}></map-legend>
      <scenario-map .t=${this.t} .layout=${layout} .current=${current} .scale=${scale}
        @node-activate=${(e: CustomEvent<{ nodeId: string }>) => spec && this.#jump(spec, e.detail.nodeId)}></scenario-map>
      <p role="status">${this._status}</p>
    </aside>`;
  }
}

customElements.define('map-drawer', MapDrawer);
declare global {
  interface HTMLElementTagNameMap {
    'map-drawer': MapDrawer;
  }
}
