import { LitElement, css, html, svg, type PropertyValues } from 'lit';
import { emit, type Translate } from '../ui/shared.ts';
import { edgePath, type MapEdge, type MapLayout, type MapNode } from './map-layout.ts';
import { HIGHLIGHT, OUTCOME_FILL, QUALITY_STYLE } from './map-style.ts';

/**
 * A laid-out scenario as SVG: choices as arrows coloured and dashed by quality and labelled
 * with their ids, endings as pills, knowledge questions as hexagons, the learner's node
 * highlighted. It scrolls (drag the background to pan) and keeps the learner's node in view.
 * @fires node-activate - detail `{ nodeId }`, a node was clicked or chosen with the keyboard
 */
export class ScenarioMap extends LitElement {
  static override styles = css`
    :host {
      display: block;
      overflow: auto;
      background: #fbfcfd;
      cursor: grab;
      overscroll-behavior: contain;
    }
    :host(.panning) {
      cursor: grabbing;
    }
    svg {
      display: block;
      font-family: var(--font-body);
    }
    .node {
      cursor: pointer;
      outline: none;
    }
    .node:hover .shape {
      stroke-width: 3;
    }
    .node:focus-visible .shape {
      stroke: var(--color-focus);
      stroke-width: 4;
    }
    .id {
      font-size: 14px;
      font-weight: 700;
      fill: #102a43;
    }
    .caption,
    .edge-label,
    .marker-text {
      font-size: 12px;
      fill: #3d4852;
    }
    .edge-label,
    .badge {
      paint-order: stroke;
      stroke: #fbfcfd;
      stroke-width: 5px;
      stroke-linejoin: round;
    }
    .badge {
      font-size: 12px;
      font-weight: 700;
      fill: #1f2328;
    }
  `;
  static override properties = {
    t: { attribute: false },
    layout: { attribute: false },
    current: {},
    scale: { type: Number },
    notes: { attribute: false },
    readonly: { type: Boolean },
  };

  declare t: Translate;
  declare layout: MapLayout | null;
  /** The node the learner is at, if it is in this scenario. */
  declare current: string | null;
  declare scale: number;
  /** Text added to a choice's label, by `<node>.<choice>` (the report's choice shares). */
  declare notes: Readonly<Record<string, string>> | null;
  /** Nodes are not buttons (the report's map, where there is nowhere to jump). */
  declare readonly: boolean;
  #pan: { x: number; y: number; left: number; top: number } | null = null;

  constructor() {
    super();
    this.layout = null;
    this.current = null;
    this.scale = 1;
    this.notes = null;
    this.readonly = false;
    this.addEventListener('pointerdown', this.#panStart);
    this.addEventListener('pointermove', this.#panMove);
    this.addEventListener('pointerup', this.#panEnd);
    this.addEventListener('pointercancel', this.#panEnd);
  }

  override render() {
    const l = this.layout;
    if (!l) return null;
    return html`<svg viewBox="0 0 ${l.width} ${l.height}" width=${l.width * this.scale} height=${l.height * this.scale}
      role="group" aria-label=${this.t('map.label')}>
      <defs>${Object.entries(QUALITY_STYLE).map(([q, s]) => svg`<marker id="arrow-${q}" viewBox="0 0 10 10" refX="9" refY="5"
        markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill=${s.colour}></path></marker>`)}
        <marker id="arrow-start" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill="#1f2328"></path></marker>
      </defs>
      <g>${l.edges.map((e) => this.#edge(e))}</g>
      <g>${l.edges.map((e) => svg`<text class="edge-label" x=${e.label.x} y=${e.label.y + 4} text-anchor="middle"
        >${e.conditional ? `${e.id} ◇` : e.id}${this.notes?.[`${e.from}.${e.id}`] ? ` ${this.notes[`${e.from}.${e.id}`]}` : ''}</text>`)}</g>
      <g>${l.nodes.map((n) => this.#node(n))}</g>
    </svg>`;
  }

  #edge(e: MapEdge) {
    const style = QUALITY_STYLE[e.quality];
    const title = this.t('map.edge', { choice: e.id, quality: this.t(`map.quality.${e.quality}`), node: e.to });
    return svg`<path d=${edgePath(e.points)} fill="none" stroke=${style.colour} stroke-width="2.5" stroke-linecap="round"
      stroke-dasharray=${style.dash || 'none'} marker-end="url(#arrow-${e.quality})"><title>${title}</title></path>`;
  }

  #node(n: MapNode) {
    const here = n.id === this.current;
    const { width: w, height: h } = n;
    const fill = here ? HIGHLIGHT.fill : n.outcome ? OUTCOME_FILL[n.outcome] : '#ffffff';
    const stroke = here ? HIGHLIGHT.stroke : n.outcome ? QUALITY_STYLE[n.outcome].colour : '#8a96a3';
    const attrs = { fill, stroke, 'stroke-width': here ? 3 : n.kind === 'ending' ? 2.5 : 1.5 };
    const c = 14;
    const shape =
      n.kind === 'question'
        ? svg`<polygon class="shape" points="${c},0 ${w - c},0 ${w},${h / 2} ${w - c},${h} ${c},${h} 0,${h / 2}"
            fill=${attrs.fill} stroke=${attrs.stroke} stroke-width=${attrs['stroke-width']}></polygon>`
        : svg`<rect class="shape" width=${w} height=${h} rx=${n.kind === 'ending' ? h / 2 : 6}
            fill=${attrs.fill} stroke=${attrs.stroke} stroke-width=${attrs['stroke-width']}></rect>`;
    if (this.readonly) {
      return svg`<g transform="translate(${n.x - w / 2},${n.y - h / 2})">
        ${n.start ? this.#startMarker(w) : null}${shape}
        <text class="id" x=${w / 2} y="20" text-anchor="middle">${n.id}</text>
        <text class="caption" x=${w / 2} y="37" text-anchor="middle">${n.caption}</text></g>`;
    }
    return svg`<g class="node" transform="translate(${n.x - w / 2},${n.y - h / 2})" tabindex="0" role="button"
        aria-label=${`${this.t('map.jumpTo', { node: n.id })}, ${n.caption}${here ? `, ${this.t('map.here')}` : ''}`}
        aria-current=${here ? 'step' : 'false'}
        @click=${() => emit(this, 'node-activate', { nodeId: n.id })}
        @keydown=${(e: KeyboardEvent) => this.#key(e, n.id)}>
      ${n.start ? this.#startMarker(w) : null}
      ${shape}
      <text class="id" x=${w / 2} y="20" text-anchor="middle">${n.id}</text>
      <text class="caption" x=${w / 2} y="37" text-anchor="middle">${n.caption}</text>
      ${here ? svg`<text class="badge" x=${w / 2} y=${h + 16} text-anchor="middle">▲ ${this.t('map.here')}</text>` : null}
    </g>`;
  }

  #startMarker(w: number) {
    return svg`<circle cx=${w / 2} cy="-30" r="6" fill="#1f2328"></circle>
      <line x1=${w / 2} y1="-24" x2=${w / 2} y2="-3" stroke="#1f2328" stroke-width="2" marker-end="url(#arrow-start)"></line>
      <text class="marker-text" x=${w / 2 + 12} y="-26">${this.t('map.start')}</text>`;
  }

  #key(e: KeyboardEvent, nodeId: string): void {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    emit(this, 'node-activate', { nodeId });
  }

  /**
   * Brings the learner's node (or, before the scenario starts, its start) into view when it
   * moves out of sight, not on every change.
   */
  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('current') && !changed.has('layout')) return;
    const node = this.layout?.nodes.find((n) => (this.current ? n.id === this.current : n.start));
    if (!node) return;
    const x = node.x * this.scale;
    const y = node.y * this.scale;
    const margin = 60;
    const inView =
      x > this.scrollLeft + margin && x < this.scrollLeft + this.clientWidth - margin &&
      y > this.scrollTop + margin && y < this.scrollTop + this.clientHeight - margin;
    if (!inView) this.scrollTo({ left: x - this.clientWidth / 2, top: y - this.clientHeight / 2, behavior: 'smooth' });
  }

  #panStart = (e: PointerEvent): void => {
    if (e.button !== 0 || (e.composedPath() as Element[]).some((el) => el.classList?.contains('node'))) return;
    this.#pan = { x: e.clientX, y: e.clientY, left: this.scrollLeft, top: this.scrollTop };
    this.setPointerCapture(e.pointerId);
    this.classList.add('panning');
  };

  #panMove = (e: PointerEvent): void => {
    if (!this.#pan) return;
    this.scrollLeft = this.#pan.left - (e.clientX - this.#pan.x);
    this.scrollTop = this.#pan.top - (e.clientY - this.#pan.y);
  };

  #panEnd = (): void => {
    this.#pan = null;
    this.classList.remove('panning');
  };
}

customElements.define('scenario-map', ScenarioMap);
declare global {
  interface HTMLElementTagNameMap {
    'scenario-map': ScenarioMap;
  }
}
