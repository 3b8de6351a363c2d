/**
 * Manifest rules the XSDs cannot express, after ADL's schematron checks, plus this project's own
 * requirements (mastery in 1.2; measure-based success and content-set status in 2004). Pure.
 */
import { NAMESPACES, SCHEMA_VERSION, XSI_NAMESPACE, type ScormVersion } from './manifest.ts';
import { attr, children, descendants, parseXml, XmlSyntaxError, type XmlElement } from './xml-tree.ts';

export interface RuleOptions {
  version: ScormVersion;
  /** Every path the package (zip) contains, relative with '/'. */
  packageFiles: readonly string[];
}

/**
 * Files the package holds without listing them: the manifest itself and the schema files at the root,
 * which the SCORM CAM asks for and the ADL test suite accepts unlisted. They are not content of the SCO,
 * so listing them in its resource would claim they are.
 */
export function isExemptFromListing(path: string): boolean {
  return path === 'imsmanifest.xml' || /^[^/]+\.(xsd|dtd)$/.test(path);
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const OTHER_ATTRIBUTE_NS = ['', XSI_NAMESPACE, XML_NS, 'http://www.w3.org/2000/xmlns/'];

/** Problems found in `manifest`, each naming the line and what to fix; empty when it passes. */
export function checkManifestRules(manifest: string, options: RuleOptions): string[] {
  let root: XmlElement;
  try {
    root = parseXml(manifest);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return [`imsmanifest.xml is not well-formed: ${error.message}`];
    throw error;
  }
  const problems: string[] = [];
  const report = (el: XmlElement, message: string): void => {
    problems.push(`imsmanifest.xml line ${el.line}: ${message}`);
  };
  const ns = NAMESPACES[options.version];
  const cp = ns.imscp;
  if (root.ns !== cp || root.local !== 'manifest') {
    report(root, `the root must be <manifest> in namespace ${cp} (SCORM ${options.version}), found {${root.ns}}${root.local}`);
    return problems;
  }
  const all = descendants(root);
  const known: string[] = Object.values(ns);

  // Elements in an unknown namespace are skipped by the schemas' wildcards, so a typo there goes unnoticed.
  for (const el of all) {
    if (!known.includes(el.ns)) report(el, `<${el.name}> is in namespace "${el.ns}", not a SCORM ${options.version} one`);
    for (const a of el.attributes) {
      if (!known.includes(a.ns) && !OTHER_ATTRIBUTE_NS.includes(a.ns)) {
        report(el, `attribute ${a.name} is in namespace "${a.ns}", not a SCORM ${options.version} one`);
      }
    }
  }

  // LMSs choose the runtime from these two strings.
  const metadata = children(root, cp, 'metadata')[0];
  const schema = metadata && children(metadata, cp, 'schema')[0]?.text.trim();
  const schemaVersion = metadata && children(metadata, cp, 'schemaversion')[0]?.text.trim();
  if (schema !== 'ADL SCORM' || schemaVersion !== SCHEMA_VERSION[options.version]) {
    report(metadata ?? root, `<metadata> must say <schema>ADL SCORM</schema><schemaversion>${SCHEMA_VERSION[options.version]}</schemaversion>`);
  }

  const seen = new Map<string, XmlElement>();
  for (const el of all.filter((e) => e.ns === cp)) {
    const id = attr(el, 'identifier');
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first) report(el, `identifier "${id}" is already used on line ${first.line}; identifiers must be unique`);
    else seen.set(id, el);
  }

  const organizations = children(root, cp, 'organizations')[0];
  const orgs = organizations ? children(organizations, cp, 'organization') : [];
  const defaultOrg = organizations && attr(organizations, 'default');
  if (orgs.length > 0 && !orgs.some((o) => attr(o, 'identifier') === defaultOrg)) {
    report(organizations ?? root, `<organizations default="${defaultOrg ?? ''}"> must name one of its organizations`);
  }

  const resourcesEl = children(root, cp, 'resources')[0];
  const resources = resourcesEl ? children(resourcesEl, cp, 'resource') : [];
  const byId = new Map(resources.map((r) => [attr(r, 'identifier') ?? '', r]));
  const typeAttr = options.version === '1.2' ? 'scormtype' : 'scormType';
  const scormType = (r: XmlElement): string | undefined => attr(r, typeAttr, ns.adlcp);

  for (const item of orgs.flatMap(descendants).filter((e) => e.ns === cp && e.local === 'item')) {
    const id = attr(item, 'identifier') ?? '';
    const ref = attr(item, 'identifierref');
    const isLeaf = children(item, cp, 'item').length === 0;
    if (ref !== undefined && !isLeaf) report(item, `item "${id}" has child items, so it must not have identifierref`);
    if (ref === undefined && isLeaf) report(item, `item "${id}" has no child items, so it needs an identifierref`);
    const resource = ref === undefined ? undefined : byId.get(ref);
    if (ref !== undefined && !resource) report(item, `item "${id}" has identifierref="${ref}", which matches no resource`);
    if (isLeaf && resource && scormType(resource) === 'sco') checkSco(item, id, options.version, report);
  }

  const listed = new Set<string>();
  const base = (el: XmlElement | undefined): string => (el && attr(el, 'base', XML_NS)) ?? '';
  for (const resource of resources) {
    const id = attr(resource, 'identifier') ?? '';
    const type = scormType(resource);
    if (type === undefined) report(resource, `resource "${id}" lacks adlcp:${typeAttr} ("sco" or "asset")`);
    else if (type !== 'sco' && type !== 'asset') report(resource, `resource "${id}": adlcp:${typeAttr} must be "sco" or "asset"`);
    const prefix = base(root) + base(resourcesEl) + base(resource);
    const href = attr(resource, 'href');
    if (href !== undefined) checkHref(resource, href, report);
    const files = children(resource, cp, 'file').map((f) => [f, attr(f, 'href') ?? ''] as const);
    for (const [file, fileHref] of files) {
      if (!checkHref(file, fileHref, report)) continue;
      const path = decodePath(prefix + fileHref);
      if (path === undefined) report(file, `href "${fileHref}" has malformed %-encoding`);
      else listed.add(path);
    }
    if (href !== undefined && !files.some(([, f]) => f === href)) {
      report(resource, `resource "${id}": its href "${href}" must also be listed as a <file>`);
    }
    for (const dep of children(resource, cp, 'dependency')) {
      const ref = attr(dep, 'identifierref') ?? '';
      if (!byId.has(ref)) report(dep, `resource "${id}" depends on "${ref}", which matches no resource`);
    }
  }

  const inPackage = new Set(options.packageFiles);
  for (const path of [...inPackage].filter((p) => !isExemptFromListing(p) && !listed.has(p)).sort()) {
    problems.push(`imsmanifest.xml: the package contains "${path}", but no <file> lists it`);
  }
  for (const path of [...listed].filter((p) => !inPackage.has(p)).sort()) {
    problems.push(`imsmanifest.xml: <file> lists "${path}", but the package does not contain it`);
  }
  return problems;
}

type Report = (el: XmlElement, message: string) => void;

function checkHref(el: XmlElement, href: string, report: Report): boolean {
  const problem = /^[/\\]/.test(href)
    ? "must be relative (no leading '/' or '\\')"
    : href.includes('\\')
      ? "must use '/' between folders, not '\\'"
      : href.split('/').includes('..')
        ? "must not contain '..': everything must stay inside the package"
        : undefined;
  if (problem) report(el, `href "${href}" ${problem}`);
  return problem === undefined;
}

function decodePath(href: string): string | undefined {
  try {
    return href.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
}

const isTrue = (value: string | undefined): boolean => value === 'true' || value === '1';

function checkSco(item: XmlElement, id: string, version: ScormVersion, report: Report): void {
  if (version === '1.2') {
    const mastery = children(item, NAMESPACES['1.2'].adlcp, 'masteryscore')[0];
    const score = mastery?.text.trim() ?? '';
    // Moodle and others recompute passed/failed from this; without it a 1.2 LMS never judges the score.
    if (!mastery) report(item, `item "${id}" (a SCO) needs <adlcp:masteryscore> with the pass mark 0–100`);
    else if (!/^\d+(\.\d+)?$/.test(score) || +score > 100) report(mastery, `masteryscore "${score}" must be a number 0–100`);
    return;
  }
  const ss = NAMESPACES['2004'].imsss;
  const sequencing = children(item, ss, 'sequencing')[0];
  const objectives = sequencing && children(sequencing, ss, 'objectives')[0];
  const primary = objectives && children(objectives, ss, 'primaryObjective')[0];
  const measure = primary && children(primary, ss, 'minNormalizedMeasure')[0];
  const controls = sequencing && children(sequencing, ss, 'deliveryControls')[0];
  if (!primary || !isTrue(attr(primary, 'satisfiedByMeasure')) || !measure) {
    report(primary ?? item, `item "${id}" needs <imsss:primaryObjective satisfiedByMeasure="true"> with <imsss:minNormalizedMeasure> (the pass mark)`);
  } else {
    const value = measure.text.trim();
    if (!/^\d*\.?\d+$/.test(value) || +value > 1) report(measure, `minNormalizedMeasure "${value}" must be a decimal between 0 and 1`);
  }
  // Without these, SuccessFactors and others set completion and success themselves on exit.
  if (!controls || !isTrue(attr(controls, 'completionSetByContent')) || !isTrue(attr(controls, 'objectiveSetByContent'))) {
    report(controls ?? item, `item "${id}" needs <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>`);
  }
}
