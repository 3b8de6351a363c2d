import type { Plugin, UserConfig } from 'vite';
import { compileBundle, type BuildTarget } from './compile.ts';
import { loadProject } from './load.ts';
import { checkerText, hasErrors } from './problems.ts';

const VIRTUAL_ID = 'virtual:course';
const RESOLVED_ID = '\0virtual:course';

/** A Content-Security-Policy that allows nothing but the package's own files. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Serves the trainers' files to the player as `virtual:course`: loaded, checked and
 * compiled for one audience in one region. A course with errors is never built.
 */
export function coursePlugin(root: string, target: BuildTarget): Plugin {
  return {
    name: 'trygg-course',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const { project, problems } = loadProject(root);
      for (const file of project.files) this.addWatchFile(file);
      if (hasErrors(problems)) {
        const { format } = await checkerText(root);
        this.error(problems.filter((p) => p.severity === 'error').map(format).join('\n'));
      }
      return `export default ${JSON.stringify(compileBundle(project, target))};`;
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (ctx.server) return html;
        return html.replace(
          '<meta name="scorm-version"',
          `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />\n    <meta name="scorm-version"`,
        );
      },
    },
  };
}

/** Vite settings for one player build; `npm run dev` and the package build share them. */
export function courseViteConfig(root: string, target: BuildTarget, outDir = 'build/course'): UserConfig {
  return {
    root,
    base: './',
    logLevel: 'warn',
    plugins: [coursePlugin(root, target)],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // One script, no preload helper: the page and its script are the only requests.
      modulePreload: false,
      reportCompressedSize: false,
    },
  };
}
