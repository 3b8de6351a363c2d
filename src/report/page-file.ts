import type { ReportData } from './summary.ts';

/** `dist/<course>-rapport.html`: the course id as the packages spell it. */
export const reportPageName = (courseId: string): string => `${courseId.replaceAll('_', '-')}-rapport.html`;

/** Where the CLI puts a report's data in the page: a JSON block, never run as script (the CSP allows none). */
export const DATA_MARK = '<script type="application/json" id="report-data">null</script>';

const DATA_BLOCK = /<script type="application\/json" id="report-data">[^<]*<\/script>/;

/**
 * The page with a report's data in it (in place of any it had: a saved report saved again);
 * `<` is escaped, so no text in the data can end the block.
 */
export function embedData(page: string, data: ReportData): string {
  if (!DATA_BLOCK.test(page)) throw new Error('The report page has no data block');
  const json = JSON.stringify(data).replaceAll('<', '\\u003c');
  return page.replace(DATA_BLOCK, () => `<script type="application/json" id="report-data">${json}</script>`);
}
