import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileBundle } from '../../src/authoring/compile.ts';
import { loadProject } from '../../src/authoring/load.ts';
import { checkerText } from '../../src/authoring/problems.ts';

/** The annotated example in the trainers' guide is a real scenario file, so the guide cannot drift from the format. */

const root = resolve(import.meta.dirname, '../..');
const fixture = join(root, 'tests/fixtures/guide-example');
const examplePath = 'tests/fixtures/guide-example/scenarios/exempel_hotfullt_samtal.yaml';

/** The YAML block that follows the guide's `<!-- exempel: <path> -->` marker. */
function exampleInGuide(): string {
  const guide = readFileSync(join(root, 'scenarios/README.md'), 'utf8');
  const match = new RegExp(`<!-- exempel: ${examplePath} -->\\s*\`\`\`yaml\\n([\\s\\S]*?)^\`\`\`$`, 'm').exec(guide);
  if (!match) throw new Error(`scenarios/README.md has no yaml block after <!-- exempel: ${examplePath} -->`);
  return match[1]!;
}

describe('the example in scenarios/README.md', () => {
  it('is the fixture file, word for word', () => {
    expect(exampleInGuide()).toBe(readFileSync(join(root, examplePath), 'utf8'));
  });

  // A minimal project: the fixture's scenario and course, the real generic region and Swedish texts.
  const project = mkdtempSync(join(tmpdir(), 'guide-example-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  cpSync(fixture, project, { recursive: true });
  cpSync(join(root, 'course/regions/generic.yaml'), join(project, 'course/regions/generic.yaml'));
  cpSync(join(root, 'locales/sv'), join(project, 'locales/sv'), { recursive: true });

  it('passes the checker without errors or warnings, and compiles', async () => {
    const text = await checkerText(project);
    const loaded = loadProject(project);
    expect(loaded.problems.map(text.format)).toEqual([]);
    const bundle = compileBundle(loaded.project, { audience: 'staff', region: 'generic' });
    expect(bundle.course.scenarios.map((s) => s.id)).toEqual(['exempel_hotfullt_samtal']);
  });
});
