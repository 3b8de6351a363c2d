import data from 'virtual:report-course';
import type { ReportCourse } from '../course-model.ts';

/** The course this report page was built with. */
export const course = data as ReportCourse;
