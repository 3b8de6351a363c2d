/**
 * The toolbar form: package, learner, language, mode and credit selects and the three actions. It
 * only reads and writes LaunchOptions; what the actions do is the page's business.
 */
import { CREDITS, LANGUAGES, LEARNERS, MODES, learnerById, type LaunchOptions } from './launch-options.ts';
import type { PackageListing } from './package-info.ts';

export interface ToolbarActions {
  launch(): void;
  relaunch(): void;
  reset(): void;
  /** Any select changed (the address bar follows). */
  changed(options: LaunchOptions): void;
}

const LANGUAGE_LABELS: Record<string, string> = { sv: 'Svenska (sv)', en: 'English (en)', none: 'No preference' };

function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

export class Toolbar {
  readonly #form: HTMLFormElement;
  readonly #select: Record<keyof LaunchOptions, HTMLSelectElement>;

  constructor(form: HTMLFormElement, actions: ToolbarActions) {
    this.#form = form;
    const select = (name: keyof LaunchOptions): HTMLSelectElement => {
      const found = form.elements.namedItem(name);
      if (!(found instanceof HTMLSelectElement)) throw new Error(`preview page: select ${name} is missing`);
      return found;
    };
    this.#select = { pkg: select('pkg'), learner: select('learner'), lang: select('lang'), mode: select('mode'), credit: select('credit') };
    this.#select.learner.append(...LEARNERS.map((l) => option(l.id, `${l.name} · ${l.id}`)));
    this.#select.lang.append(...LANGUAGES.map((l) => option(l, LANGUAGE_LABELS[l] ?? l)));
    this.#select.mode.append(...MODES.map((m) => option(m, m)));
    this.#select.credit.append(...CREDITS.map((c) => option(c, c)));

    this.#select.learner.addEventListener('change', () => {
      this.#select.lang.value = learnerById(this.#select.learner.value).language;
    });
    form.addEventListener('change', () => actions.changed(this.options));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      actions.launch();
    });
    const button = (action: string): HTMLButtonElement => {
      const found = form.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
      if (!found) throw new Error(`preview page: button ${action} is missing`);
      return found;
    };
    button('relaunch').addEventListener('click', () => actions.relaunch());
    button('reset').addEventListener('click', () => actions.reset());
  }

  /** Fills the package select; a wanted package that is not (or no longer) there stays selectable, marked missing. */
  setPackages(packages: readonly PackageListing[], wanted: string): void {
    const options = packages.map((p) => {
      const o = option(p.name, p.name);
      o.title = `SCORM ${p.version ?? '?'} · ${kb(p.size)} · built ${p.modified}`;
      return o;
    });
    if (wanted && !packages.some((p) => p.name === wanted)) options.unshift(option(wanted, `${wanted} (not in dist/)`));
    if (options.length === 0) options.push(option('', 'No packages in dist/ – run npm run build'));
    this.#select.pkg.replaceChildren(...options);
    this.#select.pkg.value = wanted && options.some((o) => o.value === wanted) ? wanted : (options[0]?.value ?? '');
  }

  get options(): LaunchOptions {
    const s = this.#select;
    return {
      pkg: s.pkg.value,
      learner: s.learner.value,
      lang: s.lang.value as LaunchOptions['lang'],
      mode: s.mode.value as LaunchOptions['mode'],
      credit: s.credit.value as LaunchOptions['credit'],
    };
  }

  set options(options: LaunchOptions) {
    for (const key of Object.keys(this.#select) as (keyof LaunchOptions)[]) {
      const select = this.#select[key];
      if (key === 'pkg' && ![...select.options].some((o) => o.value === options.pkg)) select.append(option(options.pkg, `${options.pkg} (not in dist/)`));
      select.value = options[key];
    }
  }

  set busy(busy: boolean) {
    for (const button of this.#form.querySelectorAll('button')) button.disabled = busy;
  }
}
