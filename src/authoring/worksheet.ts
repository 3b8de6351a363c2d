import { Document, isMap, isScalar } from 'yaml';
import { z } from 'zod';
import { translationPath } from './load.ts';
import { textHash, type SourceHashes } from './source-hash.ts';
import type { Problem } from './problems.ts';
import { validateText } from './validate.ts';
import type { YamlSource } from './yaml-source.ts';

/** Worksheet vocabulary is part of the file format, like `kind: situation`, so it is Swedish. */
export const STATUSES = ['ny', 'ändrad', 'klar'] as const;
export type Status = (typeof STATUSES)[number];
export const PREVIOUS_FIELD = 'sv_tidigare';

/** One text as a translator sees it: the Swedish source beside its translation. */
export interface WorksheetEntry {
  readonly key: string;
  readonly status: Status;
  readonly sv: string;
  /** The Swedish text the current translation was made for, when it differs and is known. */
  readonly previous?: string;
  readonly translation: string;
}

/** `translations/<lng>/scenarios/<id>.yaml`: the same layout as `locales/<lng>/`. */
export const worksheetPath = (lng: string, ns: string): string => `translations/${lng}/${translationPath(ns).replace(/\.json$/, '.yaml')}`;

/** One namespace's texts, flat, in source order. */
export interface NamespaceTexts {
  readonly source: ReadonlyMap<string, string>;
  readonly translation: ReadonlyMap<string, string>;
  readonly hashes: SourceHashes;
}

/** Whether a worksheet entry holds work that is not in the locale file yet. */
function isPending(entry: WorksheetEntry, texts: NamespaceTexts): boolean {
  if (entry.translation !== (texts.translation.get(entry.key) ?? '')) return true;
  return entry.status === 'klar' && texts.hashes[entry.key] !== textHash(entry.sv);
}

/**
 * The worksheet for one namespace, in source order. A translator's entry that has not been
 * imported is kept as it is; if the Swedish text changed under it, it becomes `ändrad` with
 * the Swedish text it was written for.
 */
export function worksheetEntries(
  texts: NamespaceTexts,
  previous: ReadonlyMap<string, WorksheetEntry>,
  findPrevious: (key: string, hash: string) => string | undefined,
): WorksheetEntry[] {
  return [...texts.source].map(([key, sv]): WorksheetEntry => {
    const kept = previous.get(key);
    if (kept && isPending(kept, texts)) {
      if (kept.sv === sv) return { ...kept, key };
      return { key, status: kept.translation ? 'ändrad' : 'ny', sv, previous: kept.sv, translation: kept.translation };
    }
    const translation = texts.translation.get(key);
    const hash = texts.hashes[key];
    if (translation === undefined) return { key, status: 'ny', sv, translation: '' };
    if (hash === textHash(sv)) return { key, status: 'klar', sv, translation };
    const old = hash === undefined ? undefined : findPrevious(key, hash);
    return { key, status: 'ändrad', sv, ...(old === undefined ? {} : { previous: old }), translation };
  });
}

export function renderWorksheet(lng: string, header: string, entries: readonly WorksheetEntry[]): string {
  const doc = new Document(
    Object.fromEntries(
      entries.map((e) => [
        e.key,
        { status: e.status, sv: e.sv, ...(e.previous === undefined ? {} : { [PREVIOUS_FIELD]: e.previous }), [lng]: e.translation },
      ]),
    ),
  );
  doc.commentBefore = header
    .split('\n')
    .map((line) => (line ? ` ${line}` : ''))
    .join('\n');
  // A blank line between entries, so each text stands on its own.
  if (isMap(doc.contents)) doc.contents.items.slice(1).forEach((pair) => isScalar(pair.key) && (pair.key.spaceBefore = true));
  return doc.toString({ lineWidth: 0 });
}

const entryFields = { status: z.enum(STATUSES), sv: z.string(), [PREVIOUS_FIELD]: z.string().optional() };
// An empty `en:` reads as null; it means "not translated yet".
const translationField = z.string().nullable().optional();
export interface ParsedWorksheet {
  readonly file: string;
  readonly source: YamlSource;
  readonly problems: readonly Problem[];
  readonly entries: ReadonlyMap<string, WorksheetEntry>;
}

/** Reads a worksheet back, with positions for every problem. */
export function parseWorksheet(file: string, content: string, lng: string): ParsedWorksheet {
  const schema = z.record(z.string(), z.strictObject({ ...entryFields, [lng]: translationField }));
  const { source, data, problems } = validateText(file, content, schema);
  const entries = new Map<string, WorksheetEntry>();
  for (const [key, e] of Object.entries(data ?? {})) {
    const { status, sv, [PREVIOUS_FIELD]: previous } = e;
    // The language field's name is only known at run time, so it is not in the inferred type.
    const translation = Object.entries(e).find(([field]) => field === lng)?.[1];
    entries.set(key, { key, status, sv, ...(previous === undefined ? {} : { previous }), translation: typeof translation === 'string' ? translation : '' });
  }
  return { file, source, problems, entries };
}
