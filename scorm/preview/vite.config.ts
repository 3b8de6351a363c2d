import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The preview LMS page: `npx vite build --config scorm/preview/vite.config.ts` → build/preview/.
 * Absolute paths, so it builds the same from any working directory (scorm/build.ts calls it too);
 * a relative base, so the page works wherever the server mounts it.
 */
const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: resolve(here, '../../build/preview'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
