import type { Notice } from '../ui/player-input.ts';

/**
 * The one place that keeps the notices the learner sees: each is added once, taken back when its
 * cause has passed, and every change is handed to the view.
 */
export class Notices {
  #list: readonly Notice[];
  readonly #changed: (notices: readonly Notice[]) => void;

  constructor(initial: readonly Notice[], changed: (notices: readonly Notice[]) => void) {
    this.#list = initial;
    this.#changed = changed;
  }

  get list(): readonly Notice[] {
    return this.#list;
  }

  /** Adds a notice unless the same one (key and values) is already shown. */
  add(key: string, params?: Notice['params']): void {
    const same = JSON.stringify(params ?? null);
    if (this.#list.some((n) => n.key === key && JSON.stringify(n.params ?? null) === same)) return;
    this.#set([...this.#list, params ? { key, params } : { key }]);
  }

  /** Takes back every notice with this key. */
  remove(key: string): void {
    if (this.#list.some((n) => n.key === key)) this.#set(this.#list.filter((n) => n.key !== key));
  }

  /** Shows the notice while `on` holds, as for a save that failed and then worked again. */
  toggle(key: string, on: boolean): void {
    if (on) this.add(key);
    else this.remove(key);
  }

  #set(list: readonly Notice[]): void {
    this.#list = list;
    this.#changed(list);
  }
}
