import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../src/authoring/compile.ts';
import { loadProject } from '../../src/authoring/load.ts';
import { worstCaseProgress } from '../../src/engine/progress-size.ts';

const { project } = loadProject(resolve(import.meta.dirname, '../..'));

describe('the suspend-data budget', () => {
  it.each(Object.keys(project.course?.audiences ?? {}))('%s: the longest decision log the course can write is at most 2,048 characters', (audience) => {
    const course = compileBundle(project, { audience, region: 'generic' }).course;
    expect(worstCaseProgress(course.scenarios).length).toBeLessThanOrEqual(2048);
  });
});
