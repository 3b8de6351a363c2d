import { resolve } from 'node:path';
import { loadProject } from '../../authoring/load.ts';
import { buildReportPage } from './build-page.ts';

/** `npm run build:report`: only the report page (the full build also writes it). */
const root = resolve(import.meta.dirname, '../../..');
console.log(await buildReportPage(root, loadProject(root).project));
