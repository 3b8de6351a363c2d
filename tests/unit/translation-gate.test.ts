import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/authoring/load.ts';
import { checkerText } from '../../src/authoring/problems.ts';
import { translationGate } from '../../src/authoring/translation-gate.ts';
import { projectWith } from './checker-fixtures.ts';

const root = resolve(import.meta.dirname, '../..');
const text = await checkerText(root);
const disposers: (() => void)[] = [];
afterAll(() => disposers.forEach((d) => d()));

function fixture(caseName?: string) {
  const made = projectWith(caseName);
  disposers.push(made.dispose);
  return made.root;
}
const gate = (caseName: string | undefined, allowed = false) => translationGate(loadProject(fixture(caseName)).problems, text, allowed);

const stale =
  '  locales/en/scenarios/disken.json:2:3: varning: Översättningen "title" (en) gjordes för en äldre svensk text. Kör npm run translate -- en, uppdatera översättningen, skriv status: klar och läs in den med npm run translate -- en --import.';

describe('npm run build and unfinished translations', () => {
  it('refuses a stale translation, naming file, line and key, and how to go on', () => {
    expect(gate('stale-translation')).toEqual({
      lines: [
        'Bygget avbröts: översättningen (en) är inte klar på 1 ställe, se nedan. Deltagare som väljer det språket skulle där få svensk text eller en översättning av en äldre svensk text. Uppdatera översättningen (se Översätta till engelska i scenarios/README.md) och bygg igen, eller bygg ändå med npm run build -- --tillat-oversattningar.',
        stale,
      ],
      exitCode: 1,
    });
  });

  it('refuses a missing translation and a missing translation file; an orphan is never shown, so it passes', () => {
    expect(gate('missing-translation').lines.slice(1)).toEqual([
      '  locales/en/scenarios/disken.json:1:1: varning: Översättning saknas för "title" (en). Den svenska texten visas i stället. Kör npm run translate -- en, skriv översättningen i arbetsfilen under translations/en/ och läs in den med npm run translate -- en --import.',
    ]);
    expect(gate('id-file-mismatch').lines.slice(1)).toEqual([
      '  locales/en/scenarios/disken.json:1:1: varning: Översättningsfilen saknas (en). Den svenska texten visas i stället. Skapa den med npm run translate -- en och läs in den med npm run translate -- en --import.',
    ]);
    expect(gate('orphaned-translation')).toEqual({ lines: [] });
    expect(gate(undefined)).toEqual({ lines: [] });
  });

  it('allowed, lists them and goes on', () => {
    expect(gate('stale-translation', true)).toEqual({
      lines: [
        'Översättningen (en) är inte klar på 1 ställe, se nedan. Bygget fortsätter eftersom --tillat-oversattningar angavs: deltagare som väljer det språket får där svensk text eller en översättning av en äldre svensk text.',
        stale,
      ],
    });
  });

  it('lets the real course through: every translation is done (npm test builds it)', () => {
    expect(translationGate(loadProject(root).problems, text, false)).toEqual({ lines: [] });
  });

  it('the command stops before building anything, and takes --tillat-oversattningar or --allow-stale-translations', { timeout: 60_000 }, () => {
    // build.ts finds the project beside its own folder, so the fixture gets a copy of scorm/
    // (and package.json, which makes its .ts files ES modules).
    const project = fixture('stale-translation');
    cpSync(join(root, 'scorm'), join(project, 'scorm'), { recursive: true });
    cpSync(join(root, 'package.json'), join(project, 'package.json'));
    for (const name of ['src', 'node_modules']) symlinkSync(join(root, name), join(project, name));
    for (const lng of ['sv', 'en']) cpSync(join(root, `locales/${lng}/checker.json`), join(project, `locales/${lng}/checker.json`));
    const build = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scorm/build.ts', ...args], { cwd: project, encoding: 'utf8' });

    const refused = build();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Bygget avbröts: översättningen (en) är inte klar på 1 ställe');
    expect(refused.stderr).toContain(stale);
    expect(existsSync(join(project, 'dist'))).toBe(false);
    // Allowed, the build goes on to the regions: an unknown one stops it there, before Vite.
    for (const flag of ['--tillat-oversattningar', '--allow-stale-translations']) {
      const allowed = build(flag, '--region', 'ingen');
      expect(allowed.stderr).toContain('Bygget fortsätter eftersom --tillat-oversattningar angavs');
      expect(allowed.stderr).toContain('Det finns ingen regionprofil "ingen" i course/regions/.');
    }
  });
});
