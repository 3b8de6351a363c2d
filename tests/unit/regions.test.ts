import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../src/authoring/compile.ts';
import { checkRegions } from '../../src/authoring/course-checks.ts';
import { loadProject } from '../../src/authoring/load.ts';
import { checkerText } from '../../src/authoring/problems.ts';
import { regionSchema } from '../../src/authoring/schema.ts';
import { validateText } from '../../src/authoring/validate.ts';
import { planBuild, planReport } from '../../scorm/build-plan.ts';

const root = resolve(import.meta.dirname, '../..');
const text = await checkerText(root);
const { project, problems } = loadProject(root);

const unfilled = (field: string, contact: string) =>
  `Kontakten "${contact}": ${field} är inte ifyllt, här står FYLL I. Skriv in regionens uppgift. Profilen paketeras inte förrän allt som står FYLL I är ifyllt.`;
const hallandFields = [
  `course/regions/halland.yaml:49:16: varning: ${unfilled('localName', 'security')}`,
  `course/regions/halland.yaml:50:12: varning: ${unfilled('phone', 'security')}`,
  `course/regions/halland.yaml:51:10: varning: ${unfilled('url', 'security')}`,
  `course/regions/halland.yaml:62:16: varning: ${unfilled('localName', 'occupational_health')}`,
  `course/regions/halland.yaml:63:12: varning: ${unfilled('phone', 'occupational_health')}`,
  `course/regions/halland.yaml:64:10: varning: ${unfilled('url', 'occupational_health')}`,
  `course/regions/halland.yaml:70:16: varning: ${unfilled('localName', 'incident_report')}`,
  `course/regions/halland.yaml:71:10: varning: ${unfilled('url', 'incident_report')}`,
];

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
    expect(regionWarnings('course/regions/jamtland_harjedalen.yaml')).toEqual(
      hallandFields.map((line) => line.replace('halland.yaml', 'jamtland_harjedalen.yaml')),
    );
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
      ...hallandFields.map((line) => `  ${line.replace('halland.yaml', 'jamtland_harjedalen.yaml')}`),
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
