import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { compileBundle } from '../../src/authoring/compile.ts';
import { loadProject } from '../../src/authoring/load.ts';
import { checkerText, type Problem } from '../../src/authoring/problems.ts';
import { SOURCE_KEY, textHash } from '../../src/authoring/source-hash.ts';
import { acceptUnrecorded, importWorksheets, writeWorksheets } from '../../src/authoring/translate.ts';
import { SMALLEST_NODES } from './fixture-specs.ts';

const repo = resolve(import.meta.dirname, '../..');
const text = await checkerText(repo);

const sources: Record<string, string> = {
  'course/course.yaml': `id: kurs
version: 1
title: Kursen
description: Om kursen
passMark: 50
replays: best
audiences:
  staff:
    title: Medarbetare
    scenarios: [s]
`,
  'course/regions/generic.yaml': `id: generic
name: regionen
whatToDo: [Larma]
contacts:
  - id: manager
    name: Din chef
    when: Efter varje händelse.
`,
  'scenarios/s.yaml': `id: s
version: 1
title: Titel
summary: Sammanfattning
estimatedMinutes: 5
audiences: [staff]
topics: [hot]
learningGoals: [Mål]
start: a
nodes:
${SMALLEST_NODES}`,
  'locales/sv/ui.json': JSON.stringify({ start: 'Börja', score: 'Du fick {{score}} poäng' }),
};

/** A small course in a fresh directory: the Swedish sources plus whatever else a test writes. */
function project(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'translate-'));
  for (const [file, content] of Object.entries({ ...sources, ...files })) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  mkdirSync(join(root, 'locales/en'), { recursive: true });
  return root;
}

/** The scenario's English, with the hash of each Swedish text it was made from. */
const scenarioEn = (hashes: Record<string, string>) =>
  `${JSON.stringify(
    {
      title: 'Title',
      summary: 'Summary',
      learningGoals: ['Goal'],
      nodes: {
        a: { text: 'Hello', choices: { c1: { text: 'Choice', feedback: 'Good' } } },
        end: { title: 'End', text: 'Done', takeaways: ['Lesson'] },
      },
      [SOURCE_KEY]: hashes,
    },
    null,
    2,
  )}\n`;

const scenarioSv: Record<string, string> = {
  title: 'Titel',
  summary: 'Sammanfattning',
  'learningGoals.0': 'Mål',
  'nodes.a.text': 'Hej',
  'nodes.a.choices.c1.text': 'Val',
  'nodes.a.choices.c1.feedback': 'Bra',
  'nodes.end.title': 'Slut',
  'nodes.end.text': 'Klart',
  'nodes.end.takeaways.0': 'Lärdom',
};
const currentHashes = Object.fromEntries(Object.entries(scenarioSv).map(([k, v]) => [k, textHash(v)]));

const without = (hashes: Record<string, string>, key: string) => Object.fromEntries(Object.entries(hashes).filter(([k]) => k !== key));

const translationProblems = (root: string): string[] =>
  loadProject(root)
    .problems.filter((p) => p.code.startsWith('translation'))
    .map((p) => text.format(p));

const header = () => 'Arbetsfil';
const sheet = (root: string, file: string) => parse(readFileSync(join(root, 'translations/en', file), 'utf8')) as Record<string, Record<string, string>>;
const format = (problems: readonly Problem[]) => problems.map((p) => text.format(p));

describe('stale translations', () => {
  it('are reported at the translated key when the Swedish text changed since', () => {
    const root = project({ 'locales/en/scenarios/s.json': scenarioEn({ ...currentHashes, 'nodes.a.text': textHash('Hej du') }) });
    expect(translationProblems(root).filter((p) => p.includes('scenarios/s.json'))).toEqual([
      'locales/en/scenarios/s.json:9:7: varning: Översättningen "nodes.a.text" (en) gjordes för en äldre svensk text. Kör npm run translate -- en, uppdatera översättningen, skriv status: klar och läs in den med npm run translate -- en --import.',
    ]);
  });

  it('include keys with no recorded hash, list items pointing at the item', () => {
    const root = project({ 'locales/en/scenarios/s.json': scenarioEn(without(currentHashes, 'nodes.end.takeaways.0')) });
    expect(translationProblems(root).filter((p) => p.includes('scenarios/s.json'))).toEqual([
      'locales/en/scenarios/s.json:21:9: varning: Det syns inte vilken svensk text översättningen "nodes.end.takeaways.0" (en) gjordes för. Kör npm run translate -- en, kontrollera översättningen, skriv status: klar och läs in den med npm run translate -- en --import.',
    ]);
  });

  it('are clean when every hash matches, and a missing file is one warning', () => {
    const root = project({ 'locales/en/scenarios/s.json': scenarioEn(currentHashes) });
    expect(translationProblems(root).filter((p) => p.includes('scenarios/s.json'))).toEqual([]);
    expect(translationProblems(root)).toContain(
      'locales/en/course.json:1:1: varning: Översättningsfilen saknas (en). Den svenska texten visas i stället. Skapa den med npm run translate -- en och läs in den med npm run translate -- en --import.',
    );
  });

  it('never reach the bundle or the resources as texts', () => {
    const root = project({ 'locales/en/scenarios/s.json': scenarioEn(currentHashes) });
    const { project: loaded } = loadProject(root);
    expect(loaded.resources.get('en')?.get('scenario.s')).not.toHaveProperty(SOURCE_KEY);
    expect(loaded.sourceHashes.get('en')?.get('scenario.s')).toEqual(currentHashes);
    const bundle = compileBundle(loaded, { audience: 'staff', region: 'generic' });
    expect(bundle.resources.en?.['scenario.s']).toMatchObject({ title: 'Title' });
    expect(JSON.stringify(bundle)).not.toContain(SOURCE_KEY);
  });
});

describe('worksheets', () => {
  it('show every key in source order with its status, the Swedish beside the translation', () => {
    const en = JSON.parse(scenarioEn({ ...without(currentHashes, 'nodes.end.takeaways.0'), title: textHash('Gammal titel') })) as { nodes: { end: { takeaways?: string[] } } };
    delete en.nodes.end.takeaways;
    const root = project({ 'locales/en/scenarios/s.json': JSON.stringify(en) });
    const { worksheets, problems } = writeWorksheets(loadProject(root).project, 'en', header);
    expect(problems).toEqual([]);
    expect(worksheets).toEqual([
      { file: 'translations/en/ui.yaml', counts: { ny: 2, ändrad: 0, klar: 0 } },
      { file: 'translations/en/course.yaml', counts: { ny: 3, ändrad: 0, klar: 0 } },
      { file: 'translations/en/regions/generic.yaml', counts: { ny: 4, ändrad: 0, klar: 0 } },
      { file: 'translations/en/scenarios/s.yaml', counts: { ny: 1, ändrad: 1, klar: 7 } },
    ]);
    const content = readFileSync(join(root, 'translations/en/scenarios/s.yaml'), 'utf8');
    expect(content.startsWith('# Arbetsfil\n\ntitle:\n  status: ändrad\n  sv: Titel\n  en: Title\n\nsummary:\n  status: klar\n')).toBe(true);
    expect(content.endsWith('nodes.end.takeaways.0:\n  status: ny\n  sv: Lärdom\n  en: ""\n')).toBe(true);
    expect(Object.keys(sheet(root, 'scenarios/s.yaml'))).toEqual(Object.keys(scenarioSv));
  });

  it('keep a translator’s unimported work when written again', () => {
    const root = project();
    writeWorksheets(loadProject(root).project, 'en', header);
    const edited = sheet(root, 'ui.yaml');
    edited.start = { status: 'ny', sv: 'Börja', en: 'Start' };
    writeFileSync(join(root, 'translations/en/ui.yaml'), stringify(edited));
    writeWorksheets(loadProject(root).project, 'en', header);
    expect(sheet(root, 'ui.yaml').start).toEqual({ status: 'ny', sv: 'Börja', en: 'Start' });
  });

  it('show the Swedish text an old translation was made for, from git history', () => {
    const root = project({ 'locales/en/scenarios/s.json': scenarioEn(currentHashes) });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'first');
    writeFileSync(join(root, 'scenarios/s.yaml'), sources['scenarios/s.yaml']?.replace('text: Hej', 'text: Hej igen') ?? '');
    writeWorksheets(loadProject(root).project, 'en', header);
    expect(sheet(root, 'scenarios/s.yaml')['nodes.a.text']).toEqual({ status: 'ändrad', sv: 'Hej igen', sv_tidigare: 'Hej', en: 'Hello' });
  });
});

describe('import', () => {
  it('round-trips: filled worksheets read back leave the checker clean, and the worksheets show them done', () => {
    const root = project();
    writeWorksheets(loadProject(root).project, 'en', header);
    for (const file of ['ui.yaml', 'course.yaml', 'regions/generic.yaml', 'scenarios/s.yaml']) {
      const entries = sheet(root, file);
      for (const entry of Object.values(entries)) Object.assign(entry, { status: 'klar', en: `EN ${entry.sv ?? ''}` });
      writeFileSync(join(root, 'translations/en', file), stringify(entries));
    }
    const { problems, changes } = importWorksheets(loadProject(root).project, 'en');
    expect(problems).toEqual([]);
    expect(changes).toHaveLength(18);
    expect(changes[0]).toEqual({ file: 'locales/en/ui.json', key: 'start', kind: 'new' });
    expect(translationProblems(root)).toEqual([]);
    const written = JSON.parse(readFileSync(join(root, 'locales/en/scenarios/s.json'), 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ learningGoals: ['EN Mål'], nodes: { end: { takeaways: ['EN Lärdom'] } }, [SOURCE_KEY]: currentHashes });
    const { worksheets } = writeWorksheets(loadProject(root).project, 'en', header);
    expect(worksheets.map((w) => w.counts)).toEqual([
      { ny: 0, ändrad: 0, klar: 2 },
      { ny: 0, ändrad: 0, klar: 3 },
      { ny: 0, ändrad: 0, klar: 4 },
      { ny: 0, ändrad: 0, klar: 9 },
    ]);
  });

  it('refuses unknown keys, empty texts and changed placeholders, with positions, and writes nothing', () => {
    const root = project();
    const content = `start:
  status: klar
  sv: Börja
  en: ""
score:
  status: klar
  sv: Du fick {{score}} poäng
  en: You scored {{points}}
stop:
  status: klar
  sv: Sluta
  en: Stop
`;
    mkdirSync(join(root, 'translations/en'), { recursive: true });
    writeFileSync(join(root, 'translations/en/ui.yaml'), content);
    const { problems, changes } = importWorksheets(loadProject(root).project, 'en');
    expect(format(problems)).toEqual([
      'translations/en/ui.yaml:4:3: fel: "start" har status klar men ingen översättning. Skriv översättningen under en, eller ändra status.',
      'translations/en/ui.yaml:8:3: fel: Platshållarna i översättningen av "score" stämmer inte med den svenska texten: {{score}} i den svenska texten, {{points}} i översättningen. Skriv dem precis som i den svenska texten.',
      'translations/en/ui.yaml:9:1: fel: Nyckeln "stop" finns inte i den svenska källan. Ta bort posten, eller kör npm run translate -- en för att få en uppdaterad arbetsfil.',
    ]);
    expect(changes).toEqual([]);
    expect(() => readFileSync(join(root, 'locales/en/ui.json'))).toThrow();
  });

  it('reads only entries marked klar, and says so of edited ones that are not', () => {
    const root = project();
    mkdirSync(join(root, 'translations/en'), { recursive: true });
    writeFileSync(join(root, 'translations/en/ui.yaml'), 'start:\n  status: ny\n  sv: Börja\n  en: Start\n');
    const { problems, changes } = importWorksheets(loadProject(root).project, 'en');
    expect(format(problems)).toEqual([
      'translations/en/ui.yaml:2:3: varning: Översättningen av "start" är ändrad men har status ny, så den lästes inte in. Skriv status: klar när den är färdig.',
    ]);
    expect(changes).toEqual([]);
  });
});

describe('accepting unrecorded hashes', () => {
  it('records today’s Swedish for translations without a hash and never replaces a recorded one', () => {
    const stale = textHash('Hej du');
    const root = project({ 'locales/en/scenarios/s.json': scenarioEn({ ...without(currentHashes, 'nodes.end.text'), 'nodes.a.text': stale }) });
    expect(acceptUnrecorded(loadProject(root).project, 'en')).toEqual([{ file: 'locales/en/scenarios/s.json', count: 1 }]);
    expect(loadProject(root).project.sourceHashes.get('en')?.get('scenario.s')).toEqual({ ...currentHashes, 'nodes.a.text': stale });
    expect(acceptUnrecorded(loadProject(root).project, 'en')).toEqual([]);
  });
});
