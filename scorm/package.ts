/**
 * Writes a SCORM zip: imsmanifest.xml and the official schema files at the root, then the built course.
 * Nothing is written unless the manifest passes both the XSDs and the rules. Node only.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { buildManifest, type ManifestInput, type ScormVersion } from './manifest.ts';
import { checkManifestRules } from './rules.ts';
import { officialSchemaFiles, validateManifestXsd } from './xsd.ts';

export interface PackageInput {
  version: ScormVersion;
  outFile: string;
  /** The built course: relative path with '/' → contents. */
  files: Map<string, Uint8Array>;
  /**
   * The manifest's details. `version` and `files` may be left out: they come from this input (the map is
   * the truth about what the zip holds); if given, they must agree with it.
   */
  manifest: Omit<ManifestInput, 'version' | 'files'> & Partial<Pick<ManifestInput, 'version' | 'files'>>;
}

export interface PackageResult {
  /** Size of the written zip. */
  bytes: number;
  /** Entries in the zip: the manifest, the schema files and the course files. */
  fileCount: number;
}

export class InvalidPackageError extends Error {
  constructor(
    readonly version: ScormVersion,
    readonly problems: readonly string[],
  ) {
    super(`SCORM ${version} package is not valid:\n- ${problems.join('\n- ')}`);
    this.name = 'InvalidPackageError';
  }
}

/**
 * Zip timestamps are local DOS date-times, and fflate reads the Date's local fields: a Date built from
 * local fields gives the same bytes in every time zone, where a fixed epoch value would not.
 */
const FIXED_MTIME = new Date(2020, 0, 1, 0, 0, 0);

/** XSD + rule problems of a manifest, XSD first; empty when the manifest is valid. */
export async function validateManifest(
  manifest: string,
  version: ScormVersion,
  packageFiles: readonly string[],
): Promise<string[]> {
  const rules = checkManifestRules(manifest, { version, packageFiles });
  // Not well-formed: xmllint would only repeat the parser error.
  if (rules.length === 1 && rules[0]?.includes('not well-formed')) return rules;
  return [...(await validateManifestXsd(manifest, version)), ...rules];
}

/** The package as zip bytes; throws InvalidPackageError if the manifest fails validation. */
export async function buildPackage(input: Omit<PackageInput, 'outFile'>): Promise<{ zip: Uint8Array; fileCount: number }> {
  const schemas = await officialSchemaFiles(input.version);
  const paths = [...input.files.keys()].sort();
  const mismatch: string[] = paths
    .filter((p) => p === 'imsmanifest.xml' || schemas.has(p))
    .map((p) => `"${p}" is reserved for the package root; rename it`);
  const { version, files } = input.manifest;
  if (version !== undefined && version !== input.version) mismatch.push(`manifest.version ${version} ≠ version ${input.version}`);
  if (files && [...new Set(files)].sort().join('\n') !== paths.join('\n')) {
    mismatch.push('manifest.files differs from the files given to package; leave it out or pass the same paths');
  }
  if (mismatch.length > 0) throw new InvalidPackageError(input.version, mismatch);
  const manifest = buildManifest({ ...input.manifest, version: input.version, files: paths });
  const entries: [string, Uint8Array][] = [
    ['imsmanifest.xml', new TextEncoder().encode(manifest)],
    ...schemas,
    ...paths.map((p): [string, Uint8Array] => [p, input.files.get(p) ?? new Uint8Array()]),
  ];
  const problems = await validateManifest(manifest, input.version, entries.map(([p]) => p));
  if (problems.length > 0) throw new InvalidPackageError(input.version, problems);

  // Insertion order is entry order (integer-like names aside, which JS orders first — still deterministic).
  const zippable: Zippable = {};
  for (const [path, data] of entries) zippable[path] = data;
  const zip = zipSync(zippable, { level: 9, mtime: FIXED_MTIME });
  return { zip, fileCount: entries.length };
}

/** Validates, zips and writes the package to `outFile` (creating its folder). */
export async function writePackage(input: PackageInput): Promise<PackageResult> {
  const { zip, fileCount } = await buildPackage(input);
  await mkdir(dirname(input.outFile), { recursive: true });
  await writeFile(input.outFile, zip);
  return { bytes: zip.length, fileCount };
}
