import i18next from 'i18next';
import en from '../../locales/en/report.json';
import sv from '../../locales/sv/report.json';

export type ReportText = (key: string, options?: Record<string, unknown>) => string;

/** The report's own strings (`locales/<lng>/report.json`), Swedish first; its own i18next instance. */
export async function reportText(lng: string): Promise<ReportText> {
  const instance = i18next.createInstance();
  await instance.init({ lng, fallbackLng: 'sv', resources: { sv: { report: sv }, en: { report: en } }, defaultNS: 'report', interpolation: { escapeValue: false } });
  return instance.getFixedT(lng, 'report') as ReportText;
}

/** `0,833` → `83,3 %` in Swedish, `83.3 %` in English. */
export const percent = (share: number, lng: string): string =>
  `${(share * 100).toLocaleString(lng === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
