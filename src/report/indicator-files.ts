import writeXlsxFile from 'write-excel-file/universal';
import type { ReportData } from './summary.ts';
import type { ReportText } from './text.ts';

const BOM = '\ufeff';

/** A value for Swedish Excel: decimal comma; text quoted when it holds `;`, `"` or a line break. */
function cell(value: string | number | null, suppressed: string): string {
  if (value === null) return suppressed;
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000).replace('.', ',');
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const share = (part: number | null, whole: number) => (part === null || whole === 0 ? null : part / whole);

/** The indicator table's rows: per unit, then the total. */
export function indicatorRows(data: ReportData, t: ReportText): (string | number | null)[][] {
  const rows = [...data.indicators.rows, { ...data.indicators.total, unit: t('participation.total') }];
  return rows.map((r) => [r.unit || t('participation.noUnit'), r.learners, r.completed, share(r.completed, r.learners), r.passed, share(r.passed, r.learners)]);
}

export const indicatorHeader = (t: ReportText): string[] => [
  t('participation.unit'),
  t('participation.learners'),
  t('participation.completed'),
  t('indicators.completedShare'),
  t('participation.passed'),
  t('indicators.passedShare'),
];

/**
 * The indicator table as a CSV that Swedish Excel opens as it is: UTF-8 with BOM (so å, ä, ö
 * survive), semicolons, decimal comma, CRLF. Shares are fractions (0,833), hidden figures "–".
 */
export function indicatorCsv(data: ReportData, t: ReportText): Uint8Array {
  const lines = [indicatorHeader(t), ...indicatorRows(data, t)].map((row) => row.map((v) => cell(v, t('suppressed'))).join(';'));
  return new TextEncoder().encode(BOM + lines.join('\r\n') + '\r\n');
}

/** The list of those who have not completed, for reminders: the same Excel conventions. */
export function outstandingCsv(data: ReportData, t: ReportText): Uint8Array {
  const header = [t('participation.name'), t('participation.email'), t('participation.unit'), t('participation.audience'), t('participation.status'), t('participation.lastAccessed')];
  const rows = data.outstanding.map((o) => [o.name, o.email, o.unit, o.audience ?? '', t(`status.${o.participation}`), o.lastAccessed?.replace('T', ' ') ?? '']);
  return new TextEncoder().encode(BOM + [header, ...rows].map((r) => r.map((v) => cell(v, '')).join(';')).join('\r\n') + '\r\n');
}

/** The indicator table as .xlsx: numbers as numbers, shares formatted as per cent. */
export async function indicatorXlsx(data: ReportData, t: ReportText): Promise<Uint8Array> {
  const header = indicatorHeader(t).map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = indicatorRows(data, t).map((row) =>
    row.map((value, i) => {
      if (value === null) return { value: t('suppressed') };
      if (typeof value === 'number') return { value, type: Number, ...(i === 3 || i === 5 ? { format: '0.0%' } : {}) };
      return { value, type: String };
    }),
  );
  const blob = await writeXlsxFile([header, ...rows], { sheet: t('indicators.heading').slice(0, 31), columns: [{ width: 32 }, { width: 12 }, { width: 12 }, { width: 16 }, { width: 12 }, { width: 16 }] }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
