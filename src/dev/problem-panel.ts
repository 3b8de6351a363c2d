import { LitElement, css, html } from 'lit';
import type { ProblemLine } from 'virtual:course';
import { viewStyles, type Translate } from '../ui/shared.ts';

/**
 * The checker's problems at the top of the dev page, worded as `npm run check` words them:
 * errors set out one per entry with where they are, warnings folded away beneath. Says
 * whether the preview below is an older course or whether there is none.
 * @csspart panel - the error box
 */
export class ProblemPanel extends LitElement {
  static override styles = [
    viewStyles,
    css`
      :host {
        display: block;
        max-width: 60rem;
        margin: var(--space-4) auto 0;
        padding: 0 var(--space-4);
      }
      .errors {
        background: #fff5f5;
        border: 2px solid var(--color-poor);
        border-radius: var(--radius);
        padding: var(--space-4) var(--space-5);
      }
      h2 {
        color: var(--color-poor);
        font-size: 1.25rem;
      }
      ol {
        margin: var(--space-4) 0 0;
        padding: 0;
        list-style: none;
      }
      li {
        background: var(--color-surface);
        border: 1px solid #f0c4c8;
        border-left: 4px solid var(--color-poor);
        border-radius: var(--radius);
        padding: var(--space-3) var(--space-4);
        margin-top: var(--space-2);
      }
      .where {
        display: block;
        font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
        font-size: 0.875rem;
        font-weight: 700;
        color: var(--color-heading);
        overflow-wrap: anywhere;
      }
      .what {
        margin: var(--space-1) 0 0;
        white-space: pre-wrap;
      }
      .state {
        margin: var(--space-2) 0 0;
        font-weight: 600;
      }
      details {
        margin-top: var(--space-3);
        background: var(--color-notice-bg);
        border: 1px solid var(--color-notice-border);
        border-radius: var(--radius);
        padding: var(--space-2) var(--space-4);
      }
      summary {
        cursor: pointer;
        font-weight: 600;
      }
      details li {
        border-left-color: var(--color-notice-border);
        border-color: #ecd98c;
      }
    `,
  ];
  static override properties = {
    t: { attribute: false },
    problems: { attribute: false },
    crashed: { type: Boolean },
    hasPreview: { type: Boolean },
    stale: { type: Boolean },
  };

  declare t: Translate;
  declare problems: readonly ProblemLine[];
  declare crashed: boolean;
  declare hasPreview: boolean;
  declare stale: boolean;

  override render() {
    const errors = this.problems.filter((p) => p.severity === 'error');
    const warnings = this.problems.filter((p) => p.severity === 'warning');
    return html`
      ${errors.length > 0
        ? html`<section class="errors" part="panel" role="alert" aria-labelledby="heading">
            <h2 id="heading">${this.crashed ? this.t('problems.crash') : this.t('problems.heading', { count: errors.length })}</h2>
            <p>${this.t('problems.fix')}</p>
            ${this.crashed ? null : html`<p class="state">${this.t(this.stale && this.hasPreview ? 'problems.stale' : 'problems.none')}</p>`}
            ${this.#list(errors)}
          </section>`
        : null}
      ${warnings.length > 0
        ? html`<details>
            <summary>${this.t('problems.warnings', { count: warnings.length })}</summary>
            ${this.#list(warnings)}
          </details>`
        : null}
    `;
  }

  #list(problems: readonly ProblemLine[]) {
    return html`<ol>
      ${problems.map(
        (p) => html`<li>
          ${p.location ? html`<code class="where">${p.location}</code>` : null}
          <p class="what">${p.message}</p>
        </li>`,
      )}
    </ol>`;
  }
}

customElements.define('problem-panel', ProblemPanel);
declare global {
  interface HTMLElementTagNameMap {
    'problem-panel': ProblemPanel;
  }
}
