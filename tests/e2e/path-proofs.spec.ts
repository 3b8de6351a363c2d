import { expect, test } from './fixtures.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadProject } from '../../src/authoring/load.ts';
import { toSpec } from '../../src/authoring/scenario-file.ts';
import { pathsToEndings } from '../../src/engine/paths.ts';
import { choiceOf } from '../../src/model/scenario.ts';
import { cmi, decide, launch, openScenario, openShortVersion, type Version } from './preview-driver.ts';

/**
 * Path proofs: for every scenario of the course, one path to each of its endings is taken
 * from the scenario's machine and played through the real player inside scorm-again, in
 * each language. The LMS must record exactly the decisions of the path. Nothing here names
 * a scenario: a new scenario file brings its own tests.
 */
const root = resolve(import.meta.dirname, '../..');
const { project } = loadProject(root);
const course = project.course;
const RESULT = { '1.2': { good: 'correct', acceptable: 'neutral', poor: 'wrong' }, '2004': { good: 'correct', acceptable: 'neutral', poor: 'incorrect' } };
// Each language runs against one SCORM version, and a scenario's paths take turns: every scenario
// (each has several endings) is played in both languages and versions, each path once, which keeps
// the suite within its time as scenarios and short versions are added.
const RUNS: readonly { lang: string; version: Version }[] = [
  { lang: 'sv', version: '2004' },
  { lang: 'en', version: '1.2' },
];
/** The ending's title as written in that language's texts (Swedish in the YAML, others in locales). */
const endingTitle = (lang: string, scenarioId: string, endingId: string): string => {
  const texts = project.resources.get(lang)?.get(`scenario.${scenarioId}`) as { nodes: Record<string, { title: string }> };
  return texts.nodes[endingId]?.title ?? '';
};
const beginLabel = (lang: string) =>
  (JSON.parse(readFileSync(resolve(root, `locales/${lang}/ui.json`), 'utf8')) as { start: { begin: string } }).start.begin;

for (const file of project.scenarios.values()) {
  const audience = Object.entries(course?.audiences ?? {}).find(([, a]) => [...a.scenarios, ...(a.optional ?? [])].includes(file.id))?.[0];
  if (!audience) continue;
  const spec = toSpec(file);
  const paths = pathsToEndings(spec);

  test(`${file.id}: every ending is reachable`, () => {
    const endings = Object.values(spec.nodes).filter((n) => n.kind === 'ending').map((n) => n.id).sort();
    expect(paths.map((p) => p.endingId)).toEqual(endings);
  });

  for (const [n, path] of paths.entries()) {
    for (const { lang, version } of [RUNS[n % RUNS.length]!]) {
      test(`${file.id} → ${path.endingId}${path.short ? ' (short version)' : ''} (${lang}, SCORM ${version})`, async ({ page }) => {
        const frame = await launch(page, version, { lang, audience });
        await frame.getByRole('button', { name: beginLabel(lang), exact: true }).click();
        if (path.short) await openShortVersion(frame, file.id);
        else await openScenario(frame, file.id);
        for (const step of path.decisions) await decide(frame, step);
        await expect(frame.locator('ending-view h1')).toBeFocused();
        await expect(frame.locator('ending-view h1')).toHaveText(endingTitle(lang, file.id, path.endingId));

        const record = await cmi(page);
        const recorded = path.decisions.map((_, n) => ({
          id: record[`cmi.interactions.${n}.id`],
          response: record[`cmi.interactions.${n}.${version === '1.2' ? 'student_response' : 'learner_response'}`],
          result: record[`cmi.interactions.${n}.result`],
        }));
        expect(recorded).toEqual(
          path.decisions.map((d) => ({
            id: `${file.id}.${d.nodeId}`,
            response: d.choiceId,
            result: RESULT[version][choiceOf(spec, d.nodeId, d.choiceId).quality],
          })),
        );
        expect(record[`cmi.interactions.${path.decisions.length}.id`]).toBeUndefined();
      });
    }
  }
}
