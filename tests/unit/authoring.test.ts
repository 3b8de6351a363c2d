import { resolve } from 'node:path';
import { shortVersion } from '../../src/model/scenario.ts';
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../src/authoring/compile.ts';
import { loadProject } from '../../src/authoring/load.ts';
import { checkerText } from '../../src/authoring/problems.ts';
import { checkScenario } from '../../src/authoring/scenario-checks.ts';
import { scenarioSchema } from '../../src/authoring/schema.ts';
import { validateText } from '../../src/authoring/validate.ts';
import { reachableFrom, scoreRange } from '../../src/model/analysis.ts';
import { SMALLEST_NODES } from './fixture-specs.ts';

const root = resolve(import.meta.dirname, '../..');
const text = await checkerText(root);
const textEn = await checkerText(root, 'en');

const scenario = (body: string) => `id: s
version: 1
title: T
summary: S
estimatedMinutes: 5
audiences: [staff]
topics: [hot]
learningGoals: [Mål]
start: a
nodes:
${body}`;

const good = SMALLEST_NODES;

function check(yaml: string, lang: 'sv' | 'en' = 'sv'): string[] {
  const result = validateText('scenarios/s.yaml', yaml, scenarioSchema);
  const problems = result.data ? checkScenario('scenarios/s.yaml', result.data, result.source) : result.problems;
  return problems.map((p) => (lang === 'sv' ? text : textEn).format(p));
}

describe('the project as committed', () => {
  it('has no errors, and its course compiles with every scenario reachable', () => {
    const { project, problems } = loadProject(root);
    expect(problems.filter((p) => p.severity === 'error').map(text.format)).toEqual([]);
    const bundle = compileBundle(project, { audience: 'staff', region: 'generic' });
    expect(bundle.languages).toEqual(['sv', 'en']);
    for (const spec of bundle.course.scenarios) {
      // Every node is reached from the start or from the short version's first question.
      const short = shortVersion(spec);
      expect(new Set([...reachableFrom(spec), ...(short ? reachableFrom(short) : [])]).size).toBe(Object.keys(spec.nodes).length);
      expect(scoreRange(spec).max).toBeGreaterThan(0);
    }
  });
});

describe('checker messages name file, line, column and the fix', () => {
  it('accepts a well-formed scenario', () => {
    expect(check(scenario(good))).toEqual([]);
  });

  it('reports YAML syntax errors with their position', () => {
    expect(check('id: s\nnodes:\n  a: [unclosed\n')[0]).toMatch(/^scenarios\/s\.yaml:\d+:\d+: fel: Filen är inte giltig YAML/);
  });

  it('reports an unknown key where it is written', () => {
    expect(check(scenario(good.replace('    text: Hej', '    text: Hej\n    txet: Hopp')))).toEqual([
      'scenarios/s.yaml:14:5: fel: Okänd nyckel "txet". Ta bort den eller rätta stavningen. Menade du "text"?',
    ]);
  });

  it('reports a missing key at its parent, in English on request', () => {
    expect(check(scenario(good.replace('        feedback: Bra\n', '')), 'en')).toEqual([
      'scenarios/s.yaml:15:9: error: The key "feedback" is missing here. Add it.',
    ]);
  });

  it('reports a missing key of any node kind as missing, at the block that lacks it, with the values to choose from', () => {
    // zod reports these as a value outside a list (or no matching kind), which read as "not allowed".
    expect(check(scenario(good.replace('    outcome: good\n', '')))).toEqual([
      'scenarios/s.yaml:21:3: fel: Nyckeln "outcome" saknas här. Lägg till den med ett av värdena: good, acceptable, poor.',
    ]);
    expect(check(scenario(good.replace('        quality: good\n', '')))).toEqual([
      'scenarios/s.yaml:15:9: fel: Nyckeln "quality" saknas här. Lägg till den med ett av värdena: good, acceptable, poor.',
    ]);
    expect(check(scenario(good.replace('    kind: ending\n', '')), 'en')).toEqual([
      'scenarios/s.yaml:21:3: error: The key "kind" is missing here. Add it with one of: situation, question, ending.',
    ]);
    expect(check(scenario(good.replace('    text: Klart\n', '')))).toEqual(['scenarios/s.yaml:21:3: fel: Nyckeln "text" saknas här. Lägg till den.']);
    expect(check(scenario(good.replace('kind: ending', 'kind: slut')))).toEqual([
      'scenarios/s.yaml:22:11: fel: Okänd nodtyp. Skriv kind: situation, kind: question eller kind: ending.',
    ]);
  });

  it('names the key and what is allowed when a value is out of range', () => {
    expect(check(scenario(good.replace('points: 2', 'points: -1')))).toEqual(['scenarios/s.yaml:17:17: fel: "points" är för litet: minst 0. Ändra värdet.']);
    expect(check(scenario(good.replace('takeaways: [Lärdom]', 'takeaways: []')), 'en')).toEqual([
      'scenarios/s.yaml:26:16: error: The list "takeaways" has too few items (0): at least 1. Add more.',
    ]);
    expect(check(scenario(good.replace('    text: Klart', '    text: ""')))).toEqual(['scenarios/s.yaml:25:11: fel: Texten i "text" är tom. Skriv en text.']);
  });

  it('reports a wrong quality with the allowed values', () => {
    expect(check(scenario(good.replace('quality: good', 'quality: great')))).toEqual([
      'scenarios/s.yaml:18:18: fel: Värdet är inte tillåtet. Välj ett av: good, acceptable, poor.',
    ]);
  });

  it('reports a wrong type', () => {
    expect(check(scenario(good.replace('points: 2', 'points: två')))).toEqual([
      'scenarios/s.yaml:17:17: fel: Här ska det stå ett tal. Ändra värdet.',
    ]);
  });

  it('reports an id with characters SCORM ids cannot carry', () => {
    expect(check(scenario(good.replace('id: c1', 'id: val-1')))).toEqual([
      'scenarios/s.yaml:15:13: fel: Id får bara innehålla små bokstäver a–z, siffror och _ (inte å, ä, ö, mellanslag eller bindestreck).',
    ]);
  });

  it('reports a target that does not exist', () => {
    expect(check(scenario(good.replace('next: end', 'next: slut')))).toEqual([
      'scenarios/s.yaml:20:15: fel: Valet leder till "slut", som inte finns. Skriv id för en nod under nodes.',
    ]);
  });

  it('reports unreachable nodes and dead ends', () => {
    const body = `${good}  orphan:
    kind: situation
    text: Ingen kommer hit
    choices:
      - { id: x, text: X, points: 0, quality: poor, feedback: F, next: orphan }
`;
    expect(check(scenario(body))).toEqual([
      'scenarios/s.yaml:27:3: fel: Noden "orphan" nås aldrig från start. Låt ett val leda hit eller ta bort noden.',
    ]);
    const loop = scenario(good.replace('next: end', 'next: a'));
    expect(check(loop)).toEqual([
      'scenarios/s.yaml:21:3: fel: Noden "end" nås aldrig från start. Låt ett val leda hit eller ta bort noden.',
      'scenarios/s.yaml:11:3: fel: Noden a leder bara tillbaka till sig själv: den som kommer hit når aldrig något slut. Låt ett val leda mot ett slut, och kontrollera villkoren (when) på de val som gör det.',
    ]);
  });

  it('reports a scenario id that differs from its file name', () => {
    expect(check(scenario(good).replace('id: s\n', 'id: annat\n'))).toEqual([
      'scenarios/s.yaml:1:5: fel: Scenariots id "annat" ska vara samma som filnamnet (s.yaml). Byt namn på filen eller ändra id.',
    ]);
  });
});
