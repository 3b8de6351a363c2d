import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/report/import/import-file.ts';
import { parseDate, parseDuration } from '../../../src/report/import/values.ts';
import { buildReport, importAll } from '../../../src/report/report.ts';
import type { ReportData } from '../../../src/report/summary.ts';
import { exportFiles, memorySource, theCourse, truth } from './helpers.ts';

const settings = { minGroup: 3, target: 0.9 };
const report = async (match?: RegExp, min = 3): Promise<ReportData> => {
  const course = theCourse();
  return buildReport(await importAll(exportFiles(match), course), course, { ...settings, minGroup: min }).data;
};

describe('the Moodle 4.3 exports, against what the learners really did', () => {
  it('counts each person once across both packages, by unit, as truth-staff.json says', async () => {
    const data = await report();
    const people = truth(theCourse().passMark);
    const count = (unit: string | null, f: (p: (typeof people)[number]) => boolean) => people.filter((p) => (unit === null || p.unit === unit) && f(p)).length;
    expect(data.total).toMatchObject({
      learners: people.length,
      notStarted: count(null, (p) => p.status === 'notStarted'),
      inProgress: count(null, (p) => p.status === 'inProgress'),
      completed: count(null, (p) => p.status === 'completed'),
      passed: count(null, (p) => p.passed === true),
      failed: count(null, (p) => p.passed === false),
    });
    expect(data.total).toMatchObject({ learners: 29, completed: 17, passed: 13, failed: 4 });
    for (const unit of data.units) {
      expect(unit.learners).toBe(count(unit.unit, () => true));
      expect(unit.completed).toBe(count(unit.unit, (p) => p.status === 'completed'));
      expect(unit.results?.passed).toBe(count(unit.unit, (p) => p.passed === true));
    }
    expect(data.units.map((u) => u.unit)).toEqual(['Akutmottagningen Halmstad', 'Psykiatrisk slutenvård', 'Regionkansliet', 'Vårdcentral Tylösand', '']);
  });

  it('reads the .xlsx downloads to the same numbers as the text ones, and a repeated download changes nothing', async () => {
    const text = await report(/\.(txt|csv)$/);
    const xlsx = await report(/(\.xlsx|completion.*\.csv)$/);
    const twice = buildReport(await importAll([...exportFiles(), ...exportFiles()], theCourse()), theCourse(), settings).data;
    for (const d of [xlsx, twice]) {
      expect(d.total).toEqual(text.total);
      expect(d.units).toEqual(text.units);
      expect(d.decisions).toEqual(text.decisions);
    }
  });

  it('says which learners have no decisions in the exports, and why (SCORM 2004 in Moodle 4.3)', async () => {
    const data = await report();
    expect(data.missingDecisions.scorm2004).toBe(8);
    expect(data.files.find((f) => f.file.includes('scorm2004__scorm-interactions'))).toMatchObject({ kind: 'moodle-interactions', scorm: '2004', interactionsEmpty: true, audience: 'staff' });
  });

  it('gives the first choices at the first decision as the 1.2 learners made them', async () => {
    const data = await report();
    const first = data.decisions.find((d) => d.scenario === 'akuten_vantetid' && d.node === 'vantrummet');
    // 14 learners answered in SCORM 1.2 (the 2004 attempts export none): 10 good, 2 acceptable, 2 poor.
    expect(first?.answered).toBe(14);
    expect(first?.choices?.map((c) => [c.id, c.count])).toEqual([['bekrafta_oron', 10], ['lova_lakare', 2], ['medicinsk_prioritet', 2]]);
  });

  it('with the basic report alone, a score of 0 is not taken as finished', async () => {
    const data = await report(/scorm12__scorm-basic\.txt$/);
    expect(data.ambiguous).toBeGreaterThan(0);
    // Only the attempts scored above 0 count as finished: 4 passes, the one fail at 51.9 %, and 3 test accounts.
    expect(data.total.completed).toBe(8);
  });
});

describe('files the report cannot read', () => {
  it('names the file, row and column and says what was expected', async () => {
    const file = memorySource('export.txt', 'Name\tEmail address\tAttempt\tStarted on\tLast accessed on\tScore\nAnna\ta@x.se\t1\tigår\t-\t50\n');
    const { problems } = await importFile(file, theCourse(), () => {});
    expect(problems).toEqual([{ file: 'export.txt', code: 'badDate', row: 2, column: 'Started on', values: { value: 'igår' } }]);
  });

  it('says so when a file is not an export at all, or in Excel\'s old .xls format', async () => {
    const pdf = await importFile(memorySource('rapport.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2])), theCourse(), () => {});
    const xls = await importFile(memorySource('rapport.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0])), theCourse(), () => {});
    expect([pdf.problems, xls.problems]).toEqual([[{ file: 'rapport.pdf', code: 'notText' }], [{ file: 'rapport.xls', code: 'oldExcel' }]]);
  });

  it('asks for a column mapping for an unknown format, and reads it once mapped', async () => {
    const csv = 'Person;Status;Poäng\nP1;passed;90\nP2;incomplete;\n';
    const unknown = await importFile(memorySource('other-lms.csv', csv), theCourse(), () => {});
    expect(unknown.summary.kind).toBe('unknown');
    expect(unknown.problems[0]?.code).toBe('unknownColumns');
    const facts: unknown[] = [];
    const mapped = await importFile(memorySource('other-lms.csv', csv), theCourse(), (f) => facts.push(f), { mapping: { learner_id: 'Person', status: 'Status', score: 'Poäng' } });
    expect(mapped.summary.kind).toBe('generic-attempts');
    expect(facts).toHaveLength(2);
  });

  it('reads UTF-16 with BOM, split anywhere, as Moodle\'s Excel CSV is written', async () => {
    const text = '\ufeff\t"Email address"\n"Åsa Öberg"\t"asa@x.se"\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(i * 2, text.charCodeAt(i), true);
    const names: string[] = [];
    await importFile(memorySource('completion.csv', bytes), theCourse(), (f) => names.push(f.learner.name));
    expect(names).toEqual(['Åsa Öberg']);
  });
});

describe('a Moodle in Swedish', () => {
  it('reads the interactions report with Swedish column names, dates and statuses', async () => {
    const header = ['Namn', 'E-postadress', 'Avdelning', 'Institution', 'Försök', 'Började', 'Senaste åtkomst den', 'Poäng', 'Trygg i uppdraget – Medarbetare', 'Fråga 0', 'Svar 0', 'Rätt svar 0', 'Resultat 0'];
    const rows = [
      ['Åsa Öberg', 'asa@x.se', 'Enhet', 'Region', '1', 'lördag, 5 december 2026, 18:10', 'lördag, 5 december 2026, 18:12', '80', '80', 'akuten_vantetid.vantrummet', 'bekrafta_oron', 'bekrafta_oron', 'correct'],
      ['Bo Ek', 'bo@x.se', 'Enhet', 'Region', '1', 'lördag, 5 december 2026, 18:10', 'lördag, 5 december 2026, 18:11', '0', 'Ofullständig', '', '', '', ''],
      ['Cecilia Al', 'c@x.se', 'Enhet', 'Region', '-', '-', '-', '-', 'Ej försökt', '', '', '', ''],
    ];
    const file = memorySource('TIU12 Trygg i uppdraget – Medarbetare (SCORM 1.2).txt', [header, ...rows].map((r) => r.join('\t')).join('\n'));
    const course = theCourse();
    const data = buildReport(await importAll([file], course), course, settings).data;
    expect(data.problems).toEqual([]);
    expect(data.files[0]).toMatchObject({ kind: 'moodle-interactions', audience: 'staff', scorm: '1.2' });
    expect(data.total).toMatchObject({ learners: 3, notStarted: 1, inProgress: 1, completed: 1 });
  });
});

describe('values', () => {
  it('reads Moodle\'s dates in English and Swedish and ISO', () => {
    expect(parseDate('Saturday, 5 December 2026, 6:10 PM')).toBe('2026-12-05T18:10');
    expect(parseDate('5 December 2026, 12:05 AM')).toBe('2026-12-05T00:05');
    expect(parseDate('lördag, 5 december 2026, 18:10')).toBe('2026-12-05T18:10');
    expect(parseDate('2026-12-05 18:10:07')).toBe('2026-12-05T18:10');
    expect(parseDate('-')).toBeNull();
  });
  it('reads both SCORM durations and leaves Moodle\'s "P" empty', () => {
    expect(parseDuration('PT1M10.74S')).toBeCloseTo(70.74);
    expect(parseDuration('00:01:13.74')).toBeCloseTo(73.74);
    expect(parseDuration('P')).toBeNull();
  });
});
