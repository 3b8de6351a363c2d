import { scorm12 } from '../lms/dialect-12.ts';
import { scorm2004 } from '../lms/dialect-2004.ts';
import { findApi } from '../lms/discovery.ts';
import { LocalAdapter } from '../lms/local-adapter.ts';
import type { LmsPort } from '../lms/port.ts';
import { ScormAdapter } from '../lms/scorm-adapter.ts';
import type { CourseBundle } from '../model/course.ts';
import type { Notice } from '../ui/player-input.ts';

/** The SCORM version the package was built for ('auto' in development: whichever API is there). */
export function connect(bundle: CourseBundle): { port: LmsPort; notices: Notice[] } {
  const wanted = document.querySelector<HTMLMetaElement>('meta[name="scorm-version"]')?.content ?? 'auto';
  for (const dialect of [scorm2004, scorm12]) {
    if (wanted !== 'auto' && wanted !== dialect.version) continue;
    const api = findApi(window, dialect.version);
    if (!api) continue;
    const port = new ScormAdapter(api, dialect);
    if (port.initialize()) return { port, notices: [] };
    return { port: local(bundle), notices: [{ key: 'notice.lmsFailed' }] };
  }
  return { port: local(bundle), notices: [{ key: 'notice.local' }] };
}

function local(bundle: CourseBundle): LmsPort {
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    // Storage blocked (privacy settings, sandboxed frame): progress lasts for this page only.
  }
  const port = new LocalAdapter(`trygg:${bundle.course.id}:${bundle.course.audience}:${bundle.course.region.id}`, storage);
  port.initialize();
  return port;
}
