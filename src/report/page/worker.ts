import { course } from './course.ts';
import { buildReport, importAll, type ImportedFiles } from '../report.ts';
import { blobSource } from './file-source.ts';
import type { FromWorker, ToWorker } from './messages.ts';

/**
 * Reads and combines the exports off the page's thread, so the page stays responsive and can
 * show progress. Keeps what it read, so a change of settings or audience needs no re-read.
 */
let files: File[] = [];
let imported: ImportedFiles | null = null;
const post = (message: FromWorker) => postMessage(message);

addEventListener('message', (event: MessageEvent<ToWorker>) => {
  void handle(event.data).catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
});

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'files') {
    // The same file again (a mapped one read anew) replaces itself; another download of the same name is added.
    const same = (a: File, b: File) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
    files = [...files.filter((f) => !message.files.some((g) => same(f, g))), ...message.files];
    let told = 0;
    imported = await importAll(files.map(blobSource), course, (name) => (message.mappings[name] ? { mapping: message.mappings[name] } : {}), (progress) => {
      // A few updates a second are enough for the bar; more would only load the page.
      const now = performance.now();
      if (now - told < 100 && progress.done < progress.total) return;
      told = now;
      post({ type: 'progress', progress });
    });
    post({ type: 'report', data: buildReport(imported, course, message.settings).data });
    return;
  }
  if (imported) post({ type: 'report', data: buildReport(imported, course, message.settings, message.audiences).data });
}
