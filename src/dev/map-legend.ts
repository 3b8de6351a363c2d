import { LitElement, css, html, svg } from 'lit';
import { QUALITIES } from '../model/scenario.ts';
import type { Translate } from '../ui/shared.ts';
import { HIGHLIGHT, QUALITY_STYLE } from './map-style.ts';

/** What the map's lines and shapes mean, drawn with the same strokes and shapes as the map. */
export class MapLegend extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.8125rem;
      color: #3d4852;
    }
    h3 {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      align-items: center;
      gap: 0.375rem;
    }
    svg {
      flex: none;
    }
  `;
  static override properties = { t: { attribute: false } };

  declare t: Translate;

  override render() {
    const shape = (inner: unknown) => html`<svg width="30" height="18" viewBox="0 0 30 18" aria-hidden="true">${inner}</svg>`;
    return html`<h3>${this.t('map.legend')}</h3>
      <ul>
        ${QUALITIES.map(
          (q) => html`<li>
            ${shape(svg`<line x1="1" y1="9" x2="29" y2="9" stroke=${QUALITY_STYLE[q].colour} stroke-width="3"
              stroke-linecap="round" stroke-dasharray=${QUALITY_STYLE[q].dash || 'none'}></line>`)}
            ${this.t(`map.quality.${q}`)}
          </li>`,
        )}
        <li>${shape(svg`<rect x="1" y="2" width="28" height="14" rx="3" fill="#fff" stroke="#8a96a3" stroke-width="1.5"></rect>`)}
          ${this.t('map.shape.situation')}</li>
        <li>${shape(svg`<polygon points="6,2 24,2 29,9 24,16 6,16 1,9" fill="#fff" stroke="#8a96a3" stroke-width="1.5"></polygon>`)}
          ${this.t('map.shape.question')}</li>
        <li>${shape(svg`<rect x="1" y="2" width="28" height="14" rx="7" fill="#fff" stroke="#1f2328" stroke-width="2"></rect>`)}
          ${this.t('map.shape.ending')}</li>
        <li>${shape(svg`<rect x="1" y="2" width="28" height="14" rx="3" fill=${HIGHLIGHT.fill} stroke=${HIGHLIGHT.stroke} stroke-width="3"></rect>`)}
          ${this.t('map.here')}</li>
        <li><span aria-hidden="true">◇</span> ${this.t('map.conditional')}</li>
      </ul>`;
  }
}

customElements.define('map-legend', MapLegend);
declare global {
  interface HTMLElementTagNameMap {
    'map-legend': MapLegend;
  }
}
