/**
 * The right-hand panels: violations (red errors, amber warnings), the live flattened CMI with the
 * keys that changed since the last render highlighted, and the API call log. Plain DOM; renders are
 * coalesced to one per frame so a burst of SetValues stays cheap.
 */
import type { CallRecord, Violation } from './conformance.ts';

const LOG_LIMIT = 1000;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Natural order, so `interactions.10` comes after `interactions.9`. */
const collator = new Intl.Collator('en', { numeric: true });

export class Inspector {
  readonly #violations: HTMLElement;
  readonly #violationCount: HTMLElement;
  readonly #cmiBody: HTMLElement;
  readonly #cmiFilter: HTMLInputElement;
  readonly #log: HTMLElement;
  readonly #logCount: HTMLElement;
  #previous: Record<string, string> = {};
  #source: () => Record<string, string> = () => ({});
  #frame = 0;
  #logged = 0;
  readonly #logScroller: Element | null;
  /** Whether the log sticks to its newest row: true until the reader scrolls up. */
  #follow = true;

  constructor(root: ParentNode) {
    const find = <T extends Element>(selector: string): T => {
      const found = root.querySelector<T>(selector);
      if (!found) throw new Error(`preview page: ${selector} is missing`);
      return found;
    };
    this.#violations = find('#violations');
    this.#violationCount = find('#violation-count');
    this.#cmiBody = find('#cmi tbody');
    this.#cmiFilter = find('#cmi-filter');
    this.#log = find('#call-log tbody');
    this.#logCount = find('#call-count');
    this.#cmiFilter.addEventListener('input', () => this.#renderCmi(false));
    this.#logScroller = this.#log.closest('.scroll');
    this.#logScroller?.addEventListener('scroll', () => {
      const s = this.#logScroller;
      if (s) this.#follow = s.scrollHeight - s.scrollTop - s.clientHeight < 40;
    });
  }

  /** Where the CMI comes from (the current session), and forget the old highlight. */
  watch(source: () => Record<string, string>): void {
    this.#source = source;
    this.#previous = {};
    this.refresh();
  }

  refresh(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#renderCmi(true);
      if (this.#follow && this.#logScroller) this.#logScroller.scrollTop = this.#logScroller.scrollHeight;
    });
  }

  #renderCmi(markChanges: boolean): void {
    const cmi = this.#source();
    const filter = this.#cmiFilter.value.trim().toLowerCase();
    const hadPrevious = Object.keys(this.#previous).length > 0;
    const rows = Object.keys(cmi)
      .sort(collator.compare)
      .filter((k) => !filter || k.toLowerCase().includes(filter) || (cmi[k] ?? '').toLowerCase().includes(filter))
      .map((key) => {
        const tr = el('tr');
        if (markChanges && hadPrevious && this.#previous[key] !== cmi[key]) tr.className = 'changed';
        const value = cmi[key] ?? '';
        tr.append(el('th', undefined, key), el('td', value === '' ? 'empty' : undefined, value === '' ? '—' : value));
        return tr;
      });
    this.#cmiBody.replaceChildren(...rows);
    if (markChanges) this.#previous = cmi;
  }

  addCall(call: CallRecord, session: number): void {
    this.#logged++;
    const tr = el('tr', call.error !== '0' || call.result === 'false' ? 'failed' : undefined);
    const args = call.args.map((a) => JSON.stringify(a.length > 160 ? `${a.slice(0, 160)}… (${a.length} chars)` : a)).join(', ');
    tr.append(
      el('td', 'num', `${session}.${call.seq}`),
      el('td', 'method', call.method),
      el('td', 'args', args),
      el('td', 'result', JSON.stringify(call.result.length > 80 ? `${call.result.slice(0, 80)}…` : call.result)),
      el('td', 'num', call.error),
    );
    this.#append(tr);
    this.#logCount.textContent = String(this.#logged);
    this.refresh();
  }

  /**
   * Appends a log row; the log follows new rows unless the reader scrolled up. The scrolling
   * waits for the next frame: reading the layout on every API call made each call cost tens
   * of milliseconds once the log was long, inside the course's own SetValue.
   */
  #append(row: HTMLTableRowElement): void {
    this.#log.append(row);
    while (this.#log.childElementCount > LOG_LIMIT) this.#log.firstElementChild?.remove();
    this.refresh();
  }

  /** A line in the log that is not an API call (launch, preload, storage). */
  note(text: string): void {
    const tr = el('tr', 'note');
    const td = el('td', undefined, text);
    td.colSpan = 5;
    tr.append(td);
    this.#append(tr);
  }

  showViolations(all: readonly Violation[]): void {
    const items = all.map((v) => {
      const li = el('li', v.severity);
      li.append(el('strong', undefined, `${v.severity === 'error' ? 'Error' : 'Warning'} · ${v.rule}`), el('span', undefined, v.message));
      if (v.call) li.append(el('code', undefined, `call ${v.call.seq}: ${v.call.method}(${v.call.args.map((a) => JSON.stringify(a.slice(0, 60))).join(', ')}) → ${JSON.stringify(v.call.result)}, error ${v.call.error}`));
      return li;
    });
    this.#violations.replaceChildren(...items);
    const errors = all.filter((v) => v.severity === 'error').length;
    this.#violationCount.textContent = all.length === 0 ? 'none' : `${errors} error${errors === 1 ? '' : 's'}, ${all.length - errors} warning${all.length - errors === 1 ? '' : 's'}`;
    this.#violationCount.className = errors > 0 ? 'badge error' : all.length > 0 ? 'badge warning' : 'badge ok';
  }

  clearLog(): void {
    this.#log.replaceChildren();
    this.#logged = 0;
    this.#logCount.textContent = '0';
  }
}
