import { defineConfig } from 'vite';
import { courseViteConfig } from './src/authoring/vite-plugin.ts';

// `npm run dev`: the course for one audience and region, from the trainers' files as they are now.
// The dev server says where it runs and opens the browser; builds stay quiet but for warnings.
export default defineConfig(({ command }) => ({
  ...courseViteConfig(import.meta.dirname, {
    audience: process.env.COURSE_AUDIENCE ?? 'staff',
    region: process.env.COURSE_REGION ?? 'generic',
  }),
  ...(command === 'serve' && { logLevel: 'info', server: { open: !process.env.CI } }),
}));
