import { defineConfig } from 'vite';
import { courseViteConfig } from './src/authoring/vite-plugin.ts';

// `npm run dev`: the course for one audience and region, from the trainers' files as they are now.
export default defineConfig(
  courseViteConfig(import.meta.dirname, {
    audience: process.env.COURSE_AUDIENCE ?? 'staff',
    region: process.env.COURSE_REGION ?? 'generic',
  }),
);
