import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkChoiceLengths, LENGTH_RATIO } from '../../src/authoring/choice-lengths.ts';
import { checkerText } from '../../src/authoring/problems.ts';
import { scenarioSchema, type ScenarioFile } from '../../src/authoring/schema.ts';
import { validateText } from '../../src/authoring/validate.ts';

const root = resolve(import.meta.dirname, '../..');
const text = await checkerText(root);
const textEn = await checkerText(root, 'en');

type Choice = [text: string, points: number];

/** A scenario of situations in a row, each with the choices given (text, points), ending in one ending. */
function scenario(situations: Choice[][]) {
  const node = (choices: Choice[], i: number) => `  s${i}:
    kind: situation
    text: Läget.
    choices:
${choices.map(([t, points], j) => `      - { id: c${j}, text: "${t}", points: ${points}, quality: ${points ? 'good' : 'poor'}, feedback: F, next: ${i + 1 < situations.length ? `s${i + 1}` : 'slut'} }`).join('\n')}
`;
  const yaml = `id: s
version: 1
title: T
summary: S
audiences: [staff]
topics: [hot]
estimatedMinutes: 5
learningGoals: [Mål]
start: s0
nodes:
${situations.map(node).join('')}  slut:
    kind: ending
    outcome: good
    title: Slut
    text: Klart
    takeaways: [Lärdom]
`;
  const result = validateText('scenarios/s.yaml', yaml, scenarioSchema);
  if (!result.data) throw new Error(result.problems.map(text.format).join('\n'));
  return { data: result.data as ScenarioFile, source: result.source };
}
const x = (n: number) => 'x'.repeat(n);
const warnings = (situations: Choice[][], translated?: Parameters<typeof checkChoiceLengths>[3], t = text) => {
  const { data, source } = scenario(situations);
  return checkChoiceLengths('scenarios/s.yaml', data, source, translated).map(t.format);
};

describe('the warning when the best choices give themselves away by length', () => {
  it('is quiet when the best is the longest in at most half of the decisions and at most 15 % longer on average', () => {
    // Longest in 1 of 2 (exactly half), and 1.15 times as long on average (exactly the limit).
    expect(LENGTH_RATIO).toBe(1.15);
    expect(warnings([[[x(30), 2], [x(20), 0]], [[x(16), 2], [x(20), 0]]])).toEqual([]);
    expect(warnings([[[x(23), 2], [x(40), 0]], [[x(23), 2], [x(1), 0]]])).toEqual([]);
  });

  it('warns when the best is the longest in more than half, at the first such decision, with the figures', () => {
    expect(warnings([[[x(10), 2], [x(12), 0]], [[x(12), 2], [x(10), 0]], [[x(12), 2], [x(10), 1], [x(11), 0]]])).toEqual([
      'scenarios/s.yaml:17:3: varning: Det bästa valet går att känna igen på längden: i 2 av 3 beslut är det bästa valet (flest poäng, eller rätt svar) längre än alla andra (s1, s2), och de bästa valen är i snitt 11 tecken långa, de andra 11. Deltagaren kan då klara scenariot genom att välja det längsta alternativet. Korta de bästa valen och gör de svagare lika konkreta och trovärdiga, tills det bästa valet är längst i högst hälften av besluten och de bästa i snitt är högst 15 % längre än de andra.',
    ]);
  });

  it('warns when the best average more than 15 % longer even if they are never the longest', () => {
    // Best 30 and 30 against 50, 1, 50 and 1: 30 > 1.15 × 25.5.
    expect(warnings([[[x(30), 2], [x(50), 0], [x(1), 0]], [[x(30), 2], [x(50), 0], [x(1), 0]]], undefined, textEn)).toEqual([
      'scenarios/s.yaml:11:3: warning: The best choice can be told by its length: in 0 of 2 decisions the best choice (most points, or the right answer) is longer than all the others, and the best choices average 30 characters, the others 26. Learners can then pass the scenario by picking the longest option. Shorten the best choices and make the weaker ones as concrete and plausible, until the best choice is the longest in at most half of the decisions and the best average at most 15 % longer than the others.',
    ]);
  });

  it('counts every choice with the most points as best, and a tie for longest as no give-away', () => {
    expect(warnings([[[x(20), 2], [x(20), 2], [x(20), 0]], [[x(20), 2], [x(20), 0]]])).toEqual([]);
  });

  it('gives the translation\'s figures too when it has every choice, and leaves them out when not', () => {
    const situations: Choice[][] = [[[x(40), 2], [x(10), 0]]];
    const texts = { nodes: { s0: { choices: { c0: { text: x(12) }, c1: { text: x(10) } } } } };
    expect(warnings(situations, { lang: 'en', texts })[0]).toMatch(
      /de andra 10\. .* I översättningen \(en\) är det bästa valet längst i 1 av 1 beslut, i snitt 12 tecken mot 10\.$/,
    );
    expect(warnings(situations, { lang: 'en', texts: { nodes: { s0: { choices: { c0: { text: x(12) } } } } } })[0]).toMatch(/15 % längre än de andra\.$/);
    expect(warnings(situations, { lang: 'en', texts: undefined })[0]).toMatch(/15 % längre än de andra\.$/);
  });
});
