import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/**
 * What a broken case changes in the base project (`tests/fixtures/base/`), in its
 * `case.yaml`; any other file in the case's folder is copied over the base as it is.
 */
const caseSchema = z.strictObject({
  copy: z.array(z.strictObject({ from: z.string(), to: z.string() })).optional(),
  remove: z.array(z.string()).optional(),
  edit: z.array(z.strictObject({ file: z.string(), find: z.string(), replace: z.string() })).optional(),
  /** Files of a given size, written here so that nothing big is committed. */
  generate: z.array(z.strictObject({ file: z.string(), bytes: z.number().int().min(0) })).optional(),
  /**
   * Valid scenarios of knowledge questions in a row (`<prefix><n>.yaml`), listed for the
   * base's audience, for the size limits of long courses.
   */
  chain: z.strictObject({ prefix: z.string(), scenarios: z.number().int().min(1), questions: z.number().int().min(1) }).optional(),
});

export const brokenCases = (): string[] => readdirSync(join(FIXTURES, 'broken')).sort();

function chainScenario(id: string, questions: number): string {
  const node = (i: number) => `  q${i}:
    kind: question
    text: Fråga ${i}.
    points: 1
    options:
      - { id: ja, text: Ja., correct: true, feedback: Rätt. }
      - { id: nej, text: Nej., correct: false, feedback: Fel. }
    next: ${i + 1 < questions ? `q${i + 1}` : 'slut'}
`;
  const nodes = Array.from({ length: questions }, (_, i) => node(i)).join('');
  return `id: ${id}
version: 1
title: Lång
summary: Många frågor.
audiences: [staff]
topics: [hot]
estimatedMinutes: 60
learningGoals: [Uthållighet.]
start: q0
nodes:
${nodes}  slut:
    kind: ending
    outcome: good
    title: Slut
    text: Klart.
    takeaways: [Klart.]
`;
}

/** A temporary copy of the base project with a broken case applied; the base alone without a case. */
export function projectWith(caseName?: string): { root: string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'checker-'));
  cpSync(join(FIXTURES, 'base'), root, { recursive: true });
  if (caseName) {
    const dir = join(FIXTURES, 'broken', caseName);
    const spec = caseSchema.parse(parse(readFileSync(join(dir, 'case.yaml'), 'utf8')) ?? {});
    for (const { from, to } of spec.copy ?? []) cpSync(join(root, from), join(root, to));
    for (const path of spec.remove ?? []) rmSync(join(root, path), { recursive: true });
    for (const { file, find, replace } of spec.edit ?? []) {
      const text = readFileSync(join(root, file), 'utf8');
      if (!text.includes(find)) throw new Error(`${caseName}: "${find}" is not in ${file}`);
      writeFileSync(join(root, file), text.replace(find, replace));
    }
    for (const { file, bytes } of spec.generate ?? []) writeFileSync(join(root, file), 'a'.repeat(bytes));
    if (spec.chain) {
      const { prefix, scenarios, questions } = spec.chain;
      const ids = Array.from({ length: scenarios }, (_, i) => `${prefix}${i}`);
      for (const id of ids) writeFileSync(join(root, `scenarios/${id}.yaml`), chainScenario(id, questions));
      const course = join(root, 'course/course.yaml');
      writeFileSync(course, readFileSync(course, 'utf8').replace('      - disken\n', ['disken', ...ids].map((id) => `      - ${id}\n`).join('')));
    }
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name === 'case.yaml') continue;
      const from = join(entry.parentPath, entry.name);
      const to = join(root, from.slice(dir.length + 1));
      if (!existsSync(dirname(to))) cpSync(dirname(from), dirname(to), { recursive: true });
      cpSync(from, to);
    }
  }
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
