import type { Resources } from '../model/course.ts';

type Options = Readonly<Record<string, unknown>>;

/** A translation function: `ns:dotted.key` (namespace `ui` when none is given), as the views call it. */
export type TextLookup = (key: string, options?: Options) => string;

const DEFAULT_NAMESPACE = 'ui';

function at(tree: unknown, path: readonly string[]): unknown {
  let node = tree;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * `{{name}}` and `{{region.name}}` from the options; a value not given stays as written.
 * `{{name, number}}` writes a number as the language does (Swedish "92,41", English "92.41"),
 * as i18next's built-in number format does.
 */
function interpolate(text: string, options: Options, lng: string): string {
  return text.replace(/\{\{\s*([\w.]+)\s*(?:,\s*(number)\s*)?\}\}/g, (whole, path: string, format: string | undefined) => {
    const value = at(options, path.split('.'));
    if (value === undefined || value === null) return whole;
    return format && typeof value === 'number' ? new Intl.NumberFormat(lng).format(value) : String(value as string | number);
  });
}

function deepInterpolate(value: unknown, options: Options, lng: string): unknown {
  if (typeof value === 'string') return interpolate(value, options, lng);
  if (Array.isArray(value)) return value.map((v) => deepInterpolate(v, options, lng));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepInterpolate(v, options, lng)]));
  }
  return value;
}

/**
 * The player's texts: the subset of i18next's behaviour and JSON format the course uses
 * (namespaces, dotted keys, `{{}}` interpolation with the `number` format, `$t(key)` nesting, `_one`/`_other` plurals by `count`,
 * `returnObjects`, `defaultValue`, `lng`, fallback to the source language), in a fraction
 * of its size, and with namespaces that can be added as a scenario's texts arrive.
 */
export class Texts {
  readonly #resources: Record<string, Record<string, unknown>> = {};
  readonly #fallback: string;

  constructor(resources: Resources, fallback: string) {
    this.#fallback = fallback;
    for (const [lng, namespaces] of Object.entries(resources)) {
      for (const [ns, tree] of Object.entries(namespaces)) this.add(lng, ns, tree);
    }
  }

  /** Adds a namespace's texts, merged over what is there (a scenario's frame texts, then the rest). */
  add(lng: string, ns: string, tree: unknown): void {
    const namespaces = (this.#resources[lng] ??= {});
    const before = namespaces[ns];
    namespaces[ns] = typeof before === 'object' && before !== null ? { ...before, ...(tree as object) } : tree;
  }

  #find(lng: string, ns: string, path: readonly string[], count: unknown): unknown {
    const tree = this.#resources[lng]?.[ns];
    if (typeof count === 'number') {
      const last = path.at(-1) ?? '';
      const plural = at(tree, [...path.slice(0, -1), `${last}_${new Intl.PluralRules(lng).select(count)}`]);
      if (plural !== undefined) return plural;
      const other = at(tree, [...path.slice(0, -1), `${last}_other`]);
      if (other !== undefined) return other;
    }
    return at(tree, path);
  }

  /** A lookup in one language, falling back to the source language for a text not translated. */
  fixed(lng: string): TextLookup {
    const lookup: TextLookup = (key, options = {}) => {
      const split = key.indexOf(':');
      const ns = split < 0 ? DEFAULT_NAMESPACE : key.slice(0, split);
      const path = (split < 0 ? key : key.slice(split + 1)).split('.');
      const wanted = typeof options['lng'] === 'string' ? options['lng'] : lng;
      const found = this.#find(wanted, ns, path, options['count']) ?? this.#find(this.#fallback, ns, path, options['count']);
      const value = found ?? options['defaultValue'] ?? key;
      if (typeof value === 'string') return interpolate(value, options, wanted).replace(/\$t\(([^)]+)\)/g, (_, nested: string) => lookup(nested, options));
      return (options['returnObjects'] === true ? deepInterpolate(value, options, wanted) : key) as string;
    };
    return lookup;
  }
}
