import i18next, { type TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import type { Project } from './load.ts';
import { summaryTables } from './report.ts';
import type { Position } from './yaml-source.ts';

export type Severity = 'error' | 'warning';

/** One thing wrong with the trainers' files, with where it is and what to do about it. */
export interface Problem {
  readonly severity: Severity;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Key of the message in `locales/<lng>/checker.json`. */
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export function problem(
  severity: Severity,
  file: string,
  position: Position,
  code: string,
  params: Record<string, string | number> = {},
): Problem {
  return { severity, file, line: position.line, col: position.col, code, params };
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');

export interface CheckerText {
  format(problem: Problem): string;
  /** The closing line: counts of errors and warnings, or that all is well. */
  summary(problems: readonly Problem[], files: number): string;
  /** Any other message of `checker.json`, such as the translation tool's. */
  message(key: string, params?: Record<string, string | number>): string;
  /** Figures per scenario and per audience, as plain-text tables. */
  tables(project: Project): string[];
}

/** Checker messages from `locales/<lng>/checker.json`; Swedish unless asked otherwise. */
export async function checkerText(root: string, lng = 'sv'): Promise<CheckerText> {
  const load = (l: string): Record<string, unknown> =>
    JSON.parse(readFileSync(`${root}/locales/${l}/checker.json`, 'utf8')) as Record<string, unknown>;
  const instance = i18next.createInstance();
  const t: TFunction = await instance.init({
    lng,
    fallbackLng: 'sv',
    resources: { sv: { checker: load('sv') }, ...(lng === 'sv' ? {} : { [lng]: { checker: load(lng) } }) },
    defaultNS: 'checker',
    interpolation: { escapeValue: false },
  });
  return {
    format(p) {
      // Type names are message keys of their own, so they are translated too.
      const params = 'expected' in p.params ? { ...p.params, expected: t(`types.${p.params.expected}`) } : p.params;
      // A close known name ("menade du …?") follows the message whatever the problem.
      const hint = typeof p.params.suggestion === 'string' ? ` ${t('suggestion', { suggestion: p.params.suggestion })}` : '';
      return `${p.file}:${p.line}:${p.col}: ${t(`severity.${p.severity}`)}: ${t(p.code, params)}${hint}`;
    },
    summary(problems, files) {
      const errors = problems.filter((p) => p.severity === 'error').length;
      if (problems.length === 0) return t('summaryClean', { files });
      return t('summary', { errors, warnings: problems.length - errors, files });
    },
    tables: (project) => summaryTables(project, t),
    message: (key, params = {}) => t(key, params),
  };
}
