import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { indicatorCsv, indicatorXlsx } from '../../../src/report/indicator-files.ts';
import { buildReport, importAll } from '../../../src/report/report.ts';
import { reportText } from '../../../src/report/text.ts';
import { exportFiles, theCourse } from './helpers.ts';

const data = async (minGroup: number) => buildReport(await importAll(exportFiles(/\.(txt|csv)$/), theCourse()), theCourse(), { minGroup, target: 0.9 }).data;

describe('the indicator files', () => {
  it('CSV opens in Swedish Excel as it is: UTF-8 BOM, semicolons, decimal comma, CRLF', async () => {
    const bytes = indicatorCsv(await data(3), await reportText('sv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Enhet;Inskrivna;Slutfört;Andel slutfört av inskrivna;Godkända;Andel godkända av inskrivna');
    // Akutmottagningen: 6 enrolled, 4 completed (0,667), 2 passed (0,333).
    expect(lines[1]).toBe('Akutmottagningen Halmstad;6;4;0,667;2;0,333');
    expect(lines).toContain('Psykiatrisk slutenvård;6;3;0,5;2;0,333');
    expect(lines.at(-2)).toBe('Totalt;29;17;0,586;13;0,448');
    expect(text).not.toMatch(/\d\.\d/);
  });

  it('hides suppressed figures in the CSV with a dash, never a number', async () => {
    const text = new TextDecoder().decode(indicatorCsv(await data(5), await reportText('sv')));
    expect(text.split('\r\n')[1]).toBe('Akutmottagningen Halmstad;6;4;0,667;–;–');
  });

  it('.xlsx reads back with the same figures, as numbers', async () => {
    const t = await reportText('sv');
    const [sheet] = await readXlsxFile((await indicatorXlsx(await data(3), t)).slice().buffer);
    expect(sheet?.data[0]).toEqual(['Enhet', 'Inskrivna', 'Slutfört', 'Andel slutfört av inskrivna', 'Godkända', 'Andel godkända av inskrivna']);
    expect(sheet?.data[1]?.slice(0, 3)).toEqual(['Akutmottagningen Halmstad', 6, 4]);
    expect(sheet?.data[1]?.[3]).toBeCloseTo(4 / 6);
    expect(sheet?.data.at(-1)?.slice(0, 3)).toEqual(['Totalt', 29, 17]);
    expect(sheet?.data.at(-1)?.[4]).toBe(13);
  });
});
