import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../src/authoring/compile.ts';
import { loadProject } from '../../src/authoring/load.ts';
import { contrastRatio } from '../../src/model/theme.ts';
import { applyTheme } from '../../src/ui/theme.ts';
import { projectWith } from './checker-fixtures.ts';

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#1b4d3e"/></svg>';

describe('a region theme', () => {
  it('passes the checker with readable colours and reaches the player with its logo inlined', () => {
    const { root, dispose } = projectWith();
    try {
      const profile = join(root, 'course/regions/generic.yaml');
      const theme = 'theme:\n  primary: "#1b4d3e"\n  heading: "#12332a"\n  logo: logo-generic.svg\ncontacts:';
      writeFileSync(profile, readFileSync(profile, 'utf8').replace('contacts:', theme));
      writeFileSync(join(root, 'course/regions/logo-generic.svg'), LOGO);
      const { project, problems } = loadProject(root);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      const region = compileBundle(project, { audience: 'staff', region: 'generic' }).course.region;
      expect(region.theme).toEqual({
        primary: '#1b4d3e',
        heading: '#12332a',
        logo: `data:image/svg+xml;base64,${Buffer.from(LOGO).toString('base64')}`,
      });
    } finally {
      dispose();
    }
  });

  it('is set as custom properties over the course colours, only for what it sets', () => {
    const set = new Map<string, string>();
    applyTheme({ style: { setProperty: (name: string, value: string | null) => void set.set(name, value ?? '') } }, { primary: '#1b4d3e', logo: 'data:,' });
    expect([...set]).toEqual([['--color-primary', '#1b4d3e']]);
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#0b5394')).toBeGreaterThan(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
