import type { ColumnMapping } from '../import/import-file.ts';
import type { ReadProgress } from '../report.ts';
import type { ReportData, ReportSettings } from '../summary.ts';

/** From the page to its worker. */
export type ToWorker =
  | { readonly type: 'files'; readonly files: readonly File[]; readonly settings: ReportSettings; readonly mappings: Readonly<Record<string, ColumnMapping>> }
  | { readonly type: 'settings'; readonly settings: ReportSettings; readonly audiences: Readonly<Record<string, string>> };

/** From the worker to the page. */
export type FromWorker =
  | { readonly type: 'progress'; readonly progress: ReadProgress }
  | { readonly type: 'report'; readonly data: ReportData }
  | { readonly type: 'failed'; readonly message: string };
