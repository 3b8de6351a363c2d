import type { Texts } from './texts.ts';

/** Per scenario, per language: a loader of the scenario's texts beyond the first screen's. */
export type TextLoaders = Readonly<Record<string, Readonly<Record<string, () => Promise<{ default: Record<string, unknown> }>>>>>;

/**
 * Fetches each scenario's texts once per language, into `texts`. A failed fetch (offline
 * before everything arrived) is forgotten, so asking again tries again.
 */
export class ScenarioTexts {
  readonly #texts: Texts;
  readonly #loaders: TextLoaders;
  readonly #loading = new Map<string, Promise<void>>();

  constructor(texts: Texts, loaders: TextLoaders) {
    this.#texts = texts;
    this.#loaders = loaders;
  }

  /** The scenario's texts in these languages (those it has), once they are in. */
  load(scenarioId: string, languages: readonly string[]): Promise<void> {
    return Promise.all(languages.map((lng) => this.#one(scenarioId, lng))).then(() => undefined);
  }

  /** Every scenario in every language: after this the course needs the network no more. */
  loadAll(languages: readonly string[]): Promise<void> {
    return Promise.all(Object.keys(this.#loaders).map((id) => this.load(id, languages))).then(() => undefined);
  }

  #one(scenarioId: string, lng: string): Promise<void> {
    const key = `${scenarioId}/${lng}`;
    const loader = this.#loaders[scenarioId]?.[lng];
    if (!loader) return Promise.resolve();
    let loading = this.#loading.get(key);
    if (!loading) {
      loading = loader().then(
        (module) => this.#texts.add(lng, `scenario.${scenarioId}`, module.default),
        (error: unknown) => {
          this.#loading.delete(key);
          throw error;
        },
      );
      this.#loading.set(key, loading);
    }
    return loading;
  }
}
