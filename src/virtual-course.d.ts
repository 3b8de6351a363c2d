declare module 'virtual:course' {
  import type { CourseBundle } from './model/course.ts';

  const bundle: CourseBundle;
  export default bundle;
}
