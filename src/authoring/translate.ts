import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SOURCE_LANGUAGE, translationPath, type Project } from './load.ts';
import { previousSourceFinder } from './previous-source.ts';
import { problem, type Problem } from './problems.ts';
import { flatTexts, textHash } from './source-hash.ts';
import { translationFileContent } from './translation-file.ts';
import { parseWorksheet, renderWorksheet, worksheetEntries, worksheetPath, type NamespaceTexts, type ParsedWorksheet, type Status } from './worksheet.ts';

/** One namespace of one language: its source, its translation and where each lives. */
interface Namespace extends NamespaceTexts {
  readonly ns: string;
  readonly sourceTexts: Record<string, unknown>;
  /** `locales/<lng>/…json`, relative to the root. */
  readonly localeFile: string;
  readonly worksheetFile: string;
}

function namespaces(project: Project, lng: string): Namespace[] {
  const source = project.resources.get(SOURCE_LANGUAGE) ?? new Map<string, Record<string, unknown>>();
  return [...source].map(([ns, sourceTexts]) => ({
    ns,
    sourceTexts,
    source: flatTexts(sourceTexts),
    translation: flatTexts(project.resources.get(lng)?.get(ns) ?? {}),
    hashes: project.sourceHashes.get(lng)?.get(ns) ?? {},
    localeFile: `locales/${lng}/${translationPath(ns)}`,
    worksheetFile: worksheetPath(lng, ns),
  }));
}

const readWorksheet = (root: string, n: Namespace, lng: string): ParsedWorksheet | undefined => {
  const path = join(root, n.worksheetFile);
  return existsSync(path) ? parseWorksheet(n.worksheetFile, readFileSync(path, 'utf8'), lng) : undefined;
};

const write = (root: string, file: string, content: string): void => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), content);
};

export type StatusCounts = Readonly<Record<Status, number>>;

export interface WorksheetResult {
  readonly file: string;
  readonly counts: StatusCounts;
}

/**
 * Writes or updates one worksheet per namespace. A worksheet that cannot be read is left as it
 * is and its problems returned, so a translator's unimported work is never overwritten.
 */
export function writeWorksheets(
  project: Project,
  lng: string,
  header: (n: { sourceFile: string; localeFile: string }) => string,
): { worksheets: WorksheetResult[]; problems: Problem[] } {
  const worksheets: WorksheetResult[] = [];
  const problems: Problem[] = [];
  for (const n of namespaces(project, lng)) {
    const previous = readWorksheet(project.root, n, lng);
    if (previous?.problems.length) {
      problems.push(...previous.problems);
      continue;
    }
    const kept = previous?.entries ?? new Map();
    const sourceFile = project.sourceFiles.get(n.ns) ?? n.ns;
    const fromHistory = previousSourceFinder(project.root, n.ns, sourceFile);
    const findPrevious = (key: string, hash: string): string | undefined => {
      const entry = kept.get(key);
      const known = [entry?.sv, entry?.previous].find((text) => text !== undefined && textHash(text) === hash);
      return known ?? fromHistory(key, hash);
    };
    const entries = worksheetEntries(n, kept, findPrevious);
    write(project.root, n.worksheetFile, renderWorksheet(lng, header({ sourceFile, localeFile: n.localeFile }), entries));
    const counts = { ny: 0, ändrad: 0, klar: 0 };
    for (const e of entries) counts[e.status] += 1;
    worksheets.push({ file: n.worksheetFile, counts });
  }
  return { worksheets, problems };
}

/** `new`: first translation; `updated`: a different translation; `confirmed`: the same text, now for the current Swedish. */
export type ChangeKind = 'new' | 'updated' | 'confirmed';

export interface Change {
  readonly file: string;
  readonly key: string;
  readonly kind: ChangeKind;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => `{{${m[1] ?? ''}}}`).sort();

/** Problems of one worksheet, and the entries to import from it (key → translation and source hash). */
function checkWorksheet(n: Namespace, sheet: ParsedWorksheet, lng: string): { problems: Problem[]; imports: Map<string, { text: string; hash: string }> } {
  const problems: Problem[] = [...sheet.problems];
  const imports = new Map<string, { text: string; hash: string }>();
  const at = (key: string, field?: string) => (field ? sheet.source.positionOf([key], field) : sheet.source.positionOf([], key));
  for (const entry of sheet.entries.values()) {
    const { key, translation } = entry;
    const source = n.source.get(key);
    const current = n.translation.get(key);
    if (source === undefined) {
      problems.push(problem('error', sheet.file, at(key), 'translate.unknown_key', { key, lang: lng }));
      continue;
    }
    if (entry.status !== 'klar') {
      if (translation && translation !== current) {
        problems.push(problem('warning', sheet.file, at(key, 'status'), 'translate.not_marked', { key, status: entry.status }));
      }
      continue;
    }
    if (!translation.trim()) {
      problems.push(problem('error', sheet.file, at(key, lng), 'translate.empty', { key, lang: lng }));
      continue;
    }
    const expected = placeholders(entry.sv);
    const found = placeholders(translation);
    if (expected.join() !== found.join()) {
      problems.push(
        problem('error', sheet.file, at(key, lng), 'translate.placeholders', {
          key,
          inSource: expected.join(' ') || '–',
          inTranslation: found.join(' ') || '–',
        }),
      );
      continue;
    }
    if (entry.sv !== source) problems.push(problem('warning', sheet.file, at(key, 'sv'), 'translate.source_changed', { key, lang: lng }));
    const hash = textHash(entry.sv);
    if (translation !== current || hash !== n.hashes[key]) imports.set(key, { text: translation, hash });
  }
  return { problems, imports };
}

/**
 * Reads every worksheet of a language back. With any error nothing is written; otherwise the
 * locale files get the translations marked `klar` and the hashes of the Swedish they were made for.
 */
export function importWorksheets(project: Project, lng: string): { problems: Problem[]; changes: Change[] } {
  const problems: Problem[] = [];
  const pending: { n: Namespace; imports: Map<string, { text: string; hash: string }> }[] = [];
  for (const n of namespaces(project, lng)) {
    const sheet = readWorksheet(project.root, n, lng);
    if (!sheet) continue;
    const checked = checkWorksheet(n, sheet, lng);
    problems.push(...checked.problems);
    if (checked.imports.size) pending.push({ n, imports: checked.imports });
  }
  if (problems.some((p) => p.severity === 'error')) return { problems, changes: [] };
  const changes: Change[] = [];
  for (const { n, imports } of pending) {
    const translation = new Map(n.translation);
    const hashes = { ...n.hashes };
    for (const [key, { text, hash }] of imports) {
      const current = n.translation.get(key);
      changes.push({ file: n.localeFile, key, kind: current === undefined ? 'new' : current === text ? 'confirmed' : 'updated' });
      translation.set(key, text);
      hashes[key] = hash;
    }
    write(project.root, n.localeFile, translationFileContent(n.sourceTexts, [...n.source.keys()], translation, hashes));
  }
  return { problems, changes };
}

/**
 * Records, for every translated key that has no source hash yet, the hash of today's Swedish
 * text: for translations known to be current, such as files written before hashes existed.
 * A recorded hash is never replaced, so a known stale translation stays stale.
 */
export function acceptUnrecorded(project: Project, lng: string): { file: string; count: number }[] {
  const accepted: { file: string; count: number }[] = [];
  for (const n of namespaces(project, lng)) {
    if (!project.resources.get(lng)?.has(n.ns)) continue;
    const hashes = { ...n.hashes };
    let count = 0;
    for (const [key, text] of n.source) {
      if (n.translation.has(key) && hashes[key] === undefined) {
        hashes[key] = textHash(text);
        count += 1;
      }
    }
    if (count === 0) continue;
    write(project.root, n.localeFile, translationFileContent(n.sourceTexts, [...n.source.keys()], new Map(n.translation), hashes));
    accepted.push({ file: n.localeFile, count });
  }
  return accepted;
}
