import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import type { Project } from '../../authoring/load.ts';
import { reportCourse } from '../course-data.ts';
import { reportPageName } from '../page-file.ts';

const VIRTUAL = 'virtual:report-course';

/**
 * Builds `dist/<course>-rapport.html`: one file with everything inlined (script, styles, the
 * worker as a blob), the course's structure and texts in it, and a CSP that allows no network
 * at all (`connect-src 'none'`) and no script but its own (by hash).
 */
export async function buildReportPage(root: string, project: Project): Promise<string> {
  const course = reportCourse(project);
  const plugin: Plugin = {
    name: 'report-course',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
    load: (id) => (id === `\0${VIRTUAL}` ? `export default ${JSON.stringify(course)};` : undefined),
  };
  const outDir = join(root, 'build/report');
  await build({
    configFile: false,
    root: join(root, 'src/report/page'),
    base: './',
    logLevel: 'warn',
    plugins: [plugin, viteSingleFile()],
    worker: { format: 'iife', plugins: () => [plugin] },
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 5000 },
  });
  let html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const hashes = [...html.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`);
  const csp = [
    "default-src 'none'",
    `script-src ${hashes.join(' ')}`,
    'worker-src blob:',
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  html = html.replace('<!--csp-->', `<meta http-equiv="Content-Security-Policy" content="${csp}" />`);
  mkdirSync(join(root, 'dist'), { recursive: true });
  const file = join(root, 'dist', reportPageName(course.id));
  writeFileSync(file, html);
  return file;
}
