/**
 * Builds `imsmanifest.xml` for SCORM 1.2 and SCORM 2004 4th edition: one organization, one SCO item, one
 * resource listing every file of the build. Pure: no Node APIs, so it can be tested and reused anywhere.
 */

import type { ScormVersion } from '../src/lms/formats.ts';

export type { ScormVersion };

export interface ManifestInput {
  version: ScormVersion;
  /** Manifest identifier, e.g. `trygg_i_uppdraget_generic_staff`. */
  identifier: string;
  /** Goes into the manifest's `version` attribute. */
  courseVersion: string;
  /** Organization and item title (Swedish). */
  title: string;
  /** Percent 0–100 (integer). 1.2 masteryscore = passMark; 2004 minNormalizedMeasure = passMark / 100. */
  passMark: number;
  /** Launch file, e.g. `index.html`; must be one of `files`. */
  launch: string;
  /** Every file of the build, relative paths with `/`. */
  files: string[];
}

/** The 2004 primary objective's id; the LMS seeds `cmi.objectives` with it, so the runtime must not reuse it. */
export const PRIMARY_OBJECTIVE_ID = 'course.passed';

export const NAMESPACES = {
  '1.2': {
    imscp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
    adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  },
  '2004': {
    imscp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
    adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
    adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
    adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
    imsss: 'http://www.imsglobal.org/xsd/imsss',
  },
} as const;

export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** What `<metadata>` must say; LMSs pick their runtime from these two strings. */
export const SCHEMA_VERSION: Record<ScormVersion, string> = { '1.2': '1.2', '2004': '2004 4th Edition' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' })[c]};`);
}

/**
 * A file path as a URI reference: each segment percent-encoded, so spaces, `#`, `?` and non-ASCII names
 * survive the LMS turning the href into a URL. The rules decode hrefs the same way before comparing.
 */
export function hrefFor(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function buildManifest(input: ManifestInput): string {
  checkInput(input);
  const files = [...new Set(input.files)].sort();
  const id = input.identifier;
  const ids = { org: `${id}_org`, item: `${id}_sco`, res: `${id}_res` };
  const title = escapeXml(input.title);
  const fileLines = files.map((f) => `      <file href="${escapeXml(hrefFor(f))}"/>`).join('\n');
  const launch = escapeXml(hrefFor(input.launch));
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n`;
  const metadata =
    `  <metadata>\n    <schema>ADL SCORM</schema>\n` +
    `    <schemaversion>${SCHEMA_VERSION[input.version]}</schemaversion>\n  </metadata>\n`;

  if (input.version === '1.2') {
    const ns = NAMESPACES['1.2'];
    return (
      head +
      `<manifest identifier="${id}" version="${escapeXml(input.courseVersion)}"\n` +
      `    xmlns="${ns.imscp}" xmlns:adlcp="${ns.adlcp}" xmlns:xsi="${XSI_NAMESPACE}"\n` +
      `    xsi:schemaLocation="${ns.imscp} imscp_rootv1p1p2.xsd ${ns.adlcp} adlcp_rootv1p2.xsd">\n` +
      metadata +
      `  <organizations default="${ids.org}">\n` +
      `    <organization identifier="${ids.org}">\n` +
      `      <title>${title}</title>\n` +
      `      <item identifier="${ids.item}" identifierref="${ids.res}" isvisible="true">\n` +
      `        <title>${title}</title>\n` +
      `        <adlcp:masteryscore>${input.passMark}</adlcp:masteryscore>\n` +
      `      </item>\n    </organization>\n  </organizations>\n` +
      `  <resources>\n` +
      `    <resource identifier="${ids.res}" type="webcontent" adlcp:scormtype="sco" href="${launch}">\n` +
      `${fileLines}\n    </resource>\n  </resources>\n</manifest>\n`
    );
  }

  const ns = NAMESPACES['2004'];
  const locations = [
    [ns.imscp, 'imscp_v1p1.xsd'],
    [ns.adlcp, 'adlcp_v1p3.xsd'],
    [ns.adlseq, 'adlseq_v1p3.xsd'],
    [ns.adlnav, 'adlnav_v1p3.xsd'],
    [ns.imsss, 'imsss_v1p0.xsd'],
  ].map((pair) => pair.join(' '));
  return (
    head +
    `<manifest identifier="${id}" version="${escapeXml(input.courseVersion)}"\n` +
    `    xmlns="${ns.imscp}" xmlns:adlcp="${ns.adlcp}" xmlns:adlseq="${ns.adlseq}"\n` +
    `    xmlns:adlnav="${ns.adlnav}" xmlns:imsss="${ns.imsss}" xmlns:xsi="${XSI_NAMESPACE}"\n` +
    `    xsi:schemaLocation="${locations.join('\n      ')}">\n` +
    metadata +
    `  <organizations default="${ids.org}">\n` +
    `    <organization identifier="${ids.org}">\n` +
    `      <title>${title}</title>\n` +
    `      <item identifier="${ids.item}" identifierref="${ids.res}" isvisible="true">\n` +
    `        <title>${title}</title>\n` +
    `        <imsss:sequencing>\n` +
    // XSD order: objectives before deliveryControls. Without the delivery controls some LMSs
    // (SuccessFactors) mark the SCO complete/satisfied on exit, overriding what the course reported.
    `          <imsss:objectives>\n` +
    `            <imsss:primaryObjective objectiveID="${PRIMARY_OBJECTIVE_ID}" satisfiedByMeasure="true">\n` +
    `              <imsss:minNormalizedMeasure>${input.passMark / 100}</imsss:minNormalizedMeasure>\n` +
    `            </imsss:primaryObjective>\n          </imsss:objectives>\n` +
    `          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>\n` +
    `        </imsss:sequencing>\n      </item>\n` +
    // The default controlMode has flow="false", under which the sequencer's Start request has nothing
    // to deliver and some LMSs show an empty menu instead of launching the only SCO.
    `      <imsss:sequencing>\n        <imsss:controlMode choice="true" flow="true"/>\n      </imsss:sequencing>\n` +
    `    </organization>\n  </organizations>\n` +
    `  <resources>\n` +
    `    <resource identifier="${ids.res}" type="webcontent" adlcp:scormType="sco" href="${launch}">\n` +
    `${fileLines}\n    </resource>\n  </resources>\n</manifest>\n`
  );
}

// Characters XML 1.0 cannot carry at all, even escaped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function checkInput(input: ManifestInput): void {
  const problems: string[] = [];
  // xs:ID is an NCName, so the identifier (and the ids derived from it) cannot start with a digit.
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(input.identifier)) {
    problems.push(`identifier "${input.identifier}" must match ^[A-Za-z_][A-Za-z0-9_.]*$ (an XML ID)`);
  }
  if (!input.courseVersion || input.courseVersion.length > 20 || NOT_XML_CHAR.test(input.courseVersion)) {
    problems.push(`courseVersion "${input.courseVersion}" must be 1–20 printable characters`);
  }
  if (!input.title.trim() || input.title.length > 200 || NOT_XML_CHAR.test(input.title)) {
    problems.push('title must be 1–200 characters without control characters');
  }
  // An integer keeps 1.2 (integer masteryscore by convention) and 2004 (passMark/100) exactly equal.
  if (!Number.isInteger(input.passMark) || input.passMark < 0 || input.passMark > 100) {
    problems.push(`passMark ${input.passMark} must be an integer percent 0–100`);
  }
  for (const file of input.files) {
    const bad = file.split('/').some((s) => s === '' || s === '.' || s === '..');
    if (bad || file.includes('\\') || NOT_XML_CHAR.test(file)) {
      problems.push(`file "${file}" must be a relative path with '/' separators and no '.', '..' or empty parts`);
    }
  }
  if (!input.files.includes(input.launch)) problems.push(`launch file "${input.launch}" is not among the files`);
  if (problems.length > 0) throw new Error(`Cannot build imsmanifest.xml:\n- ${problems.join('\n- ')}`);
}
