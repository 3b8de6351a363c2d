import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../src/authoring/compile.ts';
import { checkRegions } from '../../src/authoring/course-checks.ts';
import { loadProject } from '../../src/authoring/load.ts';
import { checkerText } from '../../src/authoring/problems.ts';
import { regionSchema } from '../../src/authoring/schema.ts';
import { summariseUnfilled } from '../../src/authoring/unfilled-summary.ts';
import { validateText } from '../../src/authoring/validate.ts';
import { planBuild, planReport } from '../../scorm/build-plan.ts';

const root = resolve(import.meta.dirname, '../..');
const text = await checkerText(root);
const { project, problems } = loadProject(root);

const unfilled = (field: string, contact: string) =>
  `Kontakten "${contact}": ${field} är inte ifyllt, här står FYLL I. Skriv in regionens uppgift. Profilen paketeras inte förrän allt som står FYLL I är ifyllt.`;
/**
 * The warnings expected for a profile: one per line that reads `<field>: FYLL I`, at the value,
 * naming the contact whose `- id:` comes before it (found from the file, so edits above move them along).
 */
function expectedWarnings(file: string): string[] {
  let contact = '';
  return readFileSync(join(root, file), 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      contact = /^\s*- id: (\w+)/.exec(line)?.[1] ?? contact;
      const field = /^\s*(\w+): FYLL I/.exec(line)?.[1];
      return field ? [`${file}:${i + 1}:${line.indexOf('FYLL I') + 1}: varning: ${unfilled(field, contact)}`] : [];
    });
}
const hallandFields = expectedWarnings('course/regions/halland.yaml');

/** The Halland profile as a region would write it, with `fill` applied to its text. */
function halland(fill: (yaml: string) => string) {
  const file = 'course/regions/halland.yaml';
  const result = validateText(file, fill(readFileSync(join(root, file), 'utf8')), regionSchema);
  if (!result.data) throw new Error(result.problems.map(text.format).join('\n'));
  return checkRegions(root, [{ file, source: result.source, data: result.data }]).map(text.format);
}

describe('region profiles with fields left for the region', () => {
  it('the check warns once per field still reading FYLL I, where it is written, and nothing else', () => {
    const regionWarnings = (file: string) => problems.filter((p) => p.file === file && p.code.startsWith('region_')).map(text.format);
    expect(regionWarnings('course/regions/halland.yaml')).toEqual(hallandFields);
    expect(hallandFields.map((line) => line.replace(/^.*: varning: /, ''))).toEqual(
      ['localName', 'phone', 'url'].map((f) => unfilled(f, 'security')).concat(
        ['localName', 'phone', 'url'].map((f) => unfilled(f, 'occupational_health')),
        ['localName', 'url'].map((f) => unfilled(f, 'incident_report')),
      ),
    );
    expect(regionWarnings('course/regions/jamtland_harjedalen.yaml')).toEqual(expectedWarnings('course/regions/jamtland_harjedalen.yaml'));
    expect(regionWarnings('course/regions/generic.yaml')).toEqual([]);
    expect(problems.filter((p) => p.severity === 'error').map(text.format)).toEqual([]);
  });

  it('a profile filled in completely has no warnings; one left is named alone', () => {
    const phone = (yaml: string) => yaml.replace(/phone: FYLL I/g, 'phone: "000-000 00 00"');
    const url = (yaml: string) => yaml.replace(/url: FYLL I/g, 'url: https://intranat.example/sakerhet');
    const names = (yaml: string) => yaml.replace(/localName: FYLL I/g, 'localName: Namnet hos oss');
    expect(halland((yaml) => names(url(phone(yaml))))).toEqual([]);
    expect(halland((yaml) => url(phone(yaml)))).toEqual(hallandFields.filter((line) => line.includes('localName')));
  });
});

describe('npm run check and profiles not filled in yet', () => {
  const summary = (file: string, first: string) =>
    `${file}:${first}: varning: 8 uppgifter i profilen är inte ifyllda: där står FYLL I (den första här). Profilen paketeras inte förrän allt är ifyllt. Sök efter FYLL I i filen, eller se varje uppgift med rad och kolumn: npm run check -- --alla.`;
  const position = (line: string | undefined) => /^[^:]+:(\d+:\d+):/.exec(line ?? '')?.[1] ?? '';
  const jamtland = expectedWarnings('course/regions/jamtland_harjedalen.yaml');
  const summarised = [
    summary('course/regions/halland.yaml', position(hallandFields[0])),
    summary('course/regions/jamtland_harjedalen.yaml', position(jamtland[0])),
  ];

  it('says one line per profile, at its first field, so the FYLL I list does not bury the rest', () => {
    const unfilled = summariseUnfilled(problems).filter((p) => p.file.startsWith('course/regions/'));
    expect(unfilled.map(text.format)).toEqual(summarised);
  });

  it('keeps a lone field as it is, and says the summary in English with the English flag', async () => {
    const one = problems.filter((p) => p.file === 'course/regions/halland.yaml').slice(0, 1);
    expect(summariseUnfilled(one)).toEqual(one);
    const en = await checkerText(root, 'en');
    const [first] = summariseUnfilled(problems).filter((p) => p.code === 'region_unfilled_summary');
    expect(first && en.format(first)).toContain(
      '8 fields in the profile are not filled in: they read FYLL I (the first one here).',
    );
  });

  it('npm run check summarises by default and lists every field with --alla or --all', { timeout: 60_000 }, () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/authoring/check-cli.ts', ...args], { cwd: root, encoding: 'utf8' }).stdout;
    const regionLines = (out: string) => out.split('\n').filter((line) => line.startsWith('course/regions/'));
    expect(regionLines(run())).toEqual(summarised);
    const all = [...hallandFields, ...jamtland];
    expect(regionLines(run('--alla'))).toEqual(all);
    expect(regionLines(run('--all'))).toEqual(all);
  });
});

describe('npm run build and incomplete region profiles', () => {
  it('by default packages every complete region and says which were left out and why', () => {
    const plan = planBuild(project, problems);
    expect(plan.kind).toBe('build');
    if (plan.kind !== 'build') return;
    expect(plan.targets.map((t) => `${t.region}/${t.audience}`)).toEqual(['generic/staff', 'generic/manager', 'generic/elected']);
    const report = planReport(plan, text);
    expect(report.exitCode).toBeUndefined();
    expect(report.lines).toEqual([
      'Regionen halland paketerades inte: 8 uppgifter i course/regions/halland.yaml är inte ifyllda.',
      ...hallandFields.map((line) => `  ${line}`),
      'Regionen jamtland_harjedalen paketerades inte: 8 uppgifter i course/regions/jamtland_harjedalen.yaml är inte ifyllda.',
      ...expectedWarnings('course/regions/jamtland_harjedalen.yaml').map((line) => `  ${line}`),
    ]);
  });

  it('asked for an incomplete region, refuses with the list of fields', () => {
    const report = planReport(planBuild(project, problems, 'halland'), text);
    expect(report.exitCode).toBe(1);
    expect(report.lines).toEqual([
      'Regionen halland kan inte paketeras: 8 uppgifter i course/regions/halland.yaml är inte ifyllda. Fyll i dem och kör kommandot igen.',
      ...hallandFields.map((line) => `  ${line}`),
    ]);
  });

  it('asked for a complete region, packages only it; asked for an unknown one, names those there are', () => {
    const plan = planBuild(project, problems, 'generic');
    expect(plan.kind === 'build' && plan.targets.map((t) => t.region)).toEqual(['generic', 'generic', 'generic']);
    expect(planReport(plan, text).lines).toEqual([]);
    expect(planReport(planBuild(project, problems, 'halla'), text)).toEqual({
      lines: ['Det finns ingen regionprofil "halla" i course/regions/. Välj en av: generic, halland, jamtland_harjedalen.'],
      exitCode: 1,
    });
  });

  it('the command exits non-zero for --region halland before building anything', { timeout: 60_000 }, () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scorm/build.ts', '--region', 'halland'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Regionen halland kan inte paketeras: 8 uppgifter');
    expect(run.stderr).toContain(`  ${hallandFields[1]}`);
    expect(run.stdout).not.toContain('dist/');
  });
});

describe('the closing card for each audience', () => {
  const card = (audience: string) => {
    const { region } = compileBundle(project, { audience, region: 'generic' }).course;
    return { contacts: region.contacts.map((c) => c.phone ?? c.id), steps: region.whatToDo };
  };

  it('staff and managers get occupational health and incident reporting; elected officials their party instead', () => {
    expect(card('staff').contacts).toEqual(['112', '114 14', 'security', 'manager', 'occupational_health', 'incident_report']);
    expect(card('manager').contacts).toEqual(['112', '114 14', 'security', 'occupational_health', 'incident_report']);
    expect(card('elected').contacts).toEqual(['112', '114 14', 'security', 'party']);
  });

  it('each audience gets the steps written for it, in the profile order', () => {
    expect(card('staff').steps).toEqual([0, 1, 3, 4, 5, 8, 9]);
    expect(card('manager').steps).toEqual([0, 1, 3, 5, 6, 8]);
    expect(card('elected').steps).toEqual([0, 2, 3, 7, 10]);
  });
});
