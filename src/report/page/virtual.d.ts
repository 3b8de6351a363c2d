/** The course's structure and texts, put in by the page build (`build-page.ts`): a `ReportCourse`. */
declare module 'virtual:report-course' {
  const course: unknown;
  export default course;
}
declare module '*?worker&inline' {
  const WorkerFactory: new () => Worker;
  export default WorkerFactory;
}
